import Database from 'better-sqlite3';
import type { CatalogRecord } from '../../core/catalog/catalog-record';
import { writeCatalogMeta, type CatalogMeta } from './catalog-db';
import { migrateCatalogDb } from './catalog-db-schema';
import { CatalogWriter } from './catalog-writer';

/**
 * Builds a complete catalog database from records (the publisher's snapshot). The file is scratch
 * until it is finished, so durability pragmas are off while building; it ends in rollback-journal
 * mode so that it is one self-contained file to gzip and ship.
 */
export function buildCatalogDatabase(
  file: string,
  records: readonly CatalogRecord[],
  hashes: readonly string[],
  meta: CatalogMeta,
): void {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    migrateCatalogDb(db);
    const writer = new CatalogWriter(db);
    db.transaction(() => {
      records.forEach((record, i) => writer.upsert(record, hashes[i]));
      writeCatalogMeta(db, meta);
    })();
    // One merged full-text segment: otherwise the kiosk's first delta pays for merging the build's.
    db.exec("INSERT INTO products_fts (products_fts) VALUES ('optimize')");
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}
