import type Database from 'better-sqlite3';
import type { CatalogRecord } from '../../core/catalog/catalog-record';

/**
 * Rebuilds whole records from the tables, sorted by SKU: the inverse of CatalogWriter.upsert. Used by
 * tools and tests to prove a catalog survives the round trip, not on the shopper's path.
 */
export function readRecords(db: Database.Database): CatalogRecord[] {
  const children = <T>(sql: string): Map<number, T[]> => {
    const byId = new Map<number, T[]>();
    for (const row of db.prepare(sql).all() as Array<T & { product_id: number }>) {
      const list = byId.get(row.product_id) ?? [];
      list.push(row);
      byId.set(row.product_id, list);
    }
    return byId;
  };
  const concerns = children<{ concern: string; strength: number }>(
    'SELECT product_id, concern, strength FROM product_concerns ORDER BY product_id, strength DESC, concern',
  );
  const stores = children<{ store_id: string; availability: string }>(
    'SELECT product_id, store_id, availability FROM store_availability',
  );
  const shades = children<Record<string, string | number | null>>(
    'SELECT * FROM shades ORDER BY product_id, position',
  );
  const rows = db
    .prepare('SELECT * FROM products p LEFT JOIN product_attributes a ON a.product_id = p.id ORDER BY p.sku')
    .all() as Array<Record<string, string | number | null>>;

  return rows.map((row) => {
    const id = row.id as number;
    const flags: CatalogRecord['flags'] = [];
    for (const flag of ['fragrance_free', 'non_comedogenic', 'vegan', 'pregnancy_safe'] as const)
      if (row[flag]) flags.push(flag);
    return {
      sku: row.sku as string,
      gtin: row.gtin as string | null,
      brand: row.brand as string,
      name: row.name as string,
      step: row.step as CatalogRecord['step'],
      description: row.description as string,
      size: row.size as string | null,
      priceMinor: row.price_minor as number,
      currency: row.currency as string,
      image: row.image as string | null,
      productUrl: row.product_url as string | null,
      affiliateTemplate: row.affiliate_template as string | null,
      cartVariantId: row.cart_variant_id as string | null,
      availability: row.availability as CatalogRecord['availability'],
      storeAvailability: Object.fromEntries(
        (stores.get(id) ?? []).map((s) => [s.store_id, s.availability as CatalogRecord['availability']]),
      ),
      skinTypes: JSON.parse((row.skin_types as string | null) ?? '[]') as CatalogRecord['skinTypes'],
      concerns: (concerns.get(id) ?? []).map((c) => ({
        concern: c.concern as CatalogRecord['concerns'][number]['concern'],
        strength: c.strength,
      })),
      ingredients: JSON.parse((row.ingredients as string | null) ?? '[]') as string[],
      flags,
      spf: row.spf as number | null,
      shades: (shades.get(id) ?? []).map((s) => ({
        code: s.code as string | null,
        name: s.name as string,
        hex: s.hex as string,
        lab: { L: s.lab_l as number, a: s.lab_a as number, b: s.lab_b as number },
        undertone: s.undertone as CatalogRecord['shades'][number]['undertone'],
        depth: s.depth as number,
      })),
    };
  });
}
