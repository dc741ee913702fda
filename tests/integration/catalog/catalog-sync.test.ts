import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogServices, type CatalogServices } from '../../../electron/services/catalog-services';
import { KioskConfigSchema } from '../../../electron/core/config/kiosk-config-schema';
import type { EventPayload } from '../../../electron/shared/ipc-contract';
import {
  manyProducts,
  pngBytes,
  tempDir,
  TestPublisher,
  type TestProduct,
} from '../../unit/adapters/catalog/catalog-test-feed';
import { FeedServer } from './feed-server';

const repoResources = path.resolve(__dirname, '../../../resources');

describe('kiosk catalog sync over HTTP', () => {
  const scratch = tempDir('catalog-sync-');
  const publisher = new TestPublisher(path.join(scratch.dir, 'office'));
  const server = new FeedServer(publisher.feedDir);
  const progress: Array<EventPayload<'catalog:sync-progress'>> = [];
  let kiosk: CatalogServices;
  let products: TestProduct[];

  const expectUnchanged = async (version: string, count: number, code: string, message?: RegExp) => {
    await expect(kiosk.syncNow()).rejects.toMatchObject({
      code,
      ...(message ? { message: expect.stringMatching(message) } : {}),
    });
    const status = kiosk.status();
    expect(status.version).toBe(version);
    expect(status.productCount).toBe(count);
    expect(status.lastError).toMatch(new RegExp(`^${code}: `));
    expect(kiosk.query.search('product', 50).length).toBeGreaterThan(0);
    expect(progress.at(-1)?.phase).toBe('error');
  };

  beforeAll(async () => {
    mkdirSync(publisher.sourceDir, { recursive: true });
    products = manyProducts(40).map((p, i) => (i < 3 ? { ...p, image: `img${i}.png` } : p));
    for (let i = 0; i < 3; i++)
      writeFileSync(
        path.join(publisher.sourceDir, `img${i}.png`),
        await pngBytes(['#aa0000', '#00aa00', '#0000aa'][i]),
      );
    await publisher.publish(products);
    await server.start();
    const config = KioskConfigSchema.parse({
      storeId: 'store-1',
      catalog: { feedUrl: server.url, publicKeyPem: publisher.keys.publicKeyPem, syncIntervalMin: 15 },
    });
    kiosk = await createCatalogServices(
      config,
      { dataDir: path.join(scratch.dir, 'kiosk'), resourcesDir: repoResources, modelDir: '' },
      {
        emit: (event, payload) =>
          event === 'catalog:sync-progress' &&
          progress.push(payload as EventPayload<'catalog:sync-progress'>),
      },
      { schedule: false, feedTimeoutMs: 400 },
    );
  });
  afterAll(async () => {
    await kiosk.dispose();
    await server.close();
    scratch.cleanup();
  });

  it('starts on the bundled demo catalog, then takes the feed snapshot with its images', async () => {
    expect(kiosk.status().source).toMatch(/^Demo catalog/);
    progress.length = 0;
    const report = await kiosk.syncNow();
    expect(report).toMatchObject({
      outcome: 'applied',
      mode: 'snapshot',
      added: 40,
      toVersion: expect.stringMatching(/^1\./),
    });
    expect(report.removed).toBeGreaterThan(100);
    const phases = [...new Set(progress.map((p) => p.phase))];
    expect(phases).toEqual(['checking', 'verifying', 'downloading', 'applying', 'images', 'done']);
    const status = kiosk.status();
    expect(status).toMatchObject({
      version: report.toVersion,
      productCount: 40,
      lastError: null,
      source: `${server.url}: products.csv`,
    });
    const card = kiosk.query.findBySkus(['P000000'])[0]!.summary;
    expect(card.imageUrl).toMatch(/^\/product-images\//);
    expect(kiosk.resolveImagePath(card.imageUrl!)).not.toBeNull();
    expect(server.requests.filter((r) => r.path.includes('/images/'))).toHaveLength(3);
  });

  it('asks with If-None-Match next time and changes nothing on 304', async () => {
    const version = kiosk.status().version;
    const report = await kiosk.syncNow();
    expect(report).toMatchObject({ outcome: 'unchanged', mode: 'none', toVersion: version });
    const manifestRequest = server.requests.filter((r) => r.path.endsWith('manifest.json')).at(-1)!;
    expect(manifestRequest).toMatchObject({
      status: 304,
      ifNoneMatch: expect.stringMatching(/^"[0-9a-f]{40}"$/),
    });
  });

  it('applies the delta when the feed has one from the installed version', async () => {
    products = [...products.slice(1), { sku: 'NEW-1', step: 'cleanser' }];
    products[5] = { ...products[5]!, price: '55.00' };
    const v2 = await publisher.publish(products);
    const report = await kiosk.syncNow();
    expect(report).toMatchObject({
      outcome: 'applied',
      mode: 'delta',
      added: 1,
      updated: 1,
      removed: 1,
      toVersion: v2.version,
    });
    expect(server.requests.some((r) => r.path.includes('/deltas/') && r.status === 200)).toBe(true);
    expect(kiosk.status().productCount).toBe(40);
  });

  it('leaves the catalog as it was and says why for every kind of feed fault', async () => {
    const version = kiosk.status().version;
    const count = kiosk.status().productCount;
    const v3 = await publisher.publish([...products, { sku: 'NEW-2' }]);
    expect(v3.outcome).toBe('published');

    server.fault('manifest.json', { kind: 'status', status: 500 });
    await expectUnchanged(version, count, 'FEED_UNREACHABLE', /HTTP 500/);
    server.clearFaults();

    server.fault('manifest.json', { kind: 'hang' });
    await expectUnchanged(version, count, 'FEED_UNREACHABLE', /timed out/);
    server.clearFaults();

    server.fault('manifest.json', { kind: 'body', body: '{"signed": {' });
    await expectUnchanged(version, count, 'FEED_MALFORMED');
    server.clearFaults();

    const impostor = new TestPublisher(path.join(scratch.dir, 'impostor'));
    await impostor.publish([{ sku: 'EVIL' }]);
    server.fault('manifest.json', {
      kind: 'body',
      body: readFileSync(path.join(impostor.feedDir, 'manifest.json')),
    });
    await expectUnchanged(version, count, 'FEED_SIGNATURE_INVALID');
    server.clearFaults();

    // Delta and snapshot both broken: the delta failure falls back to the snapshot, which fails too.
    for (const fault of [{ kind: 'corrupt' }, { kind: 'short' }] as const) {
      server.fault(/\/(deltas|snapshots)\//, fault);
      await expectUnchanged(version, count, 'FEED_CHECKSUM_INVALID');
      server.clearFaults();
    }
    server.fault(/\/deltas\//, { kind: 'cut' });
    await expectUnchanged(version, count, 'FEED_UNREACHABLE', /interrupted/);
    server.clearFaults();

    server.fault(/\/deltas\//, { kind: 'hang' });
    await expectUnchanged(version, count, 'FEED_UNREACHABLE', /timed out/);
    server.clearFaults();

    const catalogDir = path.join(scratch.dir, 'kiosk', 'catalog');
    const current = JSON.parse(readFileSync(path.join(catalogDir, 'current.json'), 'utf8')) as {
      file: string;
    };
    const db = new Database(path.join(catalogDir, current.file), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    // After all that the next sync still works, and did not reuse an ETag from a failed attempt.
    const report = await kiosk.syncNow();
    expect(report).toMatchObject({ outcome: 'applied', mode: 'delta', toVersion: v3.version, added: 1 });
    expect(kiosk.status().lastError).toBeNull();
  });

  it('falls back to the snapshot when only the delta is broken', async () => {
    await publisher.publish([...products, { sku: 'NEW-3' }]);
    server.fault(/\/deltas\//, { kind: 'corrupt' });
    const report = await kiosk.syncNow();
    server.clearFaults();
    expect(report).toMatchObject({ outcome: 'applied', mode: 'snapshot', added: 1, removed: 1 });
  });

  it('refuses to go back to an older version replayed by the host', async () => {
    const current = kiosk.status().version;
    const old = new TestPublisher(path.join(scratch.dir, 'replay'));
    Object.assign(old, { keys: publisher.keys });
    await old.publish([{ sku: 'OLD' }]);
    server.fault('manifest.json', {
      kind: 'body',
      body: readFileSync(path.join(old.feedDir, 'manifest.json')),
    });
    await expectUnchanged(current, kiosk.status().productCount, 'FEED_MALFORMED', /refusing to go back/);
    server.clearFaults();
  });

  it('refuses other content published under the installed sequence by the same key', async () => {
    const twin = new TestPublisher(path.join(scratch.dir, 'twin'));
    Object.assign(twin, { keys: publisher.keys });
    cpSync(publisher.feedDir, twin.feedDir, { recursive: true });
    await publisher.publish([...products, { sku: 'SEQ-1' }]);
    const applied = await kiosk.syncNow();
    expect(applied.outcome).toBe('applied');
    const swapped = await twin.publish([{ sku: 'SWAP' }]);
    const current = kiosk.status();
    expect(swapped.sequence).toBe(Number(current.version.split('.')[0]));
    expect(swapped.version).not.toBe(current.version);
    // The twin's files sit beside the real ones, so only the sequence rule stands in the way.
    cpSync(twin.feedDir, publisher.feedDir, {
      recursive: true,
      filter: (from) => path.basename(from) !== 'manifest.json',
    });
    server.fault('manifest.json', {
      kind: 'body',
      body: readFileSync(path.join(twin.feedDir, 'manifest.json')),
    });
    await expectUnchanged(current.version, current.productCount, 'FEED_MALFORMED', /same sequence/);
    server.clearFaults();
    expect(kiosk.query.search('SWAP', 5)).toEqual([]);
  });

  it('does not cache an image served as something else, and reports a dead host as unreachable', async () => {
    server.fault(/\/images\//, { kind: 'body', body: '<html>oops</html>', contentType: 'text/html' });
    products = [...products, { sku: 'IMG-NEW', image: 'img0.png', name: 'Red box' }];
    writeFileSync(path.join(publisher.sourceDir, 'img0.png'), await pngBytes('#ff00ff'));
    await publisher.publish(products);
    await kiosk.syncNow();
    server.clearFaults();
    expect(kiosk.query.findBySkus(['IMG-NEW'])[0]?.summary.imageUrl).toBeNull();
    await server.close();
    await expect(kiosk.syncNow()).rejects.toMatchObject({
      code: 'FEED_UNREACHABLE',
      message: expect.stringMatching(/connection (refused|dropped)/),
    });
    expect(kiosk.status().productCount).toBeGreaterThan(0);
  });

  it('refuses to sync without a configured feed or key', async () => {
    const bare = await createCatalogServices(
      KioskConfigSchema.parse({ catalog: { feedUrl: 'http://127.0.0.1:9/feed/' } }),
      { dataDir: path.join(scratch.dir, 'bare'), resourcesDir: repoResources, modelDir: '' },
      { emit: () => undefined },
      { schedule: false },
    );
    await expect(bare.syncNow()).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringMatching(/public key/),
    });
    expect(bare.status().productCount).toBeGreaterThanOrEqual(150);
    await bare.dispose();
  });
});
