import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import {
  openCatalogDb,
  readCatalogMeta,
  writeCatalogMeta,
} from '../../../../electron/adapters/catalog/catalog-db';
import {
  CATALOG_SCHEMA_VERSION,
  expectedSchemaObjects,
  schemaObjects,
} from '../../../../electron/adapters/catalog/catalog-db-schema';
import { CatalogReader } from '../../../../electron/adapters/catalog/catalog-reader';
import { CatalogWriter, recordHash } from '../../../../electron/adapters/catalog/catalog-writer';
import { normalizeRecord } from '../../../../electron/core/catalog/catalog-record';
import { buildFtsQuery } from '../../../../electron/core/catalog/search-query';
import { record } from '../../core/catalog/catalog-test-records';
import { tempDir } from './catalog-test-feed';

const noImages = (): null => null;

describe('catalog database', () => {
  const scratch = tempDir();
  afterAll(() => scratch.cleanup());
  let n = 0;
  const fresh = (): Database.Database => openCatalogDb(path.join(scratch.dir, `c${n++}.sqlite`));

  it('migrates by user_version, uses WAL and refuses a database from a newer build', () => {
    const db = fresh();
    expect(db.pragma('user_version', { simple: true })).toBe(CATALOG_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(schemaObjects(db)).toEqual(expectedSchemaObjects());
    const file = db.name;
    db.pragma(`user_version = ${CATALOG_SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openCatalogDb(file)).toThrow(/Update the kiosk/);
  });

  it('round-trips every field of a record and reports added / updated / unchanged', () => {
    const db = fresh();
    const writer = new CatalogWriter(db);
    const full = record({
      sku: 'F-1',
      gtin: '4006381333931',
      step: 'foundation',
      description: 'Ein Serum, größer',
      productUrl: 'https://shop.example/f-1',
      affiliateTemplate: 'https://go.example/?u={url}',
      cartVariantId: '123456',
      image: 'images/a.webp',
      availability: 'preorder',
      storeAvailability: { 'store-1': 'in_stock', 'store-2': 'out_of_stock' },
      skinTypes: ['dry', 'oily'],
      concerns: [
        { concern: 'dryness', strength: 0.4 },
        { concern: 'redness', strength: 0.9 },
      ],
      ingredients: ['Glycerin', '1,2-Hexanediol'],
      flags: ['vegan', 'fragrance_free'],
      spf: 20,
      shades: [
        {
          code: 'N1',
          name: 'One',
          hex: '#f0d0c0',
          lab: { L: 85, a: 6, b: 12 },
          undertone: 'neutral',
          depth: 2,
        },
        {
          code: null,
          name: 'Two',
          hex: '#a07050',
          lab: { L: 52, a: 14, b: 24 },
          undertone: 'warm',
          depth: 6,
        },
      ],
    });
    expect(writer.upsert(full)).toBe('added');
    expect(writer.upsert(full)).toBe('unchanged');
    expect(writer.upsert({ ...full, priceMinor: 999 })).toBe('updated');
    const [back] = new CatalogReader(db).records();
    expect(back).toEqual(normalizeRecord({ ...full, priceMinor: 999 }));
    expect(recordHash(full)).toBe(
      recordHash({ ...full, flags: ['fragrance_free', 'vegan'], concerns: [...full.concerns].reverse() }),
    );
    // Updates rewrite only what changed, and every part still reads back right.
    const renamed = {
      ...full,
      priceMinor: 999,
      name: 'Velvet Tint',
      concerns: [{ concern: 'acne' as const, strength: 0.7 }],
    };
    expect(writer.upsert(renamed)).toBe('updated');
    expect(new CatalogReader(db).records()[0]).toEqual(normalizeRecord(renamed));
    const search = (q: string) =>
      new CatalogReader(db).search(buildFtsQuery(q)!, 5, 's', noImages).map((p) => p.sku);
    expect(search('velvet')).toEqual(['F-1']);
    expect(search('acne')).toEqual(['F-1']);
    expect(search('redness')).toEqual([]);
    expect(writer.upsert({ ...renamed, step: 'concealer' })).toBe('updated');
    expect(new CatalogReader(db).summaries(['F-1'], 's', noImages).get('F-1')?.step).toBe('concealer');
    expect(writer.remove('F-1')).toBe(true);
    expect(writer.remove('F-1')).toBe(false);
    expect(new CatalogReader(db).count()).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM shades').get()).toEqual({ n: 0 });
  });

  it('keeps metadata', () => {
    const db = fresh();
    expect(readCatalogMeta(db)).toBeNull();
    const meta = {
      version: '3.abcdef01',
      sequence: 3,
      keyId: '0123456789abcdef',
      signedAt: '2025-01-01T00:00:00.000Z',
      source: 'feed.xml',
      rowCount: 7,
    };
    writeCatalogMeta(db, meta);
    expect(readCatalogMeta(db)).toEqual(meta);
  });

  it('searches name, brand, description, concerns (English and Spanish) and ingredients, accent-insensitively', () => {
    const db = fresh();
    const writer = new CatalogWriter(db);
    writer.upsert(
      record({
        sku: 'A',
        name: 'Calm Serum',
        brand: 'Okaru Skin',
        concerns: [{ concern: 'redness', strength: 0.9 }],
        ingredients: ['Centella Asiatica Extract'],
      }),
    );
    writer.upsert(
      record({
        sku: 'B',
        name: 'Glow Toner',
        brand: 'Brightfold',
        step: 'toner',
        description: 'Crème légère',
        concerns: [{ concern: 'dullness', strength: 0.6 }],
      }),
    );
    writer.upsert(record({ sku: 'C', name: 'Serum Calm Extra', brand: 'Fennix Lab' }));
    // Filler so that term rarity (BM25's IDF) means something, as in a real catalog.
    for (let i = 0; i < 8; i++)
      writer.upsert(
        record({ sku: `Z${i}`, name: `Plain Lotion ${i}`, brand: 'Saltmarrow', step: 'moisturizer' }),
      );
    const reader = new CatalogReader(db);
    const search = (q: string): string[] =>
      reader.search(buildFtsQuery(q)!, 10, 'store-1', noImages).map((p) => p.sku);
    expect(search('calm').sort()).toEqual(['A', 'C']);
    // A name match outranks a match in the description only.
    writer.upsert(
      record({ sku: 'D', name: 'Night Cream', description: 'for a morning glow', step: 'moisturizer' }),
    );
    expect(search('glow')).toEqual(['B', 'D']);
    writer.remove('D');
    expect(search('okaru')).toEqual(['A']);
    expect(search('rojez')).toEqual(['A']);
    expect(search('redness')).toEqual(['A']);
    expect(search('centella')).toEqual(['A']);
    expect(search('creme')).toEqual(['B']);
    expect(search('toner')).toEqual(['B']);
    expect(search('br')).toEqual(['B']);
    expect(search('calm fennix')).toEqual(['C']);
    expect(search('nothing-like-this')).toEqual([]);
    writer.remove('A');
    expect(search('calm')).toEqual(['C']);
  });

  it('builds product cards with per-store availability, flags, concerns and image URLs', () => {
    const db = fresh();
    const writer = new CatalogWriter(db);
    writer.upsert(
      record({
        sku: 'A',
        availability: 'in_stock',
        storeAvailability: { 'store-2': 'out_of_stock' },
        flags: ['vegan'],
        spf: 50,
        image: 'images/x.webp',
        concerns: [
          { concern: 'acne', strength: 0.3 },
          { concern: 'pores', strength: 0.8 },
        ],
      }),
    );
    writer.upsert(
      record({ sku: 'B', availability: 'out_of_stock', storeAvailability: { 'store-2': 'in_stock' } }),
    );
    const reader = new CatalogReader(db);
    const cards = reader.summaries(['A', 'B', 'Z'], 'store-2', (ref) =>
      ref ? `/product-images/${ref.length}.webp` : null,
    );
    expect([...cards.keys()].sort()).toEqual(['A', 'B']);
    expect(cards.get('A')).toMatchObject({
      inStock: false,
      flags: ['vegan'],
      spf: 50,
      concerns: ['pores', 'acne'],
      imageUrl: '/product-images/13.webp',
      price: { amountMinor: 2000, currency: 'USD' },
    });
    expect(cards.get('B')?.inStock).toBe(true);
    expect(reader.summaries(['A', 'B'], 'store-1', noImages).get('A')?.inStock).toBe(true);
    const pool = reader.candidates('store-2');
    expect(pool.get('serum')?.map((c) => [c.sku, c.inStock])).toEqual([
      ['A', false],
      ['B', true],
    ]);
  });

  it('ignores values a newer publisher knows and this build does not', () => {
    const db = fresh();
    new CatalogWriter(db).upsert(record({ sku: 'A', concerns: [{ concern: 'redness', strength: 0.5 }] }));
    db.prepare(
      "INSERT INTO product_concerns (product_id, concern, strength) SELECT id, 'sparkle', 0.9 FROM products",
    ).run();
    db.prepare(
      "INSERT INTO products (sku, brand, name, step, description, price_minor, currency, availability, record_hash, detail_hash, search_hash) VALUES ('Q', 'b', 'n', 'lipstick', '', 1, 'USD', 'in_stock', 'h', 'd', 's')",
    ).run();
    const reader = new CatalogReader(db);
    expect(reader.summaries(['A', 'Q'], 's', noImages).get('A')?.concerns).toEqual(['redness']);
    expect(reader.summaries(['A', 'Q'], 's', noImages).has('Q')).toBe(false);
    expect(reader.candidates('s').get('serum')?.[0]?.concerns).toEqual([
      { concern: 'redness', strength: 0.5 },
    ]);
  });
});
