import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { computeCatalogDiff } from '../../core/catalog/catalog-delta';
import type { CatalogRecord } from '../../core/catalog/catalog-record';
import {
  FEED_FORMAT,
  type DeltaContent,
  type FeedFile,
  type ManifestBody,
  type SignedManifest,
} from '../../core/catalog/feed-manifest';
import { formatIssue, type RowIssue } from '../../core/catalog/row-validation';
import { KioskError } from '../../shared/result';
import { CATALOG_SCHEMA_VERSION } from './catalog-db-schema';
import { writeFileAtomic } from './catalog-files';
import { recordHash } from './catalog-writer';
import { readCatalogSources, type CatalogInputs } from './catalog-source-reader';
import { verifyManifest, publicKeyOf, signManifest } from './feed-signing';
import { publishImages } from './publish-images';
import { readPublishedSnapshot } from './published-snapshot';
import { buildCatalogDatabase } from './snapshot-builder';

export interface PublishOptions {
  inputs: CatalogInputs;
  privateKeyPem: string;
  outDir: string;
  now?: Date;
}

export interface PublishResult {
  outcome: 'published' | 'unchanged';
  version: string;
  sequence: number;
  rowCount: number;
  issues: RowIssue[];
  warnings: string[];
  delta: { fromVersion: string; upserts: number; removes: number } | null;
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Writes content-addressed bytes under `dir/` as `<sha256><suffix>`; returns the manifest entry. */
function writeAddressed(outDir: string, dir: string, bytes: Buffer, suffix: string): FeedFile {
  const hash = sha256(bytes);
  const relative = `${dir}/${hash}${suffix}`;
  const full = path.join(outDir, relative);
  mkdirSync(path.dirname(full), { recursive: true });
  if (!existsSync(full)) writeFileAtomic(full, bytes);
  return { path: relative, sha256: hash, bytes: bytes.length };
}

/**
 * Publishes a catalog as plain static files: `snapshots/<sha256>.sqlite.gz` (the whole catalog),
 * `deltas/<sha256>.json.gz` (changes from the previous version in the folder), `images/…` and, last,
 * the signed `manifest.json` — so a host never serves a manifest naming files it does not have yet.
 * Invalid rows are left out and listed (file, line, column, reason); a catalog with no valid rows, or
 * an output folder signed by another key, is refused.
 */
export async function publishCatalog(options: PublishOptions): Promise<PublishResult> {
  const { outDir, privateKeyPem } = options;
  const now = options.now ?? new Date();
  const read = await readCatalogSources(options.inputs);
  if (read.records.length === 0) {
    const first = read.issues.slice(0, 3).map(formatIssue).join('; ');
    throw new KioskError('FEED_MALFORMED', `No valid products to publish${first ? `: ${first}` : ''}.`);
  }
  mkdirSync(outDir, { recursive: true });
  const images = publishImages(read.records, path.dirname(path.resolve(options.inputs.products)), outDir);
  const { records } = images;
  const warnings = [...read.warnings.map(formatIssue), ...images.warnings];
  const hashes = records.map(recordHash);

  const previous = readPrevious(outDir, privateKeyPem);
  const published = previous ? await readPublishedSnapshot(outDir, previous) : null;
  const prevFingerprints = published?.fingerprints ?? null;
  const contentHash = sha256(Buffer.from(records.map((r, i) => `${r.sku}\t${hashes[i]}\n`).join('')));
  if (previous && prevFingerprints && sameContent(prevFingerprints, records, hashes)) {
    return {
      outcome: 'unchanged',
      version: previous.signed.version,
      sequence: previous.signed.sequence,
      rowCount: records.length,
      issues: read.issues,
      warnings,
      delta: null,
    };
  }
  const sequence = (previous?.signed.sequence ?? 0) + 1;
  const version = `${sequence}.${contentHash.slice(0, 8)}`;
  const source = [options.inputs.products, options.inputs.attributes, options.inputs.shades]
    .filter(Boolean)
    .map((f) => path.basename(f!))
    .join(' + ');

  const work = mkdtempSync(path.join(os.tmpdir(), 'catalog-publish-'));
  try {
    const dbFile = path.join(work, 'catalog.sqlite');
    buildCatalogDatabase(dbFile, records, hashes, {
      version,
      sequence,
      keyId: null,
      signedAt: now.toISOString(),
      source,
      rowCount: records.length,
    });
    const snapshot = writeAddressed(
      outDir,
      'snapshots',
      gzipSync(readFileSync(dbFile), { level: 6 }),
      '.sqlite.gz',
    );

    const deltas: ManifestBody['deltas'] = [];
    let delta: PublishResult['delta'] = null;
    if (previous && prevFingerprints) {
      const hashOf = new Map(records.map((r, i) => [r, hashes[i]!]));
      const diff = computeCatalogDiff(prevFingerprints, records, (r) => hashOf.get(r)!);
      const doc: DeltaContent = {
        format: FEED_FORMAT,
        fromVersion: previous.signed.version,
        toVersion: version,
        upserts: diff.upserts,
        removes: diff.removes,
      };
      const file = writeAddressed(outDir, 'deltas', gzipSync(Buffer.from(JSON.stringify(doc))), '.json.gz');
      deltas.push({
        ...file,
        fromVersion: previous.signed.version,
        upserts: diff.upserts.length,
        removes: diff.removes.length,
      });
      delta = {
        fromVersion: previous.signed.version,
        upserts: diff.upserts.length,
        removes: diff.removes.length,
      };
    }

    const body: ManifestBody = {
      format: FEED_FORMAT,
      version,
      sequence,
      createdAt: now.toISOString(),
      source,
      schemaVersion: CATALOG_SCHEMA_VERSION,
      rowCount: records.length,
      snapshot,
      deltas,
      rejected: read.issues
        .slice(0, 1000)
        .map((issue) => ({ sku: issue.sku, reason: formatIssue(issue).slice(0, 500) })),
    };
    writeFileAtomic(
      path.join(outDir, 'manifest.json'),
      `${JSON.stringify(signManifest(body, privateKeyPem), null, 2)}\n`,
    );
    prune(outDir, body, previous, [...records.map((r) => r.image), ...(published?.imageRefs ?? [])]);
    return {
      outcome: 'published',
      version,
      sequence,
      rowCount: records.length,
      issues: read.issues,
      warnings,
      delta,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function readPrevious(outDir: string, privateKeyPem: string): SignedManifest | null {
  const file = path.join(outDir, 'manifest.json');
  if (!existsSync(file)) return null;
  try {
    return verifyManifest(readFileSync(file), publicKeyOf(privateKeyPem));
  } catch (error) {
    throw new KioskError(
      'CONFIG_INVALID',
      `${file} exists but cannot be continued with this key (${(error as Error).message}). Publish to an empty folder or use the key it was signed with.`,
    );
  }
}

function sameContent(
  previous: ReadonlyMap<string, string>,
  records: readonly CatalogRecord[],
  hashes: readonly string[],
): boolean {
  return previous.size === records.length && records.every((r, i) => previous.get(r.sku) === hashes[i]);
}

/**
 * Keeps what the new manifest names plus the previous snapshot and its images (a kiosk may be half-way
 * through downloading them); everything older goes.
 */
function prune(
  outDir: string,
  body: ManifestBody,
  previous: SignedManifest | null,
  imageRefs: ReadonlyArray<string | null>,
): void {
  const keep = new Set(
    [
      body.snapshot.path,
      ...body.deltas.map((d) => d.path),
      previous?.signed.snapshot.path,
      ...imageRefs,
    ].filter(Boolean),
  );
  for (const dir of ['snapshots', 'deltas', 'images']) {
    const full = path.join(outDir, dir);
    if (!existsSync(full)) continue;
    for (const name of readdirSync(full))
      if (!keep.has(`${dir}/${name}`)) rmSync(path.join(full, name), { force: true });
  }
}
