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
 * Validates one product row (product cells already merged with its attribute cells). A row is
 * rejected whole only when a field the shopper sees or pays for is wrong — SKU, brand, name, step,
 * size, price, links, stock, SPF — or the key ingredients the sensitive-skin rules read; every
 * problem of such a row is reported. Anything else that cannot be read (an unknown skin type or
 * concern inside a list, a GTIN with a wrong check digit, a yes/no flag, an image reference, a
 * variant id) is dropped with a warning naming line, column and value, and the product is kept.
 */
export function validateProductRow(
  row: SourceRow,
): { record: CatalogRecord; warnings: RowIssue[] } | { issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const skuCell = row.cells.sku;
  const skuParsed = field.parseSku(skuCell?.value ?? '');
  const sku = skuParsed.ok ? skuParsed.value : null;
  const where = (column: ProductColumn) => {
    const cell = row.cells[column];
    return { file: cell?.file ?? row.file, line: cell?.line ?? row.line, column: cell?.label ?? column, sku };
  };

  const take = <T>(column: ProductColumn, parse: (value: string) => field.Parsed<T>, fallback: T): T => {
    const parsed = parse(row.cells[column]?.value ?? '');
    if (parsed.ok) return parsed.value;
    issues.push({ ...where(column), reason: parsed.reason });
    return fallback;
  };
  /** A field the product can do without: a bad value is dropped with a warning. */
  const soft = <T>(column: ProductColumn, parse: (value: string) => field.Parsed<T>, fallback: T): T => {
    const parsed = parse(row.cells[column]?.value ?? '');
    if (parsed.ok) return parsed.value;
    warnings.push({ ...where(column), reason: `${parsed.reason}; dropped, product kept` });
    return fallback;
  };
  const list = <T>(column: ProductColumn, parsed: field.ListParsed<T>): T => {
    for (const reason of parsed.dropped)
      warnings.push({ ...where(column), reason: `${reason}; dropped, product kept` });
    return parsed.value;
  };

  take('sku', field.parseSku, '');
  const price = take('price', (value) => field.parsePrice(value, row.cells.currency?.value ?? ''), null);
  const flags = FLAG_COLUMNS.filter(([column]) => soft(column, field.parseFlag, false)).map(
    ([, flag]) => flag,
  );
  const skin = list('skin_types', field.parseSkinTypes(row.cells.skin_types?.value ?? ''));
  const concerns = list('concerns', field.parseConcerns(row.cells.concerns?.value ?? ''));
  // "mature" or "acne-prone" as a skin type says what the product is for; the concerns column wins.
  for (const concern of skin.concerns)
    if (!concerns.some((c) => c.concern === concern))
      concerns.push({ concern, strength: field.DEFAULT_CONCERN_STRENGTH });
  concerns.sort((a, b) => b.strength - a.strength || a.concern.localeCompare(b.concern));
  const record: CatalogRecord = {
    sku: sku ?? '',
    gtin: soft('gtin', field.parseGtin, null),
    brand: take('brand', (v) => field.parseText(v, 80, true), null) ?? '',
    name: take('name', (v) => field.parseText(v, 160, true), null) ?? '',
    step: take('step', field.parseStep, 'serum'),
    description: take('description', (v) => field.parseText(v, 4000, false), null) ?? '',
    size: take('size', (v) => field.parseText(v, 40, false), null),
    priceMinor: price?.priceMinor ?? 0,
    currency: price?.currency ?? 'XXX',
    image: soft('image', field.parseImageRef, null),
    productUrl: take('product_url', field.parseUrl, null),
    affiliateTemplate: take('affiliate_template', field.parseAffiliateTemplate, null),
    cartVariantId: soft('cart_variant_id', field.parseVariantId, null),
    availability: take('availability', field.parseAvailability, 'in_stock'),
    storeAvailability: take('store_availability', field.parseStoreAvailability, {}),
    skinTypes: skin.skinTypes,
    concerns,
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
  return issues.length > 0 ? { issues } : { record, warnings };
}
