import { rm } from 'node:fs/promises';
import type { DeltaEntry, SignedManifest } from '../../core/catalog/feed-manifest';
import { chooseSyncPlan } from '../../core/catalog/sync-policy';
import type { Logger } from '../../core/ports/logger-port';
import { KioskError } from '../../shared/result';
import type { SyncProgress, SyncReport } from '../../shared/schemas/staff-schemas';
import { CATALOG_SCHEMA_VERSION } from './catalog-db-schema';
import type { ApplyCounts, CatalogStore } from './catalog-store';
import { readDeltaFile } from './delta-file-reader';
import type { FeedSource } from './feed-source';
import { verifyManifest } from './feed-signing';
import type { ProductImageCache } from './product-image-cache';
import type { CatalogOrigin, SyncStateStore } from './sync-state-store';
import { beginApplying, SYNC_TIME_LIMIT_MS, withinTimeLimit, type SyncRun } from './sync-time-limit';

export interface SyncRequest {
  source: FeedSource;
  /** The pinned Ed25519 public key (PEM) the manifest must be signed with. */
  publicKeyPem: string;
  /** Send the stored ETag (scheduled and staff syncs from the configured feed; not imports). */
  conditional: boolean;
  /** Recorded with the catalog when this request installs one. */
  origin: CatalogOrigin;
}

export interface CatalogSyncDeps {
  store: CatalogStore;
  images: ProductImageCache;
  state: SyncStateStore;
  onProgress: (progress: SyncProgress) => void;
  logger: Logger;
  now?: () => Date;
  /** See SYNC_TIME_LIMIT_MS (tests shorten it). */
  timeLimitMs?: number;
}

/**
 * Brings the installed catalog up to what a feed publishes. Order matters: the manifest's signature
 * is checked, then each file's size and SHA-256 while it downloads, and only then is the database
 * touched — in one transaction (delta) or by swapping in a new file (snapshot). Any failure leaves
 * the last good catalog in place, is recorded for the staff screen and is thrown as a KioskError.
 * Runs one at a time; a second request waits for the first.
 */
export class CatalogSyncService {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly now: () => Date;

