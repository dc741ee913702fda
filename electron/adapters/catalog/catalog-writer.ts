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

/** Only ever compared with the same product's previous value, so 72 bits are plenty. */
const shortHash = (value: unknown): string =>
  createHash('sha1').update(JSON.stringify(value)).digest('base64').slice(0, 12);

/** What the full-text index holds for a product: searchable in English and Spanish. */
function searchText(record: CatalogRecord): [string, string, string, string, string, string] {
  return [
    record.name,
    record.brand,
    record.description,
    record.concerns.map(({ concern }) => CONCERN_SEARCH_TERMS[concern]).join(' '),
    record.ingredients.join(' '),
    STEP_SEARCH_TERMS[record.step],
  ];
}

/** Everything stored outside the products row: attributes, concerns, store availability, shades. */
const detailParts = (record: CatalogRecord): unknown[] => [
  record.skinTypes,
  record.ingredients,
  record.flags,
  record.spf,
  record.concerns,
  Object.entries(record.storeAvailability).sort(([a], [b]) => (a < b ? -1 : 1)),
  record.shades,
];

interface Existing {
  id: number;
  step: string;
  record_hash: string;
  detail_hash: string;
  search_hash: string;
}

/**
 * Writes products into a catalog database with prepared statements. It never opens a transaction of
 * its own: callers wrap a whole delta or a whole build in one, so a crash leaves the old catalog.
 * An update rewrites only the parts that changed (see the schema's part hashes), because in a large
 * catalog the pages a delta touches are what its commit costs.
 */
export class CatalogWriter {
  private readonly find: Database.Statement<[string], Existing>;
  private readonly insertProduct: Database.Statement;
  private readonly updateProduct: Database.Statement;
  private readonly updateStep: Database.Statement;
  private readonly clearDetails: Database.Statement[];
  private readonly deleteFts: Database.Statement;
  private readonly deleteProduct: Database.Statement;
  private readonly insertAttributes: Database.Statement;
  private readonly insertConcern: Database.Statement;
  private readonly insertAvailability: Database.Statement;
  private readonly insertShade: Database.Statement;
  private readonly insertFts: Database.Statement;

  constructor(db: Database.Database) {
    // `sku` and `step` are indexed: an UPDATE naming them would rewrite their index entries too.
    const updatable =
      'gtin, brand, name, description, size, price_minor, currency, image, product_url, affiliate_template, cart_variant_id, availability, record_hash, detail_hash, search_hash';
    const columns = `sku, step, ${updatable}`;
    const marks = (list: string): string => list.replace(/\w+/g, '?');
    this.find = db.prepare(
      'SELECT id, step, record_hash, detail_hash, search_hash FROM products WHERE sku = ?',
    );
    this.insertProduct = db.prepare(`INSERT INTO products (${columns}) VALUES (${marks(columns)})`);
    this.updateProduct = db.prepare(
      `UPDATE products SET (${updatable}) = (${marks(updatable)}) WHERE id = ?`,
    );
    this.updateStep = db.prepare('UPDATE products SET step = ? WHERE id = ?');
    this.clearDetails = ['product_attributes', 'product_concerns', 'store_availability', 'shades'].map(
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
    const search = searchText(record);
    const detailHash = shortHash(detailParts(record));
    const searchHash = shortHash(search);
    const values = [
      record.gtin,
      record.brand,
      record.name,
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
      detailHash,
      searchHash,
    ];
    if (!existing) {
      const id = Number(this.insertProduct.run(record.sku, record.step, ...values).lastInsertRowid);
      this.writeDetails(id, record);
      this.insertFts.run(id, ...search);
      return 'added';
    }
    const { id } = existing;
    this.updateProduct.run(...values, id);
    if (existing.step !== record.step) this.updateStep.run(record.step, id);
    if (existing.detail_hash !== detailHash) {
      for (const statement of this.clearDetails) statement.run(id);
      this.writeDetails(id, record);
    }
    if (existing.search_hash !== searchHash) {
      this.deleteFts.run(id);
      this.insertFts.run(id, ...search);
    }
    return 'updated';
  }

  /** Removes a product and everything hanging off it; false when there was no such SKU. */
  remove(sku: string): boolean {
    const existing = this.find.get(sku);
    if (!existing) return false;
    this.deleteFts.run(existing.id);
    this.deleteProduct.run(existing.id);
    return true;
  }

  private writeDetails(id: number, record: CatalogRecord): void {
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
  }
}
