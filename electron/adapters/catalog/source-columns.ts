import { PRODUCT_COLUMNS, type ProductColumn } from '../../core/catalog/row-validation';
import { SHADE_COLUMNS, type ShadeColumn } from '../../core/catalog/shade-row-validation';
import { normaliseHeader } from './delimited-file-reader';

/**
 * Header names accepted for each of our columns. Google Merchant Center attribute names (with or
 * without the `g:` prefix) map onto ours, so a Merchant TSV or XML feed needs no renaming; see
 * docs/catalog.md for the full table.
 */
const PRODUCT_ALIASES: Readonly<Record<string, ProductColumn>> = {
  id: 'sku',
  offer_id: 'sku',
  title: 'name',
  link: 'product_url',
  url: 'product_url',
  image_link: 'image',
  image_url: 'image',
  product_type: 'step',
  ingredients: 'key_ingredients',
  skin_type: 'skin_types',
  variant_id: 'cart_variant_id',
};

/** The attributes file carries the skincare fields a Merchant feed has no place for. */
const ATTRIBUTE_COLUMNS: readonly ProductColumn[] = [
  'sku',
  'step',
  'skin_types',
  'concerns',
  'key_ingredients',
  'fragrance_free',
  'non_comedogenic',
  'vegan',
  'pregnancy_safe',
  'spf',
  'store_availability',
  'affiliate_template',
  'cart_variant_id',
];

const SHADE_ALIASES: Readonly<Record<string, ShadeColumn>> = {
  name: 'shade_name',
  code: 'shade_code',
  l: 'lab_l',
  a: 'lab_a',
  b: 'lab_b',
};

const bare = (header: string): string => normaliseHeader(header).replace(/^g:/, '');

export function productColumnFor(header: string): ProductColumn | null {
  const name = bare(header);
  return (PRODUCT_COLUMNS as readonly string[]).includes(name)
    ? (name as ProductColumn)
    : (PRODUCT_ALIASES[name] ?? null);
}

export function attributeColumnFor(header: string): ProductColumn | null {
  const column = productColumnFor(header);
  return column && ATTRIBUTE_COLUMNS.includes(column) ? column : null;
}

export function shadeColumnFor(header: string): ShadeColumn | null {
  const name = bare(header);
  return (SHADE_COLUMNS as readonly string[]).includes(name)
    ? (name as ShadeColumn)
    : (SHADE_ALIASES[name] ?? null);
}
