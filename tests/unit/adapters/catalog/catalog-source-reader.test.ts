import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCatalogSources } from '../../../../electron/adapters/catalog/catalog-source-reader';
import { formatIssue } from '../../../../electron/core/catalog/row-validation';
import { tempDir } from './catalog-test-feed';

describe('readCatalogSources', () => {
  const scratch = tempDir();
  afterAll(() => scratch.cleanup());
  const file = (name: string, text: string): string => {
    const full = path.join(scratch.dir, name);
    writeFileSync(full, text);
    return full;
  };

  it('joins a Merchant Center TSV with an attributes CSV and a shades CSV', async () => {
    const products = file(
      'feed.tsv',
      'id\ttitle\tdescription\tlink\tprice\tavailability\tbrand\tgtin\tproduct_type\n' +
        'S1\tCalm Serum\tSoothing\thttps://shop.example/s1\t24.00 USD\tin stock\tOkaru Skin\t4006381333931\tSkin Care > Serums\n' +
        'F1\tSkin Tint\tSheer\thttps://shop.example/f1\t30.00 USD\tout of stock\tBrightfold\t\tMakeup > Foundation\n' +
        'X1\tMystery\t\t\tfree\tin stock\tBrightfold\t\tSkin Care\n',
    );
    const attributes = file(
      'attrs.csv',
      'sku,step,concerns,key_ingredients,fragrance_free,spf,store_availability\nS1,,redness:0.9,Centella Asiatica Extract,yes,,store-1:out_of_stock\nF1,,,,,,\n',
    );
    const shades = file(
      'shades.csv',
      'sku,shade_name,hex,undertone,depth\nF1,Light,#e8c8b0,neutral,3\nF1,Deep,#5a3a2a,warm,9\n',
    );
    const result = await readCatalogSources({ products, attributes, shades });
    expect(result.format).toBe('delimited');
    expect(result.records.map((r) => r.sku)).toEqual(['F1', 'S1']);
    const serum = result.records.find((r) => r.sku === 'S1')!;
    expect(serum).toMatchObject({
      step: 'serum',
      priceMinor: 2400,
      currency: 'USD',
      gtin: '4006381333931',
      flags: ['fragrance_free'],
      storeAvailability: { 'store-1': 'out_of_stock' },
      concerns: [{ concern: 'redness', strength: 0.9 }],
    });
    expect(result.records.find((r) => r.sku === 'F1')).toMatchObject({
      step: 'foundation',
      availability: 'out_of_stock',
    });
    expect(result.records.find((r) => r.sku === 'F1')?.shades.map((s) => s.name)).toEqual(['Light', 'Deep']);
    expect(result.issues.map(formatIssue)).toEqual([
      'feed.tsv line 4, column price: "free" is not a price like 24.00 or 24.00 USD',
      'feed.tsv line 4, column product_type: "Skin Care" is not a routine step (one of cleanser, toner, serum, treatment, moisturizer, sunscreen, eye, mask, foundation, concealer)',
    ]);
  });

  it('refuses files without a SKU column and files that do not exist', async () => {
    await expect(readCatalogSources({ products: file('nosku.csv', 'name,price\nA,1\n') })).rejects.toThrow(
      /no sku/,
    );
    await expect(readCatalogSources({ products: path.join(scratch.dir, 'missing.csv') })).rejects.toThrow(
      /Cannot read/,
    );
  });
});
