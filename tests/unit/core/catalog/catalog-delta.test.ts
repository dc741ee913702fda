import { describe, expect, it } from 'vitest';
import { computeCatalogDiff } from '../../../../electron/core/catalog/catalog-delta';

describe('computeCatalogDiff', () => {
  it('lists added and changed records and removed SKUs, leaving unchanged ones out', () => {
    const previous = new Map([
      ['a', 'h-a'],
      ['b', 'h-b'],
      ['c', 'h-c'],
    ]);
    const next = [
      { sku: 'a', h: 'h-a' },
      { sku: 'b', h: 'h-b2' },
      { sku: 'd', h: 'h-d' },
    ];
    const diff = computeCatalogDiff(previous, next, (r) => r.h);
    expect(diff.upserts.map((r) => r.sku)).toEqual(['b', 'd']);
    expect(diff.removes).toEqual(['c']);
    expect(diff.added).toBe(1);
    expect(diff.updated).toBe(1);
  });

  it('is empty for identical versions and all-new for a first version', () => {
    const same = computeCatalogDiff(new Map([['a', 'x']]), [{ sku: 'a' }], () => 'x');
    expect(same).toEqual({ upserts: [], removes: [], added: 0, updated: 0 });
    const first = computeCatalogDiff(new Map(), [{ sku: 'b' }, { sku: 'a' }], () => 'x');
    expect(first.added).toBe(2);
    expect(first.upserts.map((r) => r.sku)).toEqual(['b', 'a']);
  });
});
