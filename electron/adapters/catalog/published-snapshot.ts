import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import Database from 'better-sqlite3';
import type { SignedManifest } from '../../core/catalog/feed-manifest';
import { CatalogReader } from './catalog-reader';

/**
 * What the previous published version contained (SKU → content hash, image references), read from
 * its snapshot in the output folder. Null when that snapshot is gone: the next version then ships
 * without a delta, and kiosks take the snapshot.
 */
export async function readPublishedSnapshot(
  outDir: string,
  manifest: SignedManifest,
): Promise<{ fingerprints: Map<string, string>; imageRefs: string[] } | null> {
  const gz = path.join(outDir, manifest.signed.snapshot.path);
  if (!existsSync(gz)) return null;
  const work = mkdtempSync(path.join(os.tmpdir(), 'catalog-previous-'));
  try {
    const file = path.join(work, 'previous.sqlite');
    await pipeline(createReadStream(gz), createGunzip(), createWriteStream(file));
    const db = new Database(file, { readonly: true });
    try {
      const reader = new CatalogReader(db);
      return { fingerprints: reader.fingerprints(), imageRefs: reader.imageRefs() };
    } finally {
      db.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
