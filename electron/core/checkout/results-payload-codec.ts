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
 * reaches a server. Short keys and raw-deflate compression keep the QR code small (`#z=`, see
 * below); resources/results-page/results.js reads exactly this shape (version 1), compressed or,
 * for links saved before compression, as plain base64url JSON (`#r=`).
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
  /** How many routine products did not fit in the code (the page says so). */
  x: z.number().int().positive().optional(),
});
export type ResultsPayload = z.infer<typeof ResultsPayload>;
export type ResultsProduct = ResultsPayload['p'][number];

/** Raw DEFLATE (RFC 1951) and its inverse, supplied by the host (zlib in Node, tests). */
export type Deflate = (bytes: Uint8Array) => Uint8Array;
export type Inflate = (bytes: Uint8Array) => Uint8Array;

/** Fragment parameter of compressed payloads (older links carry the plain form as `r`). */
export const COMPRESSED_PARAM = 'z';

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): Uint8Array {
  const b64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

/**
 * Word lists of the compact form: a word travels as its index. Append-only — a saved link must
 * keep meaning the same words — and copied verbatim in resources/results-page/results.js.
 */
export const RESULTS_VOCABULARY = {
  types: ['oily', 'combination', 'normal', 'dry'],
  // Appended, never reordered: indices are what links already printed carry.
  undertones: ['cool', 'neutral', 'warm', 'cannot_tell'],
  itaClasses: ['very_light', 'light', 'intermediate', 'tan', 'brown', 'dark'],
  metrics: ['texture', 'pores', 'darkSpots', 'redness', 'wrinkles', 'shine', 'unevenness', 'darkCircles'],
  concerns: [
    'texture',
    'pores',
    'dark_spots',
    'redness',
    'wrinkles',
    'oiliness',
    'uneven_tone',
    'dark_circles',
    'dryness',
    'acne',
    'dullness',
  ],
  steps: [
    'cleanser',
    'toner',
    'serum',
    'treatment',
    'moisturizer',
    'sunscreen',
    'eye',
    'mask',
    'foundation',
    'concealer',
  ],
} as const;

const V = RESULTS_VOCABULARY;
const at = (list: readonly string[], word: string): number => {
  const i = list.indexOf(word);
  if (i < 0) throw new Error(`"${word}" is not in the results vocabulary`);
  return i;
};
const word = <T extends string>(list: readonly T[], i: unknown): T => {
  const w = typeof i === 'number' ? list[i] : undefined;
  if (w === undefined) throw new Error(`index ${String(i)} is not in the results vocabulary`);
  return w;
};

/**
 * The compact wire form (version 2): one JSON array, words as indices, the date as YYMMDD and the
 * swatch without '#': [2, l, d, t, s, tn | 0, m, c, cu, p, k | 0, x | 0] with tn = [monk,
 * undertone, hex, itaClass, 1 when the colour is approximate], m = [[metric, score]…], c = [concern…], p = [[step, brand, name, price,
 * link?]…]. About half the bytes of the keyed JSON before compression.
 */
function toWire(p: ResultsPayload): unknown[] {
  const tone = p.tn
    ? [
        p.tn.m,
        at(V.undertones, p.tn.u),
        p.tn.h.replace(/^#/, ''),
        at(V.itaClasses, p.tn.c),
        ...(p.tn.a ? [1] : []),
      ]
    : 0;
  return [
    2,
    p.l,
    p.d.slice(2).replace(/-/g, ''),
    at(V.types, p.t),
    p.s,
    tone,
    p.m.map(([k, score]) => [at(V.metrics, k), score]),
    p.c.map((c) => at(V.concerns, c)),
    p.cu,
    p.p.map(([step, ...rest]) => [at(V.steps, step), ...rest]),
    p.k ?? 0,
    p.x ?? 0,
  ];
}

function fromWire(w: unknown): unknown {
  if (!Array.isArray(w) || w[0] !== 2) throw new Error('not a version-2 results payload');
  const [, l, d, t, s, tn, m, c, cu, p, k, x] = w as [unknown, string, string, ...unknown[]];
  return {
    v: 1,
    l,
    d: /^\d{6}$/.test(String(d)) ? `20${d.slice(0, 2)}-${d.slice(2, 4)}-${d.slice(4, 6)}` : d,
    t: word(V.types, t),
    s,
    tn: Array.isArray(tn)
      ? {
          m: tn[0],
          u: word(V.undertones, tn[1]),
          h: `#${String(tn[2])}`,
          c: word(V.itaClasses, tn[3]),
          ...(tn[4] === 1 ? { a: 1 } : {}),
        }
      : null,
    m: (m as [number, number][]).map(([key, score]) => [word(V.metrics, key), score]),
    c: (c as number[]).map((i) => word(V.concerns, i)),
    cu,
    p: (p as [number, ...unknown[]][]).map(([step, ...rest]) => [word(V.steps, step), ...rest]),
    ...(k ? { k } : {}),
    ...(x ? { x } : {}),
  };
}

/** Compact JSON → raw DEFLATE → base64url without padding (the `#z=` form). */
export function encodeResultsPayload(payload: ResultsPayload, deflate: Deflate): string {
  return toBase64Url(
    deflate(new TextEncoder().encode(JSON.stringify(toWire(ResultsPayload.parse(payload))))),
  );
}

/**
 * The inverse of `encodeResultsPayload`, or without `inflate` of the plain keyed `#r=` form that
 * older links carry; throws on anything that is not a valid payload.
 */
export function decodeResultsPayload(encoded: string, inflate?: Inflate): ResultsPayload {
  const bytes = fromBase64Url(encoded);
  const json = JSON.parse(new TextDecoder().decode(inflate ? inflate(bytes) : bytes)) as unknown;
  return ResultsPayload.parse(inflate ? fromWire(json) : json);
}
