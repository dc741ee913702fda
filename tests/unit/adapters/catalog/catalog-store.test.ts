import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { CatalogFiles } from '../../../../electron/adapters/catalog/catalog-files';
import { CatalogStore } from '../../../../electron/adapters/catalog/catalog-store';
import { signManifest, verifyManifest } from '../../../../electron/adapters/catalog/feed-signing';
import { validateDelta } from '../../../../electron/core/catalog/delta-validation';
import type { DeltaDocument, SignedManifest } from '../../../../electron/core/catalog/feed-manifest';
import { manyProducts, tempDir, TestPublisher } from './catalog-test-feed';
import { createHash } from 'node:crypto';

describe('CatalogStore', () => {
  const scratch = tempDir();
  afterAll(() => scratch.cleanup());
  let n = 0;
  const setup = async () => {
    const root = path.join(scratch.dir, `s${n++}`);
    const publisher = new TestPublisher(root);
    const store = new CatalogStore(new CatalogFiles(path.join(root, 'kiosk')));
    return { publisher, store };
  };
  const manifestOf = (publisher: TestPublisher): SignedManifest =>
    verifyManifest(readFileSync(path.join(publisher.feedDir, 'manifest.json')), publisher.keys.publicKeyPem);
  const snapshotFile = (publisher: TestPublisher, manifest: SignedManifest) =>
    path.join(publisher.feedDir, manifest.signed.snapshot.path);
  const deltaDoc = (publisher: TestPublisher, manifest: SignedManifest): DeltaDocument =>
    JSON.parse(
      gunzipSync(readFileSync(path.join(publisher.feedDir, manifest.signed.deltas[0]!.path))).toString(),
    );

  it('installs a snapshot as a new file, then applies a delta in place, keeping the candidate cache current', async () => {
    const { publisher, store } = await setup();
    expect(store.isInstalled()).toBe(false);
    expect(() => store.read()).toThrow(/No catalog/);
    await publisher.publish(manyProducts(30));
    const v1 = manifestOf(publisher);
    expect(await store.installSnapshot(snapshotFile(publisher, v1), v1)).toEqual({
      added: 30,
      updated: 0,
      removed: 0,
      rejected: [],
    });
    expect(store.meta()).toMatchObject({
      version: v1.signed.version,
      sequence: 1,
      keyId: v1.keyId,
      rowCount: 30,
    });
    const firstFile = store.files.current();
    expect(store.candidates('s').get('cleanser')?.items.length).toBe(4);

    const next = manyProducts(30).filter((p) => p.sku !== 'P000000');
    next.push({ sku: 'Z1', step: 'cleanser' });
    next[1] = { ...next[1]!, price: '77.00' };
    await publisher.publish(next);
    const v2 = manifestOf(publisher);
    expect(store.applyDelta(validateDelta(deltaDoc(publisher, v2)), v2)).toEqual({
      added: 1,
      updated: 1,
      removed: 1,
      rejected: [],
    });
    expect(store.meta()?.version).toBe(v2.signed.version);
    expect(store.files.current()).toBe(firstFile);
    const cleansers = store
      .candidates('s')
      .get('cleanser')!
      .items.map((c) => c.sku);
    expect(cleansers).toContain('Z1');
    expect(cleansers).not.toContain('P000000');
    expect(cleansers).toEqual([...cleansers].sort());
    expect(
      store
        .read()
        .summaries(['P000002'], 's', () => null)
        .get('P000002')?.price.amountMinor,
    ).toBe(7700);
  });

  it('rejects bad delta records with reasons and applies the rest', async () => {
    const { publisher, store } = await setup();
    await publisher.publish(manyProducts(3));
    const v1 = manifestOf(publisher);
    await store.installSnapshot(snapshotFile(publisher, v1), v1);
    await publisher.publish([...manyProducts(3), { sku: 'N1' }, { sku: 'N2' }]);
    const v2 = manifestOf(publisher);
    const doc = deltaDoc(publisher, v2);
    (doc.upserts[1] as { priceMinor: number }).priceMinor = -5;
    const counts = store.applyDelta(validateDelta(doc), v2);
    expect(counts.added).toBe(1);
    expect(counts.rejected).toEqual([{ sku: 'N2', reason: expect.stringMatching(/^priceMinor: /) }]);
    expect(store.read().count()).toBe(4);
  });

  it('changes nothing for a delta from another version or one that does not add up', async () => {
    const { publisher, store } = await setup();
    await publisher.publish(manyProducts(3));
    const v1 = manifestOf(publisher);
    await store.installSnapshot(snapshotFile(publisher, v1), v1);
    await publisher.publish(manyProducts(4));
    const v2 = manifestOf(publisher);
    const doc = deltaDoc(publisher, v2);
    expect(() => store.applyDelta(validateDelta({ ...doc, fromVersion: '9.99999999' }), v2)).toThrow(
      /this kiosk has/,
    );
    const lying = { ...v2, signed: { ...v2.signed, rowCount: 10 } };
    expect(() => store.applyDelta(validateDelta(doc), lying)).toThrow(/manifest says 10/);
    expect(store.meta()?.version).toBe(v1.signed.version);
    expect(store.read().count()).toBe(3);
  });

  it('refuses a snapshot with objects of its own, a wrong version or a wrong row count, keeping the old catalog', async () => {
    const { publisher, store } = await setup();
    await publisher.publish(manyProducts(3));
    const v1 = manifestOf(publisher);
    await store.installSnapshot(snapshotFile(publisher, v1), v1);

    const tamperedDb = path.join(scratch.dir, `t${n}.sqlite`);
    writeFileSync(tamperedDb, gunzipSync(readFileSync(snapshotFile(publisher, v1))));
    const db = new Database(tamperedDb);
    db.exec(
      "CREATE TRIGGER sneaky AFTER INSERT ON products BEGIN DELETE FROM products; END; UPDATE catalog_meta SET value = '2.00000000' WHERE key = 'version'",
    );
    db.close();
    const gz = gzipSync(readFileSync(tamperedDb));
    const gzFile = `${tamperedDb}.gz`;
    writeFileSync(gzFile, gz);
    const signed = (overrides: Partial<SignedManifest['signed']>) =>
      signManifest(
        {
          ...v1.signed,
          version: '2.00000000',
          sequence: 2,
          snapshot: {
            path: 'snapshots/x',
            sha256: createHash('sha256').update(gz).digest('hex'),
            bytes: gz.length,
          },
          ...overrides,
        },
        publisher.keys.privateKeyPem,
      );
    await expect(store.installSnapshot(gzFile, signed({}))).rejects.toMatchObject({
      code: 'FEED_MALFORMED',
      message: expect.stringMatching(/unexpected schema \(trigger:sneaky\)/),
    });
    await expect(
      store.installSnapshot(snapshotFile(publisher, v1), signed({ version: '3.00000000' })),
    ).rejects.toThrow(/manifest says 3.00000000/);
    await expect(
      store.installSnapshot(snapshotFile(publisher, v1), { ...v1, signed: { ...v1.signed, rowCount: 2 } }),
    ).rejects.toThrow(/has 3 products, the manifest says 2/);
    writeFileSync(gzFile, gzipSync(Buffer.from('definitely not sqlite')));
    await expect(store.installSnapshot(gzFile, signed({}))).rejects.toMatchObject({ code: 'FEED_MALFORMED' });
    expect(store.meta()?.version).toBe(v1.signed.version);
    expect(store.read().count()).toBe(3);
  });

  it('reopens the installed catalog after a restart and cleans up leftovers', async () => {
    const { publisher, store } = await setup();
    await publisher.publish(manyProducts(3));
    const v1 = manifestOf(publisher);
    await store.installSnapshot(snapshotFile(publisher, v1), v1);
    store.close();
    const leftover = path.join(store.files.dir, 'catalog-9.00000000-deadbeef.sqlite.partial');
    writeFileSync(leftover, 'half');
    const reopened = new CatalogStore(new CatalogFiles(store.files.dir));
    expect(reopened.meta()?.version).toBe(v1.signed.version);
    expect(() => readFileSync(leftover)).toThrow(/ENOENT/);
    reopened.close();
  });
});
