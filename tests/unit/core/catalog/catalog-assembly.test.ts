import { describe, expect, it } from 'vitest';
import { assembleCatalog } from '../../../../electron/core/catalog/catalog-assembly';
import { formatIssue, type SourceRow } from '../../../../electron/core/catalog/row-validation';
import type { ShadeColumn } from '../../../../electron/core/catalog/shade-row-validation';

/** Builds source rows the way a CSV reader does: header names as labels, one line per row. */
function rows<C extends string>(
  file: string,
  header: string[],
  body: string[][],
  firstLine = 2,
): SourceRow<C>[] {
  return body.map((cells, i) => ({
    file,
    line: firstLine + i,
    cells: Object.fromEntries(
      header.map((column, j) => [
        column,
        { value: cells[j] ?? '', label: column, file, line: firstLine + i },
      ]),
    ) as SourceRow<C>['cells'],
  }));
}

const productHeader = ['sku', 'brand', 'name', 'step', 'price', 'currency', 'spf', 'concerns'];

describe('assembleCatalog', () => {
  it('keeps valid rows and rejects bad ones with file, line, column and reason', () => {
    const products = rows('products.csv', productHeader, [
      ['A1', 'Fennix Lab', 'Calm Serum', 'serum', '24.00', 'USD', '', 'redness:0.9'],
      ['A2', 'Fennix Lab', 'Bad Price', 'serum', 'twelve', 'USD', '', ''],
      ['A3', 'Fennix Lab', 'Shield', 'sunscreen', '18.00', 'USD', '', ''],
      ['A4', '', 'No Brand', 'lipstick', '5.00', 'USD', '', ''],
    ]);
    const result = assembleCatalog(products);
    expect(result.records.map((r) => r.sku)).toEqual(['A1']);
    expect(result.records[0]).toMatchObject({
      priceMinor: 2400,
      currency: 'USD',
      concerns: [{ concern: 'redness', strength: 0.9 }],
    });
    const messages = result.issues.map(formatIssue);
    expect(messages).toContain(
      'products.csv line 3, column price: "twelve" is not a price like 24.00 or 24.00 USD',
    );
    expect(messages).toContain('products.csv line 4, column spf: a sunscreen needs its SPF');
    expect(messages.filter((m) => m.startsWith('products.csv line 5'))).toHaveLength(2);
    expect(result.issues.find((i) => i.line === 5 && i.column === 'step')?.sku).toBe('A4');
  });

  it('merges attribute rows by SKU, attributes winning over non-empty product cells', () => {
    const products = rows('feed.tsv', productHeader, [
      ['B1', 'Okaru', 'Gel Cream', 'moisturizer', '30.00', 'USD', '', 'dryness:0.3'],
      ['B2', 'Okaru', 'Foam', 'cleanser', '12.00', 'USD', '', ''],
    ]);
    const attributes = rows(
      'attrs.csv',
      ['sku', 'concerns', 'key_ingredients', 'fragrance_free', 'step'],
      [
        ['B1', 'dryness:0.9; redness:0.4', 'Glycerin; Ceramide NP', 'yes', ''],
        ['B9', 'acne', '', '', ''],
        ['B2', 'oiliness:wrong', '', '', ''],
      ],
    );
    const result = assembleCatalog(products, attributes);
    // B2's unreadable concern is dropped with a warning; the product itself is fine.
    expect(result.records.map((r) => r.sku)).toEqual(['B1', 'B2']);
    expect(result.records[1]?.concerns).toEqual([]);
    expect(result.records[0]).toMatchObject({
      step: 'moisturizer',
      ingredients: ['Glycerin', 'Ceramide NP'],
      flags: ['fragrance_free'],
      concerns: [
        { concern: 'dryness', strength: 0.9 },
        { concern: 'redness', strength: 0.4 },
      ],
    });
    const messages = result.issues.map(formatIssue);
    expect(messages).toContain('attrs.csv line 3: no product with SKU "B9" in the product file');
    expect(result.warnings.map(formatIssue)).toEqual([
      'attrs.csv line 4, column concerns: "oiliness:wrong": strength must be a number from 0 to 1; dropped, product kept',
    ]);
  });

  it('rejects a duplicate SKU and keeps the first row', () => {
    const products = rows('p.csv', productHeader, [
      ['C1', 'X', 'First', 'toner', '1.00', 'USD', '', ''],
      ['C1', 'X', 'Second', 'toner', '2.00', 'USD', '', ''],
    ]);
    const result = assembleCatalog(products);
    expect(result.records).toHaveLength(1);
    expect(result.records[0]?.name).toBe('First');
    expect(formatIssue(result.issues[0]!)).toBe(
      'p.csv line 3: duplicate product SKU "C1" (first on line 2); this row is ignored',
    );
  });

  it('attaches shades to complexion products, derives CIELAB from hex, and rejects misplaced shades', () => {
    const products = rows('p.csv', productHeader, [
      ['F1', 'X', 'Skin Tint', 'foundation', '30.00', 'USD', '', ''],
      ['S1', 'X', 'Serum', 'serum', '30.00', 'USD', '', ''],
    ]);
    const shades = rows<ShadeColumn>(
      'shades.csv',
      ['sku', 'shade_name', 'hex', 'undertone', 'depth', 'lab_l', 'lab_a', 'lab_b'],
      [
        ['F1', '110 Porcelain', '#F3DCCB', 'cool', '1', '', '', ''],
        ['F1', '420 Mocha', '#7a5038', 'warm', '8', '38.5', '12', '20.25'],
        ['S1', 'Nope', '#7a5038', 'warm', '8', '', '', ''],
        ['F1', '110 porcelain', '#f3dccb', 'cool', '1', '', '', ''],
        ['F1', 'Odd', 'f3dccb', 'pinkish', '11', '', '', ''],
        ['F1', 'Half Lab', '#f3dccb', 'cool', '2', '50', '', ''],
      ],
    );
    const result = assembleCatalog(products, [], shades);
    const tint = result.records.find((r) => r.sku === 'F1')!;
    expect(tint.shades.map((s) => s.name)).toEqual(['110 Porcelain', '420 Mocha']);
    expect(tint.shades[0]!.hex).toBe('#f3dccb');
    expect(tint.shades[0]!.lab.L).toBeCloseTo(89.2, 0);
    expect(tint.shades[0]!.lab.b).toBeGreaterThan(8);
    expect(tint.shades[1]!.lab).toEqual({ L: 38.5, a: 12, b: 20.25 });
    const messages = result.issues.map(formatIssue);
    expect(messages).toContain(
      'shades.csv line 4: "S1" is a serum; shades belong to foundations and concealers',
    );
    expect(messages.some((m) => m.startsWith('shades.csv line 5:') && m.includes('listed twice'))).toBe(true);
    expect(result.issues.filter((i) => i.line === 6).map((i) => i.column)).toEqual([
      'hex',
      'undertone',
      'depth',
    ]);
    expect(messages.some((m) => m.startsWith('shades.csv line 7, column lab_l:'))).toBe(true);
  });
});
