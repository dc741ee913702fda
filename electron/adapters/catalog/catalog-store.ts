import type Database from 'better-sqlite3';
import type { ValidatedDelta } from '../../core/catalog/delta-validation';
import type { RejectedRow, SignedManifest } from '../../core/catalog/feed-manifest';
import type { CandidatePool } from '../../core/catalog/routine-types';
import type { ShadeOption } from '../../core/catalog/shade-matcher';
import { KioskError } from '../../shared/result';
import { CandidateCache } from './candidate-cache';
import { openCatalogDb, readCatalogMeta, writeCatalogMeta, type CatalogMeta } from './catalog-db';
import type { CatalogFiles } from './catalog-files';
import { CatalogReader } from './catalog-reader';
import { CatalogWriter, recordHash } from './catalog-writer';
import { buildSnapshotDatabase } from './snapshot-install';

export interface ApplyCounts {
  added: number;
  updated: number;
  removed: number;
  rejected: RejectedRow[];
}

/** Provenance written with a catalog: the verified manifest's, never the file's own claim. */
function metaFromManifest(manifest: SignedManifest): CatalogMeta {
  const body = manifest.signed;
  return {
    version: body.version,
    sequence: body.sequence,
    keyId: manifest.keyId,
    signedAt: body.createdAt,
    source: body.source,
    rowCount: body.rowCount,
  };
}

/**
 * The installed catalog: one open database, its reader and the recommender's candidate cache. The
 * two ways in are `applyDelta` (one transaction in the current file) and `installSnapshot` (a new
 * file, then an atomic pointer swap). Either leaves the previous catalog intact if anything fails.
 */
export class CatalogStore {
  private db: Database.Database | null = null;
  private reader: CatalogReader | null = null;
  private readonly cache = new CandidateCache((storeId) => this.read().candidates(storeId));
  /** Shade lists per step and store; small, so simply dropped whenever the catalog changes. */
  private shades = new Map<string, ShadeOption[]>();

  constructor(readonly files: CatalogFiles) {
    const current = files.current();
    if (current) {
      this.db = openCatalogDb(current);
      this.reader = new CatalogReader(this.db);
    }
    files.cleanup();
  }

  isInstalled(): boolean {
    return this.db !== null && this.meta() !== null;
  }

  meta(): CatalogMeta | null {
    return this.db ? readCatalogMeta(this.db) : null;
  }

  /** The reader, or CATALOG_UNAVAILABLE when nothing is installed. */
  read(): CatalogReader {
    if (!this.reader)
      throw new KioskError('CATALOG_UNAVAILABLE', 'No catalog is installed on this kiosk yet.');
    return this.reader;
  }

  candidates(storeId: string): CandidatePool {
    return this.cache.get(storeId);
  }

  shadeOptions(step: 'foundation' | 'concealer', storeId: string): ShadeOption[] {
    const key = `${step}\u0000${storeId}`;
    let options = this.shades.get(key);
    if (!options) {
      options = this.read().shadeOptions(step, storeId);
      this.shades.set(key, options);
    }
    return options;
  }

  /**
   * Applies a verified, validated delta in one transaction: upserts, removals and metadata. A delta
   * that does not start at the installed version, or whose result does not have the row count the
   * manifest promises, changes nothing (the caller falls back to the snapshot).
   */
  applyDelta(delta: ValidatedDelta, manifest: SignedManifest): ApplyCounts {
    const db = this.db;
    const installed = this.meta();
    if (
      !db ||
      !installed ||
      installed.version !== delta.fromVersion ||
      delta.toVersion !== manifest.signed.version
    ) {
      throw new KioskError(
        'FEED_MALFORMED',
        `The delta goes from ${delta.fromVersion} to ${delta.toVersion}; this kiosk has ${installed?.version ?? 'nothing'}.`,
      );
    }
    const { upserts, removes, rejected } = delta;
    const writer = new CatalogWriter(db);
    const counts = db.transaction((): ApplyCounts => {
      const tally = { added: 0, updated: 0, removed: 0, rejected };
      for (const record of upserts) {
        const outcome = writer.upsert(record, recordHash(record));
        if (outcome !== 'unchanged') tally[outcome]++;
      }
      for (const sku of removes) if (writer.remove(sku)) tally.removed++;
      const count = this.read().count();
      if (rejected.length === 0 && count !== manifest.signed.rowCount) {
        throw new KioskError(
          'FEED_MALFORMED',
          `After the delta the catalog has ${count} products; the manifest says ${manifest.signed.rowCount}.`,
        );
      }
      writeCatalogMeta(db, { ...metaFromManifest(manifest), rowCount: count });
      return tally;
    })();
    this.cache.patch(upserts, removes);
    this.shades = new Map();
    return counts;
  }

  /** Installs a verified snapshot (gzip'd SQLite) as a new file and switches to it atomically. */
  async installSnapshot(gzFile: string, manifest: SignedManifest): Promise<ApplyCounts> {
    const before = this.reader?.fingerprints() ?? new Map<string, string>();
    const { file, fingerprints } = await buildSnapshotDatabase(this.files, gzFile, manifest);
    const counts: ApplyCounts = { added: 0, updated: 0, removed: 0, rejected: [] };
    for (const [sku, hash] of fingerprints) {
      const old = before.get(sku);
      if (old === undefined) counts.added++;
      else if (old !== hash) counts.updated++;
    }
    for (const sku of before.keys()) if (!fingerprints.has(sku)) counts.removed++;

    this.files.promote(file);
    this.close();
    this.db = openCatalogDb(file);
    this.reader = new CatalogReader(this.db);
    this.cache.clear();
    this.shades = new Map();
    this.files.cleanup();
    return counts;
  }

  /**
   * Folds the write-ahead log back into the database file. Run after a sync, outside the apply, so
   * that a delta's commit never waits for it; SQLite's own automatic checkpoint is set high enough
   * (see openCatalogDb) not to fire in between.
   */
  checkpoint(): void {
    this.db?.pragma('wal_checkpoint(TRUNCATE)');
  }

  close(): void {
    this.db?.close();
    this.db = null;
    this.reader = null;
  }
}
