import { describe, expect, it } from 'vitest';
import {
  readDelimited,
  sniffDelimiter,
  toSourceRows,
} from '../../../../electron/adapters/catalog/delimited-file-reader';
import { productColumnFor } from '../../../../electron/adapters/catalog/source-columns';

describe('readDelimited', () => {
  it('reads quoted cells, multi-line cells and a BOM, and knows the line each row starts on', () => {
    const text = '\uFEFFsku,name,price\nA,"Cream, rich",1.00\nB,"two\nlines",2.00\n\nC,plain,3.00\n';
    const table = readDelimited(text, 'p.csv');
    expect(table.header).toEqual(['sku', 'name', 'price']);
    expect(table.rows.map((r) => [r.line, r.cells.get('name')])).toEqual([
      [2, 'Cream, rich'],
      [3, 'two\nlines'],
      [6, 'plain'],
    ]);
    expect(table.issues).toEqual([]);
  });

  it('skips a badly quoted row or one with the wrong cell count, keeping the rest', () => {
    const text = 'sku,name,price\nA,ok,1\nB,bad"quote,2\nC,too,many,cells\nD,short\nE,fine,5,\n';
    const table = readDelimited(text, 'p.csv');
    expect(table.rows.map((r) => r.cells.get('sku'))).toEqual(['A', 'E']);
    expect(table.issues.map((i) => [i.line, i.reason])).toEqual([
      [3, expect.stringMatching(/bad quoting/)],
      [4, 'has 4 cells; the header has 3'],
      [5, 'has 2 cells; the header has 3'],
    ]);
  });

  it('reports an unclosed quote with its line', () => {
    const table = readDelimited('sku,name\nA,ok\nB,"never closed\nC,lost\n', 'p.csv');
    expect(table.rows.map((r) => r.cells.get('sku'))).toEqual(['A']);
    expect(table.issues[0]).toMatchObject({ line: 4, reason: expect.stringMatching(/never closed/) });
  });

  it('reads Merchant Center TSV, where quotes are plain text', () => {
    const text = 'id\ttitle\tprice\nX1\tThe "best" cream\t10.00 USD\n';
    expect(sniffDelimiter(text)).toBe('\t');
    const table = readDelimited(text, 'feed.tsv');
    expect(table.rows[0]?.cells.get('title')).toBe('The "best" cream');
  });

  it('maps Merchant and alias headers onto our columns, an exact name winning over an alias', () => {
    const table = readDelimited(
      'g:id,Title,product_type,Step,image_link\nX1,Cream,Skin Care > Serums,moisturizer,https://x.example/a.png\n',
      'f.csv',
    );
    const [row] = toSourceRows(table, 'f.csv', productColumnFor);
    expect(row?.cells.sku).toMatchObject({ value: 'X1', label: 'g:id', line: 2 });
    expect(row?.cells.name?.value).toBe('Cream');
    expect(row?.cells.step).toMatchObject({ value: 'moisturizer', label: 'Step' });
    expect(row?.cells.image?.value).toBe('https://x.example/a.png');
  });
});
