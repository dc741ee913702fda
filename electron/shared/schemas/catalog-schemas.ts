import { z } from 'zod';
import { Concern, Lab, Undertone } from './skin-profile-schemas';

export const RoutineStep = z.enum([
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
]);
export type RoutineStep = z.infer<typeof RoutineStep>;

/** Money always travels in minor units (cents) with an ISO 4217 currency. */
export const Money = z.object({
  amountMinor: z.number().int().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/),
});
export type Money = z.infer<typeof Money>;

/** What a product card shows. Images are served by the host under `/product-images/…`. */
export const ProductSummary = z.object({
  sku: z.string().min(1).max(64),
  brand: z.string(),
  name: z.string(),
  step: RoutineStep,
  size: z.string().nullable(),
  price: Money,
  imageUrl: z.string().nullable(),
  inStock: z.boolean(),
  concerns: z.array(Concern),
  flags: z.array(z.enum(['fragrance_free', 'non_comedogenic', 'vegan', 'pregnancy_safe'])),
  spf: z.number().int().nullable(),
});
export type ProductSummary = z.infer<typeof ProductSummary>;

/**
 * Why a product was picked, as a message key plus parameters so the renderer can say it in the
 * shopper's language, e.g. `{ key: 'targets_concern', params: { concern: 'redness', score: 72 } }`.
 */
export const Reason = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type Reason = z.infer<typeof Reason>;

const RoutinePick = z.object({ product: ProductSummary, reasons: z.array(Reason) });

export const RoutineSlot = z.object({
  step: RoutineStep,
  /** Morning / evening / both, for the routine card. */
  when: z.enum(['am', 'pm', 'am_pm']),
  optional: z.boolean(),
  /** The first pick is the recommendation, the rest are 0–2 alternatives. */
  picks: z.array(RoutinePick).min(1).max(3),
});
export type RoutineSlot = z.infer<typeof RoutineSlot>;

export const Routine = z.object({
  slots: z.array(RoutineSlot),
  catalogVersion: z.string(),
  total: Money.nullable(),
});
export type Routine = z.infer<typeof Routine>;

const ShadeCandidate = z.object({
  product: ProductSummary,
  shadeName: z.string(),
  hex: z.string(),
  lab: Lab,
  undertone: Undertone,
  deltaE00: z.number().nonnegative(),
});

export const ShadeMatch = z.object({
  /** Best three, closest first. */
  candidates: z.array(ShadeCandidate),
  /** False when even the best ΔE00 is above 5: the UI says "no close match — ask our staff". */
  closeMatch: z.boolean(),
});
export type ShadeMatch = z.infer<typeof ShadeMatch>;

export const CatalogStatus = z.object({
  version: z.string(),
  source: z.string(),
  signedAt: z.string().nullable(),
  productCount: z.number().int().nonnegative(),
  lastSyncAt: z.string().nullable(),
  nextSyncAt: z.string().nullable(),
  lastError: z.string().nullable(),
  lastReport: z
    .object({
      added: z.number().int(),
      updated: z.number().int(),
      removed: z.number().int(),
      rejected: z.array(z.object({ sku: z.string().nullable(), reason: z.string() })),
    })
    .nullable(),
});
export type CatalogStatus = z.infer<typeof CatalogStatus>;
