import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { publishCatalog } from '../../../../electron/adapters/catalog/catalog-publisher';
import { readCatalogSources } from '../../../../electron/adapters/catalog/catalog-source-reader';
import { formatIssue } from '../../../../electron/core/catalog/row-validation';
import { tempDir } from './catalog-test-feed';

/** GTIN-13 with a right check digit for a 12-digit body. */
function gtin13(body: string): string {
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return body + String((10 - (sum % 10)) % 10);
}

/** Skin-type labels as retail feeds write them; every one names something the kiosk understands. */
const LABELS = [
  'combination;sensitive',
  'Sensitive skin',
  'All skin types',
  'all skin types, sensitive',
  'Normal to Dry',
  'Oily, Acne-prone',
  'Mature skin',
  'dry/sensitive',
  'Combination &amp; Oily',
  'oily',
];

interface Item {
  id: string;
  skinType: string;
  gtin: string;
  price?: string;
  link?: string;
  availability?: string;
}

const item = (i: Item) => `    <item>
      <g:id>${i.id}</g:id>
      <title>Serum ${i.id}</title>
      <link>${i.link ?? `https://shop.example/p/${i.id}`}</link>
      <g:price>${i.price ?? '24.00 USD'}</g:price>
      <g:availability>${i.availability ?? 'in stock'}</g:availability>
      <g:brand>Larkspur Theory</g:brand>
      <g:gtin>${i.gtin}</g:gtin>
      <g:product_type>Health &amp; Beauty &gt; Skin Care &gt; Face Serums</g:product_type>
      <g:skin_type>${i.skinType}</g:skin_type>
    </item>`;

/**
 * A Merchant-style feed of 40 good products in the retail vocabulary — 12 of them "sensitive", 3
 * with a GTIN whose check digit is wrong, 2 with a skin type nobody knows — and 3 products whose
 * price, link or stock is wrong.
 */
function retailFeed(): string {
  const good: Item[] = Array.from({ length: 40 }, (_, n) => ({
    id: `RT-${String(n + 1).padStart(3, '0')}`,
    skinType:
      n < 12
        ? (['combination;sensitive', 'Sensitive skin', 'dry/sensitive'][n % 3] as string)
        : (LABELS[n % 10] as string),
    gtin: gtin13(String(400638133300 + n)),
  }));
  for (const n of [13, 21, 34]) {
    const right = good[n]!.gtin;
    good[n]!.gtin = right.slice(0, -1) + String((Number(right.at(-1)) + 1) % 10);
  }
  good[17]!.skinType = 'shiny';
  good[25]!.skinType = 'oily; radiant';
  const bad: Item[] = [
    { id: 'BAD-PRICE', skinType: 'oily', gtin: '', price: 'free' },
    { id: 'BAD-LINK', skinType: 'oily', gtin: '', link: 'javascript:alert(1)' },
    { id: 'BAD-STOCK', skinType: 'oily', gtin: '', availability: 'maybe' },
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">
  <channel>
${[...good, ...bad].map(item).join('\n')}
  </channel>
</rss>
`;
}

describe('a retail Merchant feed', () => {
  const scratch = tempDir();
  afterAll(() => scratch.cleanup());
  const feed = path.join(scratch.dir, 'feed.xml');
  writeFileSync(feed, retailFeed());

  it('keeps every product whose shopper-visible and payable fields are right', async () => {
    const read = await readCatalogSources({ products: feed });
    expect(read.records).toHaveLength(40);
    expect(read.issues.map((i) => i.sku).sort()).toEqual(['BAD-LINK', 'BAD-PRICE', 'BAD-STOCK']);
    const sensitive = read.records.filter((r) => r.skinTypes.includes('sensitive'));
    expect(sensitive.length).toBeGreaterThanOrEqual(12);
    expect(read.records.find((r) => r.sku === 'RT-001')?.skinTypes).toEqual(['combination', 'sensitive']);
    expect(read.records.find((r) => r.sku === 'RT-013')?.skinTypes).toEqual([]);
    expect(read.records.find((r) => r.sku === 'RT-017')?.concerns).toEqual([
      { concern: 'wrinkles', strength: 0.6 },
    ]);
  });

  it('drops a wrong GTIN and an unknown skin type with a warning naming line, column and value', async () => {
    const read = await readCatalogSources({ products: feed });
    const warnings = read.warnings.map(formatIssue);
    const gtinWarnings = warnings.filter((w) => w.includes('column g:gtin'));
    expect(gtinWarnings).toHaveLength(3);
    expect(gtinWarnings[0]).toMatch(
      /^feed\.xml line \d+, column g:gtin: "\d{13}" has a wrong check digit; dropped, product kept$/,
    );
    for (const sku of ['RT-014', 'RT-022', 'RT-035']) {
      expect(read.records.find((r) => r.sku === sku)?.gtin).toBeNull();
    }
    expect(read.records.find((r) => r.sku === 'RT-001')?.gtin).toMatch(/^\d{13}$/);
    expect(warnings.filter((w) => w.includes('column g:skin_type'))).toEqual([
      expect.stringMatching(
        /^feed\.xml line \d+, column g:skin_type: "shiny" is not a skin type .*; dropped, product kept$/,
      ),
      expect.stringMatching(/column g:skin_type: "radiant" is not a skin type/),
    ]);
    expect(read.records.find((r) => r.sku === 'RT-026')?.skinTypes).toEqual(['oily']);
  });

  it('publishes all 40 and reports the warnings beside the rejections', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const result = await publishCatalog({
      inputs: { products: feed },
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      outDir: path.join(scratch.dir, 'out'),
    });
    expect(result).toMatchObject({ outcome: 'published', rowCount: 40 });
    expect(result.issues).toHaveLength(3);
    expect(result.warnings).toHaveLength(5);
  });
});
