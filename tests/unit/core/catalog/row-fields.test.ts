import { describe, expect, it } from 'vitest';
import * as f from '../../../../electron/core/catalog/row-fields';

const value = <T>(parsed: f.Parsed<T>): T => {
  if (!parsed.ok) throw new Error(`expected ok, got: ${parsed.reason}`);
  return parsed.value;
};
const reason = <T>(parsed: f.Parsed<T>): string => {
  if (parsed.ok) throw new Error(`expected a failure, got ${JSON.stringify(parsed.value)}`);
  return parsed.reason;
};

describe('catalog cell parsers', () => {
  it('reads prices in minor units with the currency exponent', () => {
    expect(value(f.parsePrice('24.00', 'usd'))).toEqual({ priceMinor: 2400, currency: 'USD' });
    expect(value(f.parsePrice('24.5 EUR', ''))).toEqual({ priceMinor: 2450, currency: 'EUR' });
    expect(value(f.parsePrice(' 1500 JPY ', ''))).toEqual({ priceMinor: 1500, currency: 'JPY' });
    expect(value(f.parsePrice('3.125', 'KWD'))).toEqual({ priceMinor: 3125, currency: 'KWD' });
    expect(reason(f.parsePrice('15.5', 'JPY'))).toMatch(/decimal places/);
    expect(reason(f.parsePrice('abc', 'USD'))).toMatch(/not a price/);
    expect(reason(f.parsePrice('-3.00', 'USD'))).toMatch(/not a price/);
    expect(reason(f.parsePrice('3.00', ''))).toMatch(/currency/);
  });

  it('checks GTIN check digits', () => {
    expect(value(f.parseGtin('4006381333931'))).toBe('4006381333931');
    expect(value(f.parseGtin('036000291452'))).toBe('036000291452');
    expect(value(f.parseGtin(''))).toBeNull();
    expect(reason(f.parseGtin('4006381333932'))).toMatch(/check digit/);
    expect(reason(f.parseGtin('12345'))).toMatch(/not a GTIN/);
  });

  it('maps retailer words onto routine steps', () => {
    expect(value(f.parseStep('Moisturiser'))).toBe('moisturizer');
    expect(value(f.parseStep('Health & Beauty > Skin Care > Hydrating Face Serums'))).toBe('serum');
    expect(value(f.parseStep('Eye Cream'))).toBe('eye');
    expect(value(f.parseStep('sun care'))).toBe('sunscreen');
    expect(reason(f.parseStep('lipstick'))).toMatch(/not a routine step/);
    expect(reason(f.parseStep(''))).toMatch(/required/);
  });

  it('reads concerns with strengths, synonyms and a default strength, dropping what it cannot read', () => {
    expect(f.parseConcerns('redness:0.8; Hyperpigmentation=0.5; acne')).toEqual({
      value: [
        { concern: 'redness', strength: 0.8 },
        { concern: 'acne', strength: f.DEFAULT_CONCERN_STRENGTH },
        { concern: 'dark_spots', strength: 0.5 },
      ],
      dropped: [],
    });
    expect(f.parseConcerns('dryness:1; dryness:.4').value).toEqual([{ concern: 'dryness', strength: 1 }]);
    const mixed = f.parseConcerns('redness:1.5; sparkle:0.3; acne:0.7');
    expect(mixed.value).toEqual([{ concern: 'acne', strength: 0.7 }]);
    expect(mixed.dropped).toEqual([
      '"redness:1.5": strength must be a number from 0 to 1',
      '"sparkle:0.3" is not a concern (e.g. redness:0.8)',
    ]);
  });

  it.each([
    ['Oily; combination', ['oily', 'combination'], []],
    ['all', [], []],
    ['All skin types', [], []],
    ['combination;sensitive', ['combination', 'sensitive'], []],
    ['Sensitive skin', ['sensitive'], []],
    ['all skin types; sensitive', ['sensitive'], []],
    ['Normal to Dry', ['normal', 'dry'], []],
    ['Combination/Oily, Acne-prone', ['oily', 'combination'], ['acne']],
    ['Mature skin', [], ['wrinkles']],
    ['dry and mature', ['dry'], ['wrinkles']],
  ])('reads the retail skin-type label %j', (cell, types, concerns) => {
    expect(f.parseSkinTypes(cell)).toEqual({ value: { skinTypes: types, concerns }, dropped: [] });
  });

  it('drops an unknown skin type and keeps the rest', () => {
    const parsed = f.parseSkinTypes('oily; shiny');
    expect(parsed.value.skinTypes).toEqual(['oily']);
    expect(parsed.dropped).toEqual([
      '"shiny" is not a skin type (oily, combination, normal, dry, sensitive or all)',
    ]);
  });

  it('reads flags, SPF and availability', () => {
    expect(value(f.parseFlag('Yes'))).toBe(true);
    expect(value(f.parseFlag(''))).toBe(false);
    expect(reason(f.parseFlag('maybe'))).toMatch(/yes or no/);
    expect(value(f.parseSpf('SPF50+'))).toBe(50);
    expect(value(f.parseSpf(''))).toBeNull();
    expect(reason(f.parseSpf('SPF 500'))).toMatch(/SPF/);
    expect(value(f.parseAvailability('in stock'))).toBe('in_stock');
    expect(value(f.parseAvailability(''))).toBe('in_stock');
    expect(reason(f.parseAvailability('sold'))).toMatch(/not one of/);
    expect(value(f.parseStoreAvailability('store-a:out_of_stock; store-b: in stock'))).toEqual({
      'store-a': 'out_of_stock',
      'store-b': 'in_stock',
    });
    expect(reason(f.parseStoreAvailability('store-a'))).toMatch(/availability/);
  });

  it('keeps INCI names whole (commas inside names) and in label order', () => {
    expect(value(f.parseIngredients('Niacinamide; 1,2-Hexanediol; Zinc PCA; Niacinamide'))).toEqual([
      'Niacinamide',
      '1,2-Hexanediol',
      'Zinc PCA',
    ]);
  });

  it('accepts absolute http(s) URLs and relative image paths only', () => {
    expect(value(f.parseImageRef('images/a-1.webp'))).toBe('images/a-1.webp');
    expect(value(f.parseImageRef('https://cdn.example/a.png'))).toBe('https://cdn.example/a.png');
    expect(reason(f.parseImageRef('../secret.png'))).toMatch(/neither/);
    expect(reason(f.parseImageRef('/etc/passwd'))).toMatch(/neither/);
    expect(reason(f.parseImageRef('file:///etc/x.png'))).toMatch(/neither/);
    expect(reason(f.parseUrl('javascript:alert(1)'))).toMatch(/not an http/);
    expect(value(f.parseAffiliateTemplate('https://go.example/?u={url}&id={affiliateId}'))).toContain(
      '{url}',
    );
    expect(reason(f.parseAffiliateTemplate('https://go.example/?u={link}'))).toMatch(/unknown placeholder/);
  });

  it('reads SKUs and text with limits', () => {
    expect(value(f.parseSku(' AB-12/3 '))).toBe('AB-12/3');
    expect(reason(f.parseSku('has space'))).toMatch(/not a SKU/);
    expect(value(f.parseText('  a \n b ', 10, true))).toBe('a b');
    expect(reason(f.parseText('', 10, true))).toMatch(/required/);
    expect(reason(f.parseText('x'.repeat(11), 10, false))).toMatch(/longer than 10/);
  });
});
