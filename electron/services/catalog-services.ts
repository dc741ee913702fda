import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { KioskConfig } from '../core/config/kiosk-config-schema';
import { silentLogger, type Logger } from '../core/ports/logger-port';
import { KioskError } from '../shared/result';
import type { CatalogStatus } from '../shared/schemas/catalog-schemas';
import type { SyncReport } from '../shared/schemas/staff-schemas';
import { CatalogFiles } from '../adapters/catalog/catalog-files';
import { CatalogQueryService } from '../adapters/catalog/catalog-query-service';
import { CatalogStore } from '../adapters/catalog/catalog-store';
import { CatalogSyncService } from '../adapters/catalog/catalog-sync-service';
import { DirectoryFeedSource } from '../adapters/catalog/directory-feed-source';
import { HttpFeedSource } from '../adapters/catalog/http-feed-source';
import { ProductImageCache, resolveProductImagePath } from '../adapters/catalog/product-image-cache';
import { SyncScheduler } from '../adapters/catalog/sync-scheduler';
import { SyncStateStore } from '../adapters/catalog/sync-state-store';
import type { EventSink } from './handler-types';
import type { KioskPaths } from './kiosk-paths';

/** Where the bundled demo catalog and the key it is signed with live under `resourcesDir`. */
export const DEMO_FEED_DIR = path.join('catalog', 'feed');
export const DEMO_PUBLIC_KEY = path.join('catalog', 'demo-catalog-public.pem');

export interface CatalogServices {
  /** Routines, shade matches, search; also the `ProductLookup` checkout prices from. */
  readonly query: CatalogQueryService;
  status(): CatalogStatus;
  /** Sync from the configured feed now (staff). */
  syncNow(): Promise<SyncReport>;
  /** Import a published catalog folder or its manifest.json (staff, USB stick). */
  importFile(location: string): Promise<SyncReport>;
  /** Maps `/product-images/<file>` to a cached image file, or null. */
  resolveImagePath(urlPath: string): string | null;
  dispose(): Promise<void>;
}

export interface CatalogServiceOptions {
  logger?: Logger;
  /** Inactivity timeout for feed requests (default 30 s). */
  feedTimeoutMs?: number;
  /** Start the schedule when a feed is configured (default true; tests drive syncs themselves). */
  schedule?: boolean;
}

/**
 * The catalog for one kiosk: installs the bundled demo catalog on first run (and refreshes it when
 * the app ships a newer one, as long as no real catalog replaced it), serves shopper queries from the
 * installed catalog, and — when `catalog.feedUrl` is set — syncs at start, every
 * `catalog.syncIntervalMin` minutes and on staff request, verifying with `catalog.publicKeyPem`.
 */
export async function createCatalogServices(
  config: KioskConfig,
  paths: KioskPaths,
  events: EventSink,
  options: CatalogServiceOptions = {},
): Promise<CatalogServices> {
  const logger = options.logger ?? silentLogger;
  const files = new CatalogFiles(path.join(paths.dataDir, 'catalog'));
  const store = new CatalogStore(files);
  const images = new ProductImageCache(files.imagesDir);
  const state = new SyncStateStore(path.join(files.dir, 'sync-state.json'));
  const sync = new CatalogSyncService({
    store,
    images,
    state,
    logger,
    onProgress: (progress) => events.emit('catalog:sync-progress', progress),
  });
  const query = new CatalogQueryService(store, images, config.storeId);

  const demoKeyFile = path.join(paths.resourcesDir, DEMO_PUBLIC_KEY);
  const demoKey = existsSync(demoKeyFile) ? readFileSync(demoKeyFile, 'utf8') : null;
  const demoDir = path.join(paths.resourcesDir, DEMO_FEED_DIR);
  if (demoKey && (!store.isInstalled() || state.get().origin === 'demo')) {
    await sync
      .run({
        source: new DirectoryFeedSource(demoDir),
        publicKeyPem: demoKey,
        conditional: false,
        origin: 'demo',
      })
      .catch((error: unknown) =>
        logger.error('demo catalog could not be installed', { reason: (error as Error).message }),
      );
  }

  const { feedUrl, publicKeyPem, syncIntervalMin } = config.catalog;
  const syncFeed = (): Promise<SyncReport> => {
    if (!feedUrl)
      throw new KioskError(
        'CONFIG_INVALID',
        'No catalog feed is configured (catalog.feedUrl); this kiosk uses its bundled catalog.',
      );
    if (!publicKeyPem)
      throw new KioskError(
        'CONFIG_INVALID',
        'The catalog feed has no public key configured (catalog.publicKeyPem).',
      );
    const source = new HttpFeedSource(feedUrl, { timeoutMs: options.feedTimeoutMs });
    return sync.run({ source, publicKeyPem, conditional: true, origin: 'feed' });
  };
  const scheduler =
    feedUrl && publicKeyPem && options.schedule !== false
      ? new SyncScheduler({
          intervalMin: syncIntervalMin,
          run: syncFeed,
          failures: () => state.get().consecutiveFailures,
        })
      : null;
  scheduler?.start(0);
  if (feedUrl && !publicKeyPem)
    logger.error('catalog feed configured without a public key; not syncing', { feedUrl });

  return {
    query,
    status: () => {
      const meta = store.meta();
      const synced = state.get();
      const origin =
        synced.origin === 'demo'
          ? 'Demo catalog'
          : synced.origin === 'import'
            ? 'Imported file'
            : (feedUrl ?? 'Feed');
      return {
        version: meta?.version ?? '',
        source: meta ? `${origin}: ${meta.source}` : 'none',
        signedAt: meta?.signedAt ?? null,
        productCount: meta ? store.read().count() : 0,
        lastSyncAt: synced.lastSyncAt,
        nextSyncAt: scheduler?.nextAt()?.toISOString() ?? null,
        lastError: synced.lastError,
        lastReport: synced.lastReport && {
          added: synced.lastReport.added,
          updated: synced.lastReport.updated,
          removed: synced.lastReport.removed,
          rejected: synced.lastReport.rejected,
        },
      };
    },
    syncNow: async () => syncFeed(),
    importFile: async (location) => {
      const key = publicKeyPem ?? demoKey;
      if (!key)
        throw new KioskError('CONFIG_INVALID', 'No catalog public key is configured (catalog.publicKeyPem).');
      return sync.run({
        source: new DirectoryFeedSource(location),
        publicKeyPem: key,
        conditional: false,
        origin: 'import',
      });
    },
    resolveImagePath: (urlPath) => resolveProductImagePath(files.imagesDir, urlPath),
    dispose: async () => {
      scheduler?.stop();
      await sync.idle();
      store.close();
    },
  };
}