  constructor(private readonly deps: CatalogSyncDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  run(request: SyncRequest): Promise<SyncReport> {
    const next = this.queue.then(() => this.withinTimeLimit(request));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * A sync whose source has not delivered the catalog within the time limit is given up before it
   * touches the database, the failure recorded, and the queue moves on (see sync-time-limit.ts).
   */
  private withinTimeLimit(request: SyncRequest): Promise<SyncReport> {
    const startedAt = this.now().toISOString();
    return withinTimeLimit(
      this.deps.timeLimitMs ?? SYNC_TIME_LIMIT_MS,
      request.source.label,
      (run) => this.sync(request, run),
      (error) => this.recordFailure(error, startedAt),
    );
  }

  /** Resolves once every queued sync has finished (for shutdown). */
  async idle(): Promise<void> {
    await this.queue;
  }

  private progress(phase: SyncProgress['phase'], fraction: number, message: string | null = null): void {
    this.deps.onProgress({ phase, fraction: Math.min(1, Math.max(0, fraction)), message });
  }

  private async sync(request: SyncRequest, run: SyncRun): Promise<SyncReport> {
    const { store, state, logger } = this.deps;
    const startedAt = this.now().toISOString();
    const scratch: string[] = [];
    try {
      this.progress('checking', 0, request.source.label);
      const installed = store.meta();
      const stored = state.get();
      const etag =
        request.conditional && installed && stored.etagSource === request.source.label ? stored.etag : null;
      const fetched = await request.source.fetchManifest(etag);
      let report: SyncReport;
      let newEtag = stored.etag;
      if (fetched.status === 'not-modified') {
        report = unchanged(installed?.version ?? '');
      } else {
        this.progress('verifying', 0, 'manifest');
        const manifest = verifyManifest(fetched.body, request.publicKeyPem);
        const plan = chooseSyncPlan(manifest, installed, CATALOG_SCHEMA_VERSION);
        const guard = (): void => beginApplying(run);
        let counts: ApplyCounts | null = null;
        let mode: SyncReport['mode'] = 'none';
        if (plan.kind === 'delta') {
          try {
            counts = await this.applyDelta(request.source, plan.delta, manifest, scratch, guard);
            mode = 'delta';
          } catch (error) {
            if (error instanceof KioskError && error.code === 'FEED_UNREACHABLE') throw error;
            // Nothing was changed (one transaction); the snapshot download is bounded again.
            run.applying = false;
            logger.warn('catalog delta failed, falling back to the snapshot', {
              reason: (error as Error).message,
            });
          }
        }
        if (plan.kind !== 'unchanged' && !counts) {
          counts = await this.applySnapshot(request.source, manifest, scratch, guard);
          mode = 'snapshot';
        }
        report = counts
          ? {
              fromVersion: installed?.version ?? null,
              toVersion: manifest.signed.version,
              outcome: 'applied',
              mode,
              added: counts.added,
              updated: counts.updated,
              removed: counts.removed,
              rejected: [...manifest.signed.rejected, ...counts.rejected],
            }
          : unchanged(manifest.signed.version);
        newEtag = request.conditional ? fetched.etag : stored.etag;
      }
      store.checkpoint();
      await this.refreshImages(request.source);
      state.update({
        etag: newEtag,
        etagSource: request.conditional ? request.source.label : stored.etagSource,
        lastSyncAt: this.now().toISOString(),
        lastAttemptAt: startedAt,
        lastError: null,
        consecutiveFailures: 0,
        lastReport: report,
        origin: report.outcome === 'applied' ? request.origin : stored.origin,
      });
      logger.info('catalog sync', {
        outcome: report.outcome,
        mode: report.mode,
        version: report.toVersion,
        added: report.added,
        updated: report.updated,
        removed: report.removed,
      });
      this.progress('done', 1, report.toVersion);
      return report;
    } catch (error) {
      const kiosk =
        error instanceof KioskError
          ? error
          : new KioskError('INTERNAL', `Catalog sync failed: ${(error as Error).message}`);
      // A sync given up by its time limit was recorded then; its late failure changes nothing.
      if (!run.aborted) this.recordFailure(kiosk, startedAt);
      throw kiosk;
    } finally {
      await Promise.all(scratch.map((file) => rm(file, { force: true })));
    }
  }

  private recordFailure(error: KioskError, startedAt: string): void {
    const { state, logger } = this.deps;
    state.update({
      lastAttemptAt: startedAt,
      lastError: `${error.code}: ${error.message}`,
      consecutiveFailures: state.get().consecutiveFailures + 1,
    });
    logger.warn('catalog sync failed', { code: error.code, reason: error.message });
    this.progress('error', 1, error.message);
  }

  private async download(
    source: FeedSource,
    file: DeltaEntry | SignedManifest['signed']['snapshot'],
    scratch: string[],
    suffix: string,
  ): Promise<string> {
    const dest = this.deps.store.files.tmpPath(suffix);
    scratch.push(dest);
    this.progress('downloading', 0, file.path);
    await source.download(file, dest, (received) =>
      this.progress('downloading', received / file.bytes, file.path),
    );
    return dest;
  }

  private async applyDelta(
    source: FeedSource,
    entry: DeltaEntry,
    manifest: SignedManifest,
    scratch: string[],
    guard: () => void,
  ): Promise<ApplyCounts> {
    const file = await this.download(source, entry, scratch, '.json.gz');
    this.progress('verifying', 1, entry.path);
    const { doc, delta } = await readDeltaFile(file, entry.path);
    guard();
    this.progress('applying', 0, `delta ${doc.fromVersion} → ${doc.toVersion}`);
    return this.deps.store.applyDelta(delta, manifest);
  }

  private async applySnapshot(
    source: FeedSource,
    manifest: SignedManifest,
    scratch: string[],
    guard: () => void,
  ): Promise<ApplyCounts> {
    const file = await this.download(source, manifest.signed.snapshot, scratch, '.sqlite.gz');
    guard();
    this.progress('applying', 0, `snapshot ${manifest.signed.version}`);
    return this.deps.store.installSnapshot(file, manifest);
  }

  /** Fetches images the catalog names but the cache lacks; failures are logged, never fatal. */
  private async refreshImages(source: FeedSource): Promise<void> {
    const refs = this.deps.store.read().imageRefs();
    this.progress('images', 0, null);
    const result = await this.deps.images.fill(refs, source, (done, total) =>
      this.progress('images', done / total, null),
    );
    this.deps.images.prune(refs);
    if (result.failed.length > 0) {
      this.deps.logger.warn('product images not cached', {
        failed: result.failed.length,
        first: result.failed[0]?.reason ?? null,
      });
    }
  }
}

const unchanged = (version: string): SyncReport => ({
  fromVersion: version || null,
  toVersion: version,
  outcome: 'unchanged',
  mode: 'none',
  added: 0,
  updated: 0,
  removed: 0,
  rejected: [],
});
