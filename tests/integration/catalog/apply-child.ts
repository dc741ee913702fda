/**
 * Child process for the crash test: syncs a kiosk data folder from a feed folder, printing "ready"
 * just before the sync starts and "applied <ms>" when it is done. The parent kills it at random
 * moments in between.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CatalogFiles } from '../../../electron/adapters/catalog/catalog-files';
import { CatalogStore } from '../../../electron/adapters/catalog/catalog-store';
import { CatalogSyncService } from '../../../electron/adapters/catalog/catalog-sync-service';
import { DirectoryFeedSource } from '../../../electron/adapters/catalog/directory-feed-source';
import { ProductImageCache } from '../../../electron/adapters/catalog/product-image-cache';
import { SyncStateStore } from '../../../electron/adapters/catalog/sync-state-store';
import { silentLogger } from '../../../electron/core/ports/logger-port';

const [kioskDir, feedDir, keyFile] = process.argv.slice(2) as [string, string, string];
const files = new CatalogFiles(kioskDir);
const store = new CatalogStore(files);
const sync = new CatalogSyncService({
  store,
  images: new ProductImageCache(files.imagesDir),
  state: new SyncStateStore(path.join(kioskDir, 'sync-state.json')),
  logger: silentLogger,
  onProgress: () => undefined,
});
process.stdout.write('ready\n');
const started = performance.now();
await sync.run({
  source: new DirectoryFeedSource(feedDir),
  publicKeyPem: readFileSync(keyFile, 'utf8'),
  conditional: false,
  origin: 'import',
});
process.stdout.write(`applied ${Math.round(performance.now() - started)}\n`);
store.close();
