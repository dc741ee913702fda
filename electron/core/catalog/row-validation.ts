import type { CatalogRecord, ProductFlag } from './catalog-record';
import * as field from './row-fields';

/** Our column names; every source format is mapped onto these (see docs/catalog.md). */
export const PRODUCT_COLUMNS = [
  'sku',
  'gtin',
  'brand',
  'name',
  'step',
  'description',
  'size',
  'price',
  'currency',
  'image',
  'product_url',
  'affiliate_template',
  'cart_variant_id',
  'availability',
  'store_availability',
  'skin_types',
  'concerns',
  'key_ingredients',
  'fragrance_free',
  'non_comedogenic',
  'vegan',
  'pregnancy_safe',
  'spf',
] as const;
export type ProductColumn = (typeof PRODUCT_COLUMNS)[number];

/** One cell and where it came from, so that a rejection names the file, line and column. */
export interface SourceCell {
  value: string;
  /** The column as the source file spells it: `price`, `g:price`. */
  label: string;
  file: string;
  line: number;
}

export interface SourceRow<C extends string = ProductColumn> {
  file: string;
  /** 1-based line where the row (or XML item) starts. */
  line: number;
  cells: Partial<Record<C, SourceCell>>;
}

export interface RowIssue {
  file: string;
  line: number;
  column: string | null;
  sku: string | null;
  reason: string;
}

/** `products.csv line 12, column price: "abc" is not a price like 24.00` */
export const formatIssue = (issue: RowIssue): string =>
  `${issue.file} line ${issue.line}${issue.column ? `, column ${issue.column}` : ''}: ${issue.reason}`;

const FLAG_COLUMNS: ReadonlyArray<readonly [ProductColumn, ProductFlag]> = [
  ['fragrance_free', 'fragrance_free'],
  ['non_comedogenic', 'non_comedogenic'],
  ['vegan', 'vegan'],
  ['pregnancy_safe', 'pregnancy_safe'],
];

/**
 * Validates one product row (product cells already merged with its attribute cells). Every problem in
 * the row is reported; a row with any problem is rejected as a whole so that no half-known product
 * reaches a shopper.
 */
export function validateProductRow(row: SourceRow): { record: CatalogRecord } | { issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const skuCell = row.cells.sku;
  const skuParsed = field.parseSku(skuCell?.value ?? '');
  const sku = skuParsed.ok ? skuParsed.value : null;

  const take = <T>(column: ProductColumn, parse: (value: string) => field.Parsed<T>, fallback: T): T => {
    const cell = row.cells[column];
    const parsed = parse(cell?.value ?? '');
    if (parsed.ok) return parsed.value;
    issues.push({
      file: cell?.file ?? row.file,
      line: cell?.line ?? row.line,
      column: cell?.label ?? column,
      sku,
      reason: parsed.reason,
    });
    return fallback;
  };

  take('sku', field.parseSku, '');
  const price = take('price', (value) => field.parsePrice(value, row.cells.currency?.value ?? ''), null);
  const flags = FLAG_COLUMNS.filter(([column]) => take(column, field.parseFlag, false)).map(
    ([, flag]) => flag,
  );
  const record: CatalogRecord = {
    sku: sku ?? '',
    gtin: take('gtin', field.parseGtin, null),
    brand: take('brand', (v) => field.parseText(v, 80, true), null) ?? '',
    name: take('name', (v) => field.parseText(v, 160, true), null) ?? '',
    step: take('step', field.parseStep, 'serum'),
    description: take('description', (v) => field.parseText(v, 4000, false), null) ?? '',
    size: take('size', (v) => field.parseText(v, 40, false), null),
    priceMinor: price?.priceMinor ?? 0,
    currency: price?.currency ?? 'XXX',
    image: take('image', field.parseImageRef, null),
    productUrl: take('product_url', field.parseUrl, null),
    affiliateTemplate: take('affiliate_template', field.parseAffiliateTemplate, null),
    cartVariantId: take('cart_variant_id', field.parseVariantId, null),
    availability: take('availability', field.parseAvailability, 'in_stock'),
    storeAvailability: take('store_availability', field.parseStoreAvailability, {}),
    skinTypes: take('skin_types', field.parseSkinTypes, []),
    concerns: take('concerns', field.parseConcerns, []),
    ingredients: take('key_ingredients', field.parseIngredients, []),
    flags,
    spf: take('spf', field.parseSpf, null),
    shades: [],
  };
  if (record.step === 'sunscreen' && record.spf === null && issues.length === 0) {
    issues.push({
      file: row.file,
      line: row.line,
      column: row.cells.spf?.label ?? 'spf',
      sku,
      reason: 'a sunscreen needs its SPF',
    });
  }
  return issues.length > 0 ? { issues } : { record };
}
