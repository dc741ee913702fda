import type Database from 'better-sqlite3';
import {
  Availability,
  type CatalogRecord,
  type ConcernStrength,
  type ProductFlag,
  ProductSkinType,
} from '../../core/catalog/catalog-record';
import { toCandidate, type RecommendCandidate } from '../../core/catalog/recommend-candidate';
import type { CandidateLists } from '../../core/catalog/routine-types';
import type { ShadeOption } from '../../core/catalog/shade-matcher';
import type { CheckoutProduct } from '../../core/checkout/product-lookup-port';
import { readRecords } from './catalog-record-reader';
import { RoutineStep, type ProductSummary } from '../../shared/schemas/catalog-schemas';
import { Concern, Undertone } from '../../shared/schemas/skin-profile-schemas';

/** Maps a product's image reference to the URL the renderer loads, or null while it is not cached. */
export type ImageUrlResolver = (image: string | null) => string | null;

interface SummaryRow {
  id: number;
  sku: string;
  brand: string;
  name: string;
  step: string;
  size: string | null;
  price_minor: number;
  currency: string;
  image: string | null;
  availability: string;
  product_url: string | null;
  affiliate_template: string | null;
  cart_variant_id: string | null;
  store_availability: string | null;
  fragrance_free: number | null;
  non_comedogenic: number | null;
  vegan: number | null;
  pregnancy_safe: number | null;
  spf: number | null;
  concerns: string;
}

const SUMMARY_SELECT = `
  SELECT p.id, p.sku, p.brand, p.name, p.step, p.size, p.price_minor, p.currency, p.image, p.availability,
    p.product_url, p.affiliate_template, p.cart_variant_id,
    sa.availability AS store_availability, a.fragrance_free, a.non_comedogenic, a.vegan, a.pregnancy_safe, a.spf,
    (SELECT json_group_array(concern) FROM
      (SELECT concern FROM product_concerns c WHERE c.product_id = p.id ORDER BY strength DESC, concern)) AS concerns
  FROM products p
  LEFT JOIN product_attributes a ON a.product_id = p.id
  LEFT JOIN store_availability sa ON sa.product_id = p.id AND sa.store_id = @store`;

/** Values a newer publisher may know and this build does not are dropped, never passed on. */
const known = <T extends string>(values: readonly T[], value: unknown): value is T =>
  values.includes(value as T);
const parseList = <T extends string>(json: string | null, values: readonly T[]): T[] =>
  ((JSON.parse(json ?? '[]') as unknown[]) ?? []).filter((value): value is T => known(values, value));

/**
 * Read side of the catalog database: product cards, full-text search, recommendation candidates and
 * shades. Every query is prepared once per database handle.
 */
