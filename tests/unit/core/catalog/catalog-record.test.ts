import { describe, expect, it } from 'vitest';
import {
  CatalogRecord,
  isInStock,
  normalizeRecord,
  recordFingerprintParts,
} from '../../../../electron/core/catalog/catalog-record';
import { record } from './catalog-test-records';

describe('catalog records', () => {
  const sample = record({
    sku: 'A',
    storeAvailability: { s1: 'out_of_stock' },
    concerns: [{ concern: 'acne', strength: 0.5 }],
    shades: [
      { code: 'X', name: 'One', hex: '#aabbcc', lab: { L: 70, a: 1, b: 2 }, undertone: 'cool', depth: 2 },
    ],
  });

  it('puts every field into the fingerprint, so any change makes a record an update', () => {
    const changed: Record<keyof CatalogRecord, Partial<CatalogRecord>> = {
      sku: { sku: 'B' },
      gtin: { gtin: '4006381333931' },
      brand: { brand: 'Other' },
      name: { name: 'Other' },
      step: { step: 'toner' },
      description: { description: 'changed' },
      size: { size: '10 ml' },
      priceMinor: { priceMinor: 1 },
      currency: { currency: 'EUR' },
      image: { image: 'images/b.webp' },
      productUrl: { productUrl: 'https://x.example/' },
      affiliateTemplate: { affiliateTemplate: 'https://x.example/{sku}' },
      cartVariantId: { cartVariantId: '42' },
      availability: { availability: 'preorder' },
      storeAvailability: { storeAvailability: { s1: 'in_stock' } },
      skinTypes: { skinTypes: ['dry'] },
      concerns: { concerns: [{ concern: 'acne', strength: 0.6 }] },
      ingredients: { ingredients: ['Water'] },
      flags: { flags: ['vegan'] },
      spf: { spf: 30 },
      shades: { shades: [{ ...sample.shades[0]!, lab: { L: 70, a: 1, b: 2.5 } }] },
    };
    expect(Object.keys(changed).sort()).toEqual(Object.keys(CatalogRecord.shape).sort());
    const base = JSON.stringify(recordFingerprintParts(sample));
    for (const [field, patch] of Object.entries(changed)) {
      expect(JSON.stringify(recordFingerprintParts({ ...sample, ...patch })), field).not.toBe(base);
    }
  });

  it('normalises order-free lists only', () => {
    const shuffled = {
      ...sample,
      flags: ['vegan', 'fragrance_free'] as CatalogRecord['flags'],
      skinTypes: ['dry', 'oily'] as CatalogRecord['skinTypes'],
      ingredients: ['B', 'A'],
    };
    expect(normalizeRecord(shuffled)).toMatchObject({
      flags: ['fragrance_free', 'vegan'],
      skinTypes: ['oily', 'dry'],
      ingredients: ['B', 'A'],
    });
  });

  it('takes per-store availability over the default', () => {
    expect(isInStock(sample, 's1')).toBe(false);
    expect(isInStock(sample, 's2')).toBe(true);
  });
});
