import { z } from 'zod';
import {
  Concern,
  ItaClass,
  MetricKey,
  SkinType,
  SkinUndertone,
} from '../../shared/schemas/skin-profile-schemas';
import { RoutineStep } from '../../shared/schemas/catalog-schemas';

/**
 * The "save my results" payload, carried in the URL fragment of the results page so it never
 * reaches a server. Short keys keep the QR code small; resources/results-page/results.js reads
 * exactly this shape (version 1).
 */
const ProductPrice = z.union([z.number().int(), z.tuple([z.number().int(), z.string().regex(/^[A-Z]{3}$/)])]);

export const ResultsPayload = z.object({
  v: z.literal(1),
  /** Page language. */
  l: z.enum(['en', 'es']),
  /** Day of the scan, YYYY-MM-DD. */
  d: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  t: SkinType,
  /** Sensitive skin, 1 or 0. */
  s: z.union([z.literal(0), z.literal(1)]),
  /**
   * Tone: Monk 1–10, undertone, swatch hex, ITA class, and `a: 1` when the colour is approximate
   * (no chart calibration); null without a scan or when the tone was withheld.
   */
  tn: z
    .object({ m: z.number().int(), u: SkinUndertone, h: z.string(), c: ItaClass, a: z.literal(1).optional() })
    .nullable(),
  /** Metric scores 0–100 (only those measured with enough confidence). */
  m: z.array(z.tuple([MetricKey, z.number().int().min(0).max(100)])),
  /** Concerns, strongest first. */
  c: z.array(Concern),
  /** Currency of the prices (the catalog's). */
  cu: z.string().regex(/^[A-Z]{3}$/),
  /**
   * Products as tuples, to keep the QR small: step, brand, name, price in minor units (or
   * `[minor, currency]` when it differs from `cu`), then an optional buy link.
   */
  p: z.array(
    z.union([
      z.tuple([RoutineStep, z.string(), z.string(), ProductPrice]),
      z.tuple([RoutineStep, z.string(), z.string(), ProductPrice, z.string()]),
    ]),
  ),
  /** One link that fills an online cart with the whole routine. */
  k: z.string().optional(),
});
export type ResultsPayload = z.infer<typeof ResultsPayload>;
export type ResultsProduct = ResultsPayload['p'][number];

/** UTF-8 JSON → base64url without padding. */
export function encodeResultsPayload(payload: ResultsPayload): string {
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The inverse of `encodeResultsPayload`; throws on anything that is not a valid payload. */
export function decodeResultsPayload(encoded: string): ResultsPayload {
  const b64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  return ResultsPayload.parse(JSON.parse(new TextDecoder().decode(bytes)));
}
