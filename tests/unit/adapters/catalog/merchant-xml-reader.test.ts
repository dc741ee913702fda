import { describe, expect, it } from 'vitest';
import { readMerchantXml } from '../../../../electron/adapters/catalog/merchant-xml-reader';
import type { KioskError } from '../../../../electron/shared/result';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">
  <channel>
    <title>Store</title>
    <item>
      <g:id>SKU-1</g:id>
      <title>Calm Serum &amp; More</title>
      <description><![CDATA[Soothes. Mentions </item> in passing.]]></description>
      <link>https://shop.example/p/1</link>
      <g:image_link>https://cdn.example/1.png</g:image_link>
      <g:price>24.00 USD</g:price>
      <g:availability>in stock</g:availability>
      <g:brand>Okaru Skin</g:brand>
      <g:product_type>Health &amp; Beauty &gt; Skin Care &gt; Face Serums</g:product_type>
    </item>
    <item>
      <g:id>SKU-2</g:id>
      <title>Broken <b>item</title>
    </item>
    <item>
      <g:id>SKU-3</g:id>
      <g:title>Gel Cleanser</g:title>
      <g:price>12 USD</g:price>
      <g:brand>Brightfold</g:brand>
      <g:google_product_category>Health &amp; Beauty &gt; Personal Care &gt; Cosmetics &gt; Skin Care &gt; Facial Cleansers</g:google_product_category>
    </item>
  </channel>
</rss>`;

describe('readMerchantXml', () => {
  it('reads g: fields, RSS fields and entities, keeping CDATA whole', () => {
    const { rows } = readMerchantXml(RSS, 'feed.xml');
    expect(rows.map((r) => r.cells.sku?.value)).toEqual(['SKU-1', 'SKU-3']);
    const first = rows[0]!.cells;
    expect(first.name?.value).toBe('Calm Serum & More');
    expect(first.description?.value).toBe('Soothes. Mentions </item> in passing.');
    expect(first.price).toMatchObject({ value: '24.00 USD', label: 'g:price', line: 11 });
    expect(first.step?.value).toBe('Health & Beauty > Skin Care > Face Serums');
    expect(first.product_url?.value).toBe('https://shop.example/p/1');
    expect(rows[1]!.cells.name).toMatchObject({ value: 'Gel Cleanser', label: 'g:title' });
    expect(rows[1]!.cells.step?.label).toBe('g:google_product_category');
    expect(rows[0]!.line).toBe(5);
  });

  it('rejects a malformed item with its line and keeps the others', () => {
    const { issues } = readMerchantXml(RSS, 'feed.xml');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      file: 'feed.xml',
      line: 18,
      reason: expect.stringMatching(/malformed XML/),
    });
  });

  it('survives an item that is never closed', () => {
    const text = RSS.replace(
      '</item>\n    <item>\n      <g:id>SKU-2</g:id>',
      '\n    <item>\n      <g:id>SKU-2</g:id>',
    ).replace('<title>Broken <b>item</title>\n    </item>', '<title>Fine</title>\n    </item>');
    const { rows, issues } = readMerchantXml(text, 'feed.xml');
    expect(rows.map((r) => r.cells.sku?.value)).toEqual(['SKU-2', 'SKU-3']);
    expect(issues).toHaveLength(1);
  });

  it('reads Atom entries with link attributes', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0">
<entry><g:id>A1</g:id><title>Toner</title><link href="https://shop.example/a1"/><g:price>9.50 EUR</g:price></entry></feed>`;
    const { rows } = readMerchantXml(atom, 'atom.xml');
    expect(rows[0]?.cells.product_url?.value).toBe('https://shop.example/a1');
  });

  it('refuses DOCTYPE and files that are not feeds', () => {
    const error = (() => {
      try {
        readMerchantXml('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><rss></rss>', 'x.xml');
      } catch (e) {
        return e as KioskError;
      }
    })();
    expect(error?.code).toBe('FEED_MALFORMED');
    expect(() => readMerchantXml('<html></html>', 'x.xml')).toThrow(/not an RSS or Atom/);
  });
});