export class CatalogReader {
  private readonly bySkus: Database.Statement;
  private readonly searchHits: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.bySkus = db.prepare(`${SUMMARY_SELECT} WHERE p.sku IN (SELECT value FROM json_each(@skus))`);
    this.searchHits = db.prepare(`${SUMMARY_SELECT}
      JOIN (SELECT rowid AS hit, bm25(products_fts, 8, 6, 1, 3, 2, 4) AS rank
            FROM products_fts WHERE products_fts MATCH @query ORDER BY rank LIMIT @limit) h ON h.hit = p.id
      ORDER BY h.rank, p.sku`);
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM products').get() as { n: number }).n;
  }

  /** Product cards by SKU; unknown SKUs are simply absent from the map. */
  summaries(
    skus: readonly string[],
    storeId: string,
    imageUrl: ImageUrlResolver,
  ): Map<string, ProductSummary> {
    const rows = this.bySkus.all({ skus: JSON.stringify(skus), store: storeId }) as SummaryRow[];
    return new Map(rows.flatMap((row) => toSummary(row, imageUrl)).map((summary) => [summary.sku, summary]));
  }

  /** Cards plus where to buy online, for checkout (prices always come from here). */
  checkoutProducts(skus: readonly string[], storeId: string, imageUrl: ImageUrlResolver): CheckoutProduct[] {
    const rows = this.bySkus.all({ skus: JSON.stringify(skus), store: storeId }) as SummaryRow[];
    return rows.flatMap((row) =>
      toSummary(row, imageUrl).map((summary) => ({
        summary,
        productUrl: row.product_url,
        affiliateUrlTemplate: row.affiliate_template,
        cartVariantId: row.cart_variant_id,
      })),
    );
  }

  /** Full-text search ranked by BM25 (name and brand weigh most); `query` is an FTS5 expression. */
  search(query: string, limit: number, storeId: string, imageUrl: ImageUrlResolver): ProductSummary[] {
    const rows = this.searchHits.all({ query, limit, store: storeId }) as SummaryRow[];
    return rows.flatMap((row) => toSummary(row, imageUrl));
  }

  /** Everything the recommender needs, grouped by step and sorted by SKU. */
  candidates(storeId: string): CandidateLists {
    const concerns = this.concernsById();
    const rows = this.db
      .prepare(
        `SELECT p.id, p.sku, p.step, p.price_minor, p.currency, p.availability, sa.availability AS store_availability,
           a.skin_types, a.ingredients, a.fragrance_free, a.non_comedogenic, a.spf
         FROM products p JOIN product_attributes a ON a.product_id = p.id
         LEFT JOIN store_availability sa ON sa.product_id = p.id AND sa.store_id = ?
         ORDER BY p.sku`,
      )
      .all(storeId) as Array<Record<string, string | number | null>>;
    const pool = new Map<RoutineStep, RecommendCandidate[]>();
    for (const row of rows) {
      const step = row.step;
      if (!known(RoutineStep.options, step) || !known(Availability.options, row.availability)) continue;
      const flags: ProductFlag[] = [];
      if (row.fragrance_free) flags.push('fragrance_free');
      if (row.non_comedogenic) flags.push('non_comedogenic');
      const candidate = toCandidate(
        {
          sku: row.sku as string,
          step,
          priceMinor: row.price_minor as number,
          currency: row.currency as string,
          availability: row.availability,
          storeAvailability: known(Availability.options, row.store_availability)
            ? { [storeId]: row.store_availability }
            : {},
          skinTypes: parseList(row.skin_types as string, ProductSkinType.options),
          concerns: concerns.get(row.id as number) ?? [],
          spf: row.spf as number | null,
          flags,
          ingredients: JSON.parse(row.ingredients as string) as string[],
        },
        storeId,
      );
      const list = pool.get(step);
      if (list) list.push(candidate);
      else pool.set(step, [candidate]);
    }
    return pool;
  }

  /** Every shade of every product of a complexion step. */
  shadeOptions(step: 'foundation' | 'concealer', storeId: string): ShadeOption[] {
    const rows = this.db
      .prepare(
        `SELECT p.sku, p.availability, sa.availability AS store_availability, s.code, s.name, s.hex, s.lab_l, s.lab_a, s.lab_b, s.undertone, s.depth
         FROM shades s JOIN products p ON p.id = s.product_id
         LEFT JOIN store_availability sa ON sa.product_id = p.id AND sa.store_id = ?
         WHERE p.step = ? ORDER BY p.sku, s.position`,
      )
      .all(storeId, step) as Array<Record<string, string | number | null>>;
    return rows
      .filter((row) => known(Undertone.options, row.undertone))
      .map((row) => ({
        sku: row.sku as string,
        inStock: (row.store_availability ?? row.availability) === 'in_stock',
        shade: {
          code: row.code as string | null,
          name: row.name as string,
          hex: row.hex as string,
          lab: { L: row.lab_l as number, a: row.lab_a as number, b: row.lab_b as number },
          undertone: row.undertone as Undertone,
          depth: row.depth as number,
        },
      }));
  }

  /** SKU → content hash, for computing a delta against this version. */
  fingerprints(): Map<string, string> {
    const rows = this.db.prepare('SELECT sku, record_hash FROM products').all() as Array<{
      sku: string;
      record_hash: string;
    }>;
    return new Map(rows.map((row) => [row.sku, row.record_hash]));
  }

  /** Distinct image references, for the image cache. */
  imageRefs(): string[] {
    const rows = this.db
      .prepare('SELECT DISTINCT image FROM products WHERE image IS NOT NULL ORDER BY image')
      .all() as Array<{
      image: string;
    }>;
    return rows.map((row) => row.image);
  }

  /** Whole records back out of the database, sorted by SKU (tests and tools). */
  records(): CatalogRecord[] {
    return readRecords(this.db);
  }

  private concernsById(): Map<number, ConcernStrength[]> {
    const rows = this.db
      .prepare(
        'SELECT product_id, concern, strength FROM product_concerns ORDER BY product_id, strength DESC, concern',
      )
      .all() as Array<{ product_id: number; concern: string; strength: number }>;
    const byId = new Map<number, ConcernStrength[]>();
    for (const row of rows) {
      if (!known(Concern.options, row.concern)) continue;
      const list = byId.get(row.product_id);
      const entry = { concern: row.concern, strength: row.strength };
      if (list) list.push(entry);
      else byId.set(row.product_id, [entry]);
    }
    return byId;
  }
}

function toSummary(row: SummaryRow, imageUrl: ImageUrlResolver): ProductSummary[] {
  if (!known(RoutineStep.options, row.step)) return [];
  const flags: ProductSummary['flags'] = [];
  if (row.fragrance_free) flags.push('fragrance_free');
  if (row.non_comedogenic) flags.push('non_comedogenic');
  if (row.vegan) flags.push('vegan');
  if (row.pregnancy_safe) flags.push('pregnancy_safe');
  return [
    {
      sku: row.sku,
      brand: row.brand,
      name: row.name,
      step: row.step,
      size: row.size,
      price: { amountMinor: row.price_minor, currency: row.currency },
      imageUrl: imageUrl(row.image),
      inStock: (row.store_availability ?? row.availability) === 'in_stock',
      concerns: parseList(row.concerns, Concern.options),
      flags,
      spf: row.spf,
    },
  ];
}
