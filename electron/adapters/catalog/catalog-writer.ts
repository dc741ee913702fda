import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  normalizeRecord,
  recordFingerprintParts,
  type CatalogRecord,
} from '../../core/catalog/catalog-record';
import { CONCERN_SEARCH_TERMS, STEP_SEARCH_TERMS } from '../../core/catalog/catalog-vocabulary';

/** Content hash of a normalised record: equal products, equal hash, whatever order the source used. */
export function recordHash(record: CatalogRecord): string {
  return createHash('sha256')
    .update(JSON.stringify(recordFingerprintParts(record)))
    .digest('hex')
    .slice(0, 32);
}

export type UpsertOutcome = 'added' | 'updated' | 'unchanged';

/**
 * Writes products into a catalog database with prepared statements. It never opens a transaction of
 * its own: callers wrap a whole delta or a whole build in one, so a crash leaves the old catalog.
 */
export class CatalogWriter {
  private readonly find: Database.Statement<[string], { id: number; record_hash: string }>;
  private readonly insertProduct: Database.Statement;
  private readonly updateProduct: Database.Statement;
  private readonly clearChildren: Database.Statement[];
  private readonly deleteFts: Database.Statement;
  private readonly deleteProduct: Database.Statement;
  private readonly insertAttributes: Database.Statement;
  private readonly insertConcern: Database.Statement;
  private readonly insertAvailability: Database.Statement;
  private readonly insertShade: Database.Statement;
  private readonly insertFts: Database.Statement;

  constructor(private readonly db: Database.Database) {
    const columns =
      'sku, gtin, brand, name, step, description, size, price_minor, currency, image, product_url, affiliate_template, cart_variant_id, availability, record_hash';
    this.find = db.prepare('SELECT id, record_hash FROM products WHERE sku = ?');
    this.insertProduct = db.prepare(
      `INSERT INTO products (${columns}) VALUES (${columns.replace(/\w+/g, '?')})`,
    );
    this.updateProduct = db.prepare(
      `UPDATE products SET (${columns}) = (${columns.replace(/\w+/g, '?')}) WHERE id = ?`,
    );
    this.clearChildren = ['product_attributes', 'product_concerns', 'store_availability', 'shades'].map(
      (table) => db.prepare(`DELETE FROM ${table} WHERE product_id = ?`),
    );
    this.deleteFts = db.prepare('DELETE FROM products_fts WHERE rowid = ?');
    this.deleteProduct = db.prepare('DELETE FROM products WHERE id = ?');
    this.insertAttributes = db.prepare(
      'INSERT INTO product_attributes (product_id, skin_types, ingredients, fragrance_free, non_comedogenic, vegan, pregnancy_safe, spf) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertConcern = db.prepare(
      'INSERT INTO product_concerns (product_id, concern, strength) VALUES (?, ?, ?)',
    );
    this.insertAvailability = db.prepare(
      'INSERT INTO store_availability (product_id, store_id, availability) VALUES (?, ?, ?)',
    );
    this.insertShade = db.prepare(
      'INSERT INTO shades (product_id, position, code, name, hex, lab_l, lab_a, lab_b, undertone, depth) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertFts = db.prepare(
      'INSERT INTO products_fts (rowid, name, brand, description, concerns, ingredients, step) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
  }

  /** Inserts or replaces one product; a record identical to the stored one is left alone. */
  upsert(input: CatalogRecord, hash = recordHash(input)): UpsertOutcome {
    const record = normalizeRecord(input);
    const existing = this.find.get(record.sku);
    if (existing?.record_hash === hash) return 'unchanged';
    const values = [
      record.sku,
      record.gtin,
      record.brand,
      record.name,
      record.step,
      record.description,
      record.size,
      record.priceMinor,
      record.currency,
      record.image,
      record.productUrl,
      record.affiliateTemplate,
      record.cartVariantId,
      record.availability,
      hash,
    ];
    let id: number;
    if (existing) {
      id = existing.id;
      this.updateProduct.run(...values, id);
      for (const statement of this.clearChildren) statement.run(id);
      this.deleteFts.run(id);
    } else {
      id = Number(this.insertProduct.run(...values).lastInsertRowid);
    }
    this.writeChildren(id, record);
    return existing ? 'updated' : 'added';
  }

  /** Removes a product and everything hanging off it; false when there was no such SKU. */
  remove(sku: string): boolean {
    const existing = this.find.get(sku);
    if (!existing) return false;
    this.deleteFts.run(existing.id);
    this.deleteProduct.run(existing.id);
    return true;
  }

  private writeChildren(id: number, record: CatalogRecord): void {
    const flag = (name: CatalogRecord['flags'][number]): number => (record.flags.includes(name) ? 1 : 0);
    this.insertAttributes.run(
      id,
      JSON.stringify(record.skinTypes),
      JSON.stringify(record.ingredients),
      flag('fragrance_free'),
      flag('non_comedogenic'),
      flag('vegan'),
      flag('pregnancy_safe'),
      record.spf,
    );
    for (const { concern, strength } of record.concerns) this.insertConcern.run(id, concern, strength);
    for (const [store, availability] of Object.entries(record.storeAvailability))
      this.insertAvailability.run(id, store, availability);
    record.shades.forEach((shade, position) =>
      this.insertShade.run(
        id,
        position,
        shade.code,
        shade.name,
        shade.hex,
        shade.lab.L,
        shade.lab.a,
        shade.lab.b,
        shade.undertone,
        shade.depth,
      ),
    );
    this.insertFts.run(
      id,
      record.name,
      record.brand,
      record.description,
      record.concerns.map(({ concern }) => CONCERN_SEARCH_TERMS[concern]).join(' '),
      record.ingredients.join(' '),
      STEP_SEARCH_TERMS[record.step],
    );
  }
}
