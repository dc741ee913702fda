import {
  closeSync,
  createReadStream,
  createWriteStream,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import Database from 'better-sqlite3';
import type { SignedManifest } from '../../core/catalog/feed-manifest';
import { KioskError } from '../../shared/result';
import { readCatalogMeta, writeCatalogMeta } from './catalog-db';
import {
  CATALOG_SCHEMA_VERSION,
  expectedSchemaObjects,
  migrateCatalogDb,
  schemaObjects,
} from './catalog-db-schema';
import { fsyncDir, type CatalogFiles } from './catalog-files';
import { CatalogReader } from './catalog-reader';

/** A decompressed snapshot larger than this is refused (a gzip bomb, or not our file). */
const MAX_SNAPSHOT_BYTES = 4 * 1024 ** 3;

const malformed = (message: string): KioskError =>
  new KioskError('FEED_MALFORMED', `The catalog snapshot ${message}; nothing was changed.`);

async function gunzipTo(source: string, target: string, limit: number): Promise<void> {
  let total = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      done(total > limit ? malformed(`unpacks to more than ${limit} bytes`) : null, chunk);
    },
  });
  try {
    await pipeline(createReadStream(source), createGunzip(), guard, createWriteStream(target));
  } catch (error) {
    throw error instanceof KioskError ? error : malformed(`cannot be unpacked (${(error as Error).message})`);
  }
}

/**
 * Unpacks a verified snapshot next to the current catalog and checks it before anything points at it:
 * SQLite's integrity check, exactly the tables and indexes this build expects (a snapshot carries no
 * triggers or views of its own), the version and row count the signed manifest states. Then it is
 * migrated, stamped with the manifest's provenance, switched to WAL, closed, synced and renamed into
 * place. Returns the file (not yet promoted) and its SKU → content hash map for the sync report.
 */
export async function buildSnapshotDatabase(
  files: CatalogFiles,
  gzFile: string,
  manifest: SignedManifest,
): Promise<{ file: string; fingerprints: Map<string, string> }> {
  const body = manifest.signed;
  const target = files.newDatabasePath(body.version);
  const partial = `${target}.partial`;
  try {
    await gunzipTo(gzFile, partial, MAX_SNAPSHOT_BYTES);
    let db: Database.Database;
    try {
      db = new Database(partial, { fileMustExist: true });
    } catch (error) {
      throw malformed(`is not a database (${(error as Error).message})`);
    }
    let fingerprints: Map<string, string>;
    try {
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw malformed(`fails SQLite's check (${String(check)})`);
      const schema = db.pragma('user_version', { simple: true }) as number;
      if (schema < 1 || schema > CATALOG_SCHEMA_VERSION)
        throw malformed(`has schema ${schema}; this kiosk reads 1–${CATALOG_SCHEMA_VERSION}`);
      migrateCatalogDb(db);
      const expected = expectedSchemaObjects();
      const actual = schemaObjects(db);
      const extra = [...actual].filter((name) => !expected.has(name));
      const missing = [...expected].filter((name) => !actual.has(name));
      if (extra.length > 0 || missing.length > 0)
        throw malformed(`has an unexpected schema (${[...extra, ...missing].slice(0, 3).join(', ')})`);
      const meta = readCatalogMeta(db);
      if (meta?.version !== body.version)
        throw malformed(`is version ${meta?.version ?? 'unknown'}, the manifest says ${body.version}`);
      const reader = new CatalogReader(db);
      const count = reader.count();
      if (count !== body.rowCount)
        throw malformed(`has ${count} products, the manifest says ${body.rowCount}`);
      fingerprints = reader.fingerprints();
      writeCatalogMeta(db, {
        version: body.version,
        sequence: body.sequence,
        keyId: manifest.keyId,
        signedAt: body.createdAt,
        source: body.source,
        rowCount: count,
      });
      db.pragma('journal_mode = WAL');
    } catch (error) {
      throw error instanceof KioskError
        ? error
        : malformed(`is not a usable catalog database (${(error as Error).message})`);
    } finally {
      db.close();
    }
    const fd = openSync(partial, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, target);
    fsyncDir(files.dir);
    return { file: target, fingerprints };
  } catch (error) {
    for (const leftover of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`, target])
      rmSync(leftover, { force: true });
    throw error;
  }
}
