import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogServices, type CatalogServices } from '../../../electron/services/catalog-services';
import { CatalogFiles } from '../../../electron/adapters/catalog/catalog-files';
import { CatalogStore } from '../../../electron/adapters/catalog/catalog-store';
import { CatalogSyncService } from '../../../electron/adapters/catalog/catalog-sync-service';
import { DirectoryFeedSource } from '../../../electron/adapters/catalog/directory-feed-source';
import type { FeedSource } from '../../../electron/adapters/catalog/feed-source';
import { ProductImageCache } from '../../../electron/adapters/catalog/product-image-cache';
import { SyncStateStore } from '../../../electron/adapters/catalog/sync-state-store';
import type { SignedManifest } from '../../../electron/core/catalog/feed-manifest';
import { KioskConfigSchema } from '../../../electron/core/config/kiosk-config-schema';
import { silentLogger } from '../../../electron/core/ports/logger-port';
import { manyProducts, tempDir, TestPublisher } from '../../unit/adapters/catalog/catalog-test-feed';

const repoResources = path.resolve(__dirname, '../../../resources');
const ctx = { emit: () => undefined };

/**
 * A USB stick is whatever someone put on it. Every case here must end quickly with a typed error,
 * leave the installed catalog as it was, and leave the next import working.
 */
describe.runIf(process.platform === 'linux')('catalog import from a USB stick', () => {
  const scratch = tempDir('usb-import-');
  const publisher = new TestPublisher(path.join(scratch.dir, 'office'));
  let kiosk: CatalogServices;
  let manifest: SignedManifest;
  let stick = 0;

  /** A copy of the good feed, changed by `spoil`. */
  const spoiledStick = (spoil: (dir: string) => void): string => {
    const dir = path.join(scratch.dir, `stick-${++stick}`);
    cpSync(publisher.feedDir, dir, { recursive: true });
    spoil(dir);
    return dir;
  };

  const expectRefused = async (dir: string, code: string, message: RegExp) => {
    const before = kiosk.status();
    await expect(kiosk.importFile(dir)).rejects.toMatchObject({
      code,
      message: expect.stringMatching(message),
    });
    expect(kiosk.status()).toMatchObject({ version: before.version, productCount: before.productCount });
    expect(kiosk.status().lastError).toMatch(new RegExp(`^${code}: `));
  };

  beforeAll(async () => {
    await publisher.publish(manyProducts(8));
    manifest = JSON.parse(
      readFileSync(path.join(publisher.feedDir, 'manifest.json'), 'utf8'),
    ) as SignedManifest;
    const config = KioskConfigSchema.parse({ catalog: { publicKeyPem: publisher.keys.publicKeyPem } });
    const paths = { dataDir: path.join(scratch.dir, 'kiosk'), resourcesDir: repoResources, modelDir: '' };
    kiosk = await createCatalogServices(config, paths, ctx, { schedule: false });
  });
  afterAll(async () => {
    await kiosk.dispose();
    scratch.cleanup();
  });

  it('refuses a FIFO named manifest.json at once, and the next import still works', async () => {
    const dir = spoiledStick((d) => {
      rmSync(path.join(d, 'manifest.json'));
      execFileSync('mkfifo', [path.join(d, 'manifest.json')]);
    });
    await expectRefused(dir, 'FEED_MALFORMED', /manifest\.json .* is not a regular file/);
    await expect(kiosk.importFile(publisher.feedDir)).resolves.toMatchObject({ outcome: 'applied' });
  }, 15_000);

  it('refuses a 300 MB manifest without reading it', async () => {
    const dir = spoiledStick((d) => truncateSync(path.join(d, 'manifest.json'), 300 * 1024 * 1024));
    const rssBefore = process.memoryUsage().rss;
    await expectRefused(dir, 'FEED_MALFORMED', /is 314572800 bytes; a manifest is at most 4194304 bytes/);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
  }, 15_000);

  it('refuses a snapshot that is a FIFO, or not the size the signed manifest states, before reading it', async () => {
    const snapshot = manifest.signed.snapshot.path;
    const fifo = spoiledStick((d) => {
      rmSync(path.join(d, snapshot));
      execFileSync('mkfifo', [path.join(d, snapshot)]);
    });
    // A fresh kiosk has only the demo: the import needs the snapshot, not a delta.
    const fresh = await createCatalogServices(
      KioskConfigSchema.parse({ catalog: { publicKeyPem: publisher.keys.publicKeyPem } }),
      { dataDir: path.join(scratch.dir, 'fresh'), resourcesDir: repoResources, modelDir: '' },
      ctx,
      { schedule: false },
    );
    try {
      await expect(fresh.importFile(fifo)).rejects.toMatchObject({
        code: 'FEED_MALFORMED',
        message: expect.stringMatching(/is not a regular file/),
      });
      const grown = spoiledStick((d) => truncateSync(path.join(d, snapshot), 512 * 1024 * 1024));
      await expect(fresh.importFile(grown)).rejects.toMatchObject({
        code: 'FEED_CHECKSUM_INVALID',
        message: expect.stringMatching(/is 536870912 bytes; the manifest states \d+/),
      });
      await expect(fresh.importFile(publisher.feedDir)).resolves.toMatchObject({ mode: 'snapshot' });
    } finally {
      await fresh.dispose();
    }
  }, 15_000);

  it('refuses a manifest that is a link, even to a good manifest elsewhere', async () => {
    const dir = spoiledStick((d) => {
      rmSync(path.join(d, 'manifest.json'));
      symlinkSync(path.join(publisher.feedDir, 'manifest.json'), path.join(d, 'manifest.json'));
    });
    await expectRefused(dir, 'FEED_MALFORMED', /is a link/);
  });

  it('reads no image that is not a regular file inside the feed folder', async () => {
    const dir = spoiledStick((d) => {
      writeFileSync(path.join(d, 'real.png'), 'x');
      execFileSync('mkfifo', [path.join(d, 'fifo.png')]);
      symlinkSync('/etc/hostname', path.join(d, 'link.png'));
    });
    const source = new DirectoryFeedSource(dir);
    await expect(source.fetchImage('fifo.png', 1000)).rejects.toMatchObject({ code: 'FEED_MALFORMED' });
    await expect(source.fetchImage('link.png', 1000)).rejects.toMatchObject({ code: 'FEED_MALFORMED' });
    await expect(source.fetchImage('real.png', 1000)).resolves.toMatchObject({ bytes: Buffer.from('x') });
  }, 15_000);
});

