import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { publishCatalog } from '../../../../electron/adapters/catalog/catalog-publisher';
import { generateFeedKeyPair, verifyManifest } from '../../../../electron/adapters/catalog/feed-signing';
import { manyProducts, pngBytes, tempDir, TestPublisher, writeProductsCsv } from './catalog-test-feed';

const manifestOf = (publisher: TestPublisher) =>
  verifyManifest(readFileSync(path.join(publisher.feedDir, 'manifest.json')), publisher.keys.publicKeyPem);
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('publishCatalog', () => {
  const scratch = tempDir();
  afterAll(() => scratch.cleanup());

  it('writes a signed manifest naming a content-addressed snapshot, with rejected rows listed', async () => {
    const publisher = new TestPublisher(path.join(scratch.dir, 'a'));
    const products = [...manyProducts(5), { sku: 'BAD', price: 'x' }];
    const result = await publisher.publish(products, undefined, new Date('2025-05-01T08:00:00Z'));
    expect(result).toMatchObject({ outcome: 'published', sequence: 1, rowCount: 5, delta: null });
    expect(result.version).toMatch(/^1\.[0-9a-f]{8}$/);
    const manifest = manifestOf(publisher);
    expect(manifest.signed).toMatchObject({
      version: result.version,
      rowCount: 5,
      createdAt: '2025-05-01T08:00:00.000Z',
      source: 'products.csv',
      deltas: [],
    });
    expect(manifest.signed.rejected).toEqual([
      { sku: 'BAD', reason: 'products.csv line 7, column price: "x" is not a price like 24.00 or 24.00 USD' },
    ]);
    const snapshot = path.join(publisher.feedDir, manifest.signed.snapshot.path);
    expect(path.basename(snapshot)).toBe(`${sha(snapshot)}.sqlite.gz`);
    expect(readFileSync(snapshot).length).toBe(manifest.signed.snapshot.bytes);
    expect(gunzipSync(readFileSync(snapshot)).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('publishes a delta from the previous version, says "unchanged" when nothing changed, and prunes old files', async () => {
    const publisher = new TestPublisher(path.join(scratch.dir, 'b'));
    const v1 = await publisher.publish(manyProducts(20));
    const again = await publisher.publish(manyProducts(20));
    expect(again).toMatchObject({ outcome: 'unchanged', version: v1.version });
    const changed = manyProducts(20).filter((p) => p.sku !== 'P000003');
    changed[0] = { ...changed[0]!, price: '99.00' };
    changed.push({ sku: 'NEW1' });
    const v2 = await publisher.publish(changed);
    expect(v2).toMatchObject({
      outcome: 'published',
      sequence: 2,
      delta: { fromVersion: v1.version, upserts: 2, removes: 1 },
    });
    const manifest = manifestOf(publisher);
    const entry = manifest.signed.deltas[0]!;
    const doc = JSON.parse(gunzipSync(readFileSync(path.join(publisher.feedDir, entry.path))).toString());
    expect(doc).toMatchObject({ fromVersion: v1.version, toVersion: v2.version, removes: ['P000003'] });
    expect(doc.upserts.map((r: { sku: string }) => r.sku)).toEqual(['NEW1', 'P000000']);
    expect(doc.upserts[1].priceMinor).toBe(9900);
    expect(sha(path.join(publisher.feedDir, entry.path))).toBe(entry.sha256);

    await publisher.publish(manyProducts(21));
    // v3's snapshot and delta, plus v2's snapshot for kiosks still downloading it.
    expect(readdirSync(path.join(publisher.feedDir, 'snapshots'))).toHaveLength(2);
    expect(readdirSync(path.join(publisher.feedDir, 'deltas'))).toHaveLength(1);
  });

  it('copies relative images into the feed by content, warning about missing ones', async () => {
    const publisher = new TestPublisher(path.join(scratch.dir, 'c'));
    writeProductsCsv(path.join(publisher.sourceDir, 'products.csv'), []);
    writeFileSync(path.join(publisher.sourceDir, 'a.png'), await pngBytes());
    writeFileSync(path.join(publisher.sourceDir, 'fake.png'), 'not an image at all');
    const result = await publisher.publish([
      { sku: 'I1', image: 'a.png' },
      { sku: 'I2', image: 'a.png' },
      { sku: 'I3', image: 'missing.png' },
      { sku: 'I4', image: 'fake.png' },
      { sku: 'I5', image: 'https://cdn.example/x.png' },
    ]);
    expect(result.warnings).toEqual([
      expect.stringMatching(/^missing\.png: ENOENT/),
      expect.stringMatching(/^fake\.png: not a PNG/),
    ]);
    const images = readdirSync(path.join(publisher.feedDir, 'images'));
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/^[0-9a-f]{32}\.png$/);
  });

  it('refuses a catalog with no valid rows and an output folder signed by another key', async () => {
    const publisher = new TestPublisher(path.join(scratch.dir, 'd'));
    await expect(publisher.publish([{ sku: 'X', price: 'nope' }])).rejects.toMatchObject({
      code: 'FEED_MALFORMED',
      message: expect.stringMatching(/No valid products.*line 2, column price/),
    });
    expect(existsSync(path.join(publisher.feedDir, 'manifest.json'))).toBe(false);
    await publisher.publish(manyProducts(2));
    await expect(
      publishCatalog({
        inputs: { products: path.join(publisher.sourceDir, 'products.csv') },
        privateKeyPem: generateFeedKeyPair().privateKeyPem,
        outDir: publisher.feedDir,
      }),
    ).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});
