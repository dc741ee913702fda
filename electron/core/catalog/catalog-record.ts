import { z } from 'zod';
import { RoutineStep } from '../../shared/schemas/catalog-schemas';
import { Concern, Lab, SkinType, Undertone } from '../../shared/schemas/skin-profile-schemas';

/**
 * The canonical product record: what a published snapshot and delta carry, one per SKU, and what the
 * kiosk stores. Source files (products CSV, Google Merchant XML/TSV, attributes and shades CSVs) are
 * validated into this shape at publish time; the kiosk validates it again before storing it.
 */
/**
 * Who a product suits: the skin types of a profile, plus `sensitive` — made for sensitive skin, the
 * suitability the questionnaire asks about. Sensitive skin can be of any type, so `sensitive` never
 * narrows the types a product suits.
 */
export const ProductSkinType = z.enum([...SkinType.options, 'sensitive']);
export type ProductSkinType = z.infer<typeof ProductSkinType>;

export const ProductFlag = z.enum(['fragrance_free', 'non_comedogenic', 'vegan', 'pregnancy_safe']);
export type ProductFlag = z.infer<typeof ProductFlag>;

/** Google Merchant Center's availability values, which our own CSV uses too. */
export const Availability = z.enum(['in_stock', 'out_of_stock', 'preorder', 'backorder']);
export type Availability = z.infer<typeof Availability>;

export const STORE_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
export const SKU_PATTERN = /^[A-Za-z0-9._\-/]{1,64}$/;
const HEX_PATTERN = /^#[0-9a-f]{6}$/;

export const ShadeRecord = z.object({
  /** Retailer's shade code, e.g. `N120`; null when the shade only has a name. */
  code: z.string().min(1).max(32).nullable(),
  name: z.string().min(1).max(80),
  /** Lower-case sRGB hex for the swatch. */
  hex: z.string().regex(HEX_PATTERN),
  /** D65 CIELAB used for matching (measured, or derived from the hex). */
  lab: Lab,
  undertone: Undertone,
  /** Monk Skin Tone depth 1 (lightest) to 10 (deepest). */
  depth: z.number().int().min(1).max(10),
});
export type ShadeRecord = z.infer<typeof ShadeRecord>;

export const ConcernStrength = z.object({ concern: Concern, strength: z.number().min(0).max(1) });
export type ConcernStrength = z.infer<typeof ConcernStrength>;

export const CatalogRecord = z.object({
  sku: z.string().regex(SKU_PATTERN),
  gtin: z
    .string()
    .regex(/^\d{8,14}$/)
    .nullable(),
  brand: z.string().min(1).max(80),
  name: z.string().min(1).max(160),
  step: RoutineStep,
  description: z.string().max(4000),
  size: z.string().max(40).nullable(),
  priceMinor: z.number().int().nonnegative().max(100_000_000),
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** Absolute http(s) URL or a path relative to the feed's base URL. */
  image: z.string().min(1).max(2048).nullable(),
  productUrl: z.string().max(2048).nullable(),
  /** `{url}`, `{sku}` and `{affiliateId}` are filled in by the link builder. */
  affiliateTemplate: z.string().max(2048).nullable(),
  /** Shopify variant id, for cart permalinks; null when the store does not use Shopify carts. */
  cartVariantId: z
    .string()
    .regex(/^\d{1,20}$/)
    .nullable(),
  /** Availability in every store without an override below. */
  availability: Availability,
  /** Per-store overrides, keyed by store id (config `storeId`). */
  storeAvailability: z.record(z.string().regex(STORE_ID_PATTERN), Availability),
  /** No skin type among them (empty, or only `sensitive`) = suits every skin type. */
  skinTypes: z.array(ProductSkinType),
  concerns: z
    .array(ConcernStrength)
    .refine((list) => new Set(list.map((c) => c.concern)).size === list.length, 'each concern at most once'),
  /** Key ingredients as INCI names, in the order the label lists them. */
  ingredients: z.array(z.string().min(1).max(120)).max(60),
  flags: z.array(ProductFlag),
  spf: z.number().int().min(0).max(100).nullable(),
  /** Complexion products only (foundation, concealer). */
  shades: z.array(ShadeRecord).max(300),
});
export type CatalogRecord = z.infer<typeof CatalogRecord>;

/** A product is in stock at a store when its override (or, lacking one, its default) says so. */
export function isInStock(
  record: Pick<CatalogRecord, 'availability' | 'storeAvailability'>,
  storeId: string,
): boolean {
  return (record.storeAvailability[storeId] ?? record.availability) === 'in_stock';
}

/**
 * Every field of a record in a fixed order, lists normalised: the input of the content hash. Written
 * out by hand (rather than sorting object keys) because hashing runs for every row of every delta;
 * a test checks that no field of CatalogRecord is left out.
 */
export function recordFingerprintParts(input: CatalogRecord): unknown[] {
  const r = normalizeRecord(input);
  return [
    r.sku,
    r.gtin,
    r.brand,
    r.name,
    r.step,
    r.description,
    r.size,
    r.priceMinor,
    r.currency,
    r.image,
    r.productUrl,
    r.affiliateTemplate,
    r.cartVariantId,
    r.availability,
    Object.entries(r.storeAvailability).sort(([a], [b]) => (a < b ? -1 : 1)),
    r.skinTypes,
    r.concerns.map((c) => [c.concern, c.strength]),
    r.ingredients,
    r.flags,
    r.spf,
    r.shades.map((s) => [s.code, s.name, s.hex, s.lab.L, s.lab.a, s.lab.b, s.undertone, s.depth]),
  ];
}

/**
 * Puts the order-free lists of a record into one order (concerns strongest first, skin types and flags
 * in vocabulary order) so that equal products have equal canonical JSON and so equal content hashes.
 * Ingredient and shade order are meaningful (label order, shade range) and kept.
 */
export function normalizeRecord(record: CatalogRecord): CatalogRecord {
  return {
    ...record,
    skinTypes: ProductSkinType.options.filter((type) => record.skinTypes.includes(type)),
    flags: ProductFlag.options.filter((flag) => record.flags.includes(flag)),
    concerns: [...record.concerns].sort(
      (a, b) => b.strength - a.strength || (a.concern < b.concern ? -1 : 1),
    ),
  };
}