describe('catalog sync time limit', () => {
  const scratch = tempDir('sync-limit-');
  afterAll(() => scratch.cleanup());

  it('gives up a source that never answers, records it, and the next sync runs', async () => {
    const publisher = new TestPublisher(path.join(scratch.dir, 'office'));
    await publisher.publish(manyProducts(5));
    const files = new CatalogFiles(path.join(scratch.dir, 'kiosk'));
    const store = new CatalogStore(files);
    const state = new SyncStateStore(path.join(files.dir, 'sync-state.json'));
    const sync = new CatalogSyncService({
      store,
      images: new ProductImageCache(files.imagesDir),
      state,
      logger: silentLogger,
      onProgress: () => undefined,
      timeLimitMs: 300,
    });
    const stuck: FeedSource = {
      label: '/media/usb-stick',
      fetchManifest: () => new Promise(() => undefined),
      download: () => new Promise(() => undefined),
      fetchImage: () => new Promise(() => undefined),
    };
    const request = {
      publicKeyPem: publisher.keys.publicKeyPem,
      conditional: false,
      origin: 'import' as const,
    };
    await expect(sync.run({ ...request, source: stuck })).rejects.toMatchObject({
      code: 'FEED_UNREACHABLE',
      message: expect.stringMatching(
        /\/media\/usb-stick: no complete catalog within .* the sync was given up/,
      ),
    });
    expect(state.get()).toMatchObject({
      consecutiveFailures: 1,
      lastError: expect.stringMatching(/given up/),
    });
    const report = await sync.run({ ...request, source: new DirectoryFeedSource(publisher.feedDir) });
    expect(report).toMatchObject({ outcome: 'applied', added: 5 });
    expect(state.get()).toMatchObject({ consecutiveFailures: 0, lastError: null });
    store.close();
  });
});
