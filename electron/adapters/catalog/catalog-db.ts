import Database from 'better-sqlite3';
import { KioskError } from '../../shared/result';
import { migrateCatalogDb } from './catalog-db-schema';

/** The catalog's provenance, kept in `catalog_meta` and updated in the same transaction as the rows. */
export interface CatalogMeta {
  version: string;
  sequence: number;
  /** Id of the signing key; null for a catalog of unknown origin. */
  keyId: string | null;
  /** When the publisher signed the manifest (ISO). */
  signedAt: string | null;
  /** File name(s) the catalog was published from. */
  source: string;
  rowCount: number;
}

/**
 * Opens (and migrates) a catalog database. WAL lets readers continue while a delta is applied, and a
 * crash mid-transaction rolls back on the next open; `synchronous = NORMAL` is crash-safe in WAL mode.
 */
export function openCatalogDb(file: string, options: { readonly?: boolean } = {}): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
    });
  } catch (error) {
    throw new KioskError(
      'CATALOG_UNAVAILABLE',
      `Cannot open the catalog database: ${(error as Error).message}`,
    );
  }
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      // A 1,000-row delta writes a few thousand pages; the sync checkpoints after applying, so the
      // automatic checkpoint only guards against a log that grows without bound.
      db.pragma('wal_autocheckpoint = 20000');
      db.pragma('cache_size = -65536');
      migrateCatalogDb(db);
    }
    return db;
  } catch (error) {
    db.close();
    throw error instanceof KioskError
      ? error
      : new KioskError(
          'CATALOG_UNAVAILABLE',
          `The catalog database is unusable: ${(error as Error).message}`,
        );
  }
}

const META_KEYS = ['version', 'sequence', 'key_id', 'signed_at', 'source', 'row_count'] as const;

export function readCatalogMeta(db: Database.Database): CatalogMeta | null {
  const rows = db.prepare('SELECT key, value FROM catalog_meta').all() as Array<{
    key: string;
    value: string;
  }>;
  const meta = new Map(rows.map((row) => [row.key, row.value]));
  const version = meta.get('version');
  if (!version) return null;
  return {
    version,
    sequence: Number(meta.get('sequence') ?? 0),
    keyId: meta.get('key_id') || null,
    signedAt: meta.get('signed_at') || null,
    source: meta.get('source') ?? '',
    rowCount: Number(meta.get('row_count') ?? 0),
  };
}

export function writeCatalogMeta(db: Database.Database, meta: CatalogMeta): void {
  const put = db.prepare(
    'INSERT INTO catalog_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const values: Record<(typeof META_KEYS)[number], string> = {
    version: meta.version,
    sequence: String(meta.sequence),
    key_id: meta.keyId ?? '',
    signed_at: meta.signedAt ?? '',
    source: meta.source,
    row_count: String(meta.rowCount),
  };
  for (const key of META_KEYS) put.run(key, values[key]);
}
