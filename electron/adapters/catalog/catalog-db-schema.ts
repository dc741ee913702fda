import Database from 'better-sqlite3';
import { KioskError } from '../../shared/result';

/**
 * The catalog database, one migration per schema version. `PRAGMA user_version` records how many
 * have run; a database written by a newer build is refused rather than guessed at.
 *
 * Attributes live in their own table (one row per product) and concerns in their own table; lists
 * that are only ever read whole (skin types, INCI names) are JSON arrays. The full-text index is
 * contentless (it stores no copy of the text) with rowids equal to `products.id`. `detail_hash` and
 * `search_hash` let an update rewrite only what changed: a price change touches one row, not the
 * attribute, concern and full-text pages too. Indexes are kept to what queries use, because every
 * index is another page a delta has to write.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE catalog_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    sku TEXT NOT NULL UNIQUE,
    gtin TEXT,
    brand TEXT NOT NULL,
    name TEXT NOT NULL,
    step TEXT NOT NULL,
    description TEXT NOT NULL,
    size TEXT,
    price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
    currency TEXT NOT NULL,
    image TEXT,
    product_url TEXT,
    affiliate_template TEXT,
    cart_variant_id TEXT,
    availability TEXT NOT NULL,
    record_hash TEXT NOT NULL,
    detail_hash TEXT NOT NULL,
    search_hash TEXT NOT NULL
  );
  CREATE INDEX products_step ON products (step, sku);
  CREATE TABLE product_attributes (
    product_id INTEGER PRIMARY KEY REFERENCES products (id) ON DELETE CASCADE,
    skin_types TEXT NOT NULL,
    ingredients TEXT NOT NULL,
    fragrance_free INTEGER NOT NULL,
    non_comedogenic INTEGER NOT NULL,
    vegan INTEGER NOT NULL,
    pregnancy_safe INTEGER NOT NULL,
    spf INTEGER
  );
  CREATE TABLE product_concerns (
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    concern TEXT NOT NULL,
    strength REAL NOT NULL CHECK (strength BETWEEN 0 AND 1),
    PRIMARY KEY (product_id, concern)
  ) WITHOUT ROWID;
  CREATE TABLE store_availability (
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    store_id TEXT NOT NULL,
    availability TEXT NOT NULL,
    PRIMARY KEY (product_id, store_id)
  ) WITHOUT ROWID;
  CREATE TABLE shades (
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code TEXT,
    name TEXT NOT NULL,
    hex TEXT NOT NULL,
    lab_l REAL NOT NULL,
    lab_a REAL NOT NULL,
    lab_b REAL NOT NULL,
    undertone TEXT NOT NULL,
    depth INTEGER NOT NULL,
    PRIMARY KEY (product_id, position)
  ) WITHOUT ROWID;
  CREATE VIRTUAL TABLE products_fts USING fts5 (
    name, brand, description, concerns, ingredients, step,
    content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
  );
  `,
];

/** The schema version this build writes and reads. */
export const CATALOG_SCHEMA_VERSION = MIGRATIONS.length;

/** Brings a database up to CATALOG_SCHEMA_VERSION, one transaction per migration. */
export function migrateCatalogDb(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > CATALOG_SCHEMA_VERSION) {
    throw new KioskError(
      'CATALOG_UNAVAILABLE',
      `The catalog database has schema ${current}; this build reads up to ${CATALOG_SCHEMA_VERSION}. Update the kiosk.`,
    );
  }
  for (let version = current; version < CATALOG_SCHEMA_VERSION; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

let expected: ReadonlySet<string> | null = null;

/** Every table, index and virtual table a catalog database may contain, by type and name. */
export function expectedSchemaObjects(): ReadonlySet<string> {
  if (!expected) {
    const db = new Database(':memory:');
    try {
      migrateCatalogDb(db);
      expected = schemaObjects(db);
    } finally {
      db.close();
    }
  }
  return expected;
}

/** The database's own objects as `type:name`, including FTS5 shadow tables, excluding SQLite internals. */
export function schemaObjects(db: Database.Database): Set<string> {
  const rows = db
    .prepare(`SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'`)
    .all() as Array<{
    type: string;
    name: string;
  }>;
  return new Set(rows.map((row) => `${row.type}:${row.name}`));
}
