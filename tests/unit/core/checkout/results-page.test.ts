import { describe, expect, it } from 'vitest';
import { loadPage } from './results-page-loader';

const page = loadPage();
const encode = (payload: unknown) => `#r=${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
const policy = { allowedHosts: ['shop.example.com', '*.brand.example'], pageHost: 'results.example.com' };
const payload = {
  v: 1,
  l: 'en',
  d: '2025-03-14',
  t: 'dry',
  s: 0,
  tn: null,
  m: [],
  c: [],
  cu: 'USD',
  p: [
    ['serum', 'Lumen', 'Calm Serum', 3450, 'https://shop.example.com/p/1'],
    ['toner', 'Lumen', 'Mist', 1200, 'https://evil.example/phish'],
    ['mask', 'Lumen', 'Clay', 1500, 'https://www.brand.example/p/2'],
    ['eye', 'Lumen', 'Eye', 900, 'https://brand.example.evil.example/p/3'],
    ['cleanser', 'Lumen', 'Foam', 800, 'https://user:pw@shop.example.com/p/4'],
    ['sunscreen', 'Lumen', 'SPF', 1900, 'https://shop.example.com:8443/p/5'],
    ['moisturizer', 'Lumen', 'Cream', 2100, 'https://results.example.com/own'],
  ],
  k: 'https://evil.example/cart',
};

describe('results page links', async () => {
  it('turns only links to the store’s allow-listed hosts (or its own) into anchors', async () => {
    const view = page.buildView(await page.decodePayload(encode(payload)), 'en', policy);
    expect(view.products.map((p) => p.url)).toEqual([
      'https://shop.example.com/p/1',
      null,
      'https://www.brand.example/p/2',
      null,
      null,
      null,
      'https://results.example.com/own',
    ]);
    expect(view.cart).toBeNull();
    expect(
      page.buildView(await page.decodePayload(encode(payload)), 'en').products.every((p) => !p.url),
    ).toBe(true);
    const cart = page.buildView(
      await page.decodePayload(encode({ ...payload, k: 'https://shop.example.com/cart/1:1' })),
      'en',
      policy,
    );
    expect(cart.cart).toEqual({
      url: 'https://shop.example.com/cart/1:1',
      text: 'Add the whole routine to a cart',
    });
  });
});

describe('results page against a hostile fragment', async () => {
  const hostile = {
    ...payload,
    l: 'constructor',
    t: '__proto__',
    tn: { m: 3, u: 'constructor', h: '#abcdef', c: 'toString' },
    m: [
      ['constructor', 50],
      ['hasOwnProperty', 10],
      ['redness', 40],
    ],
    c: ['__proto__', 'constructor', 'acne'],
    p: [['constructor', { toString: 1 }, ['x'], 100, 'https://shop.example.com/p/1']],
  };

  it('shows only its own words: prototype keys are not skin types, metrics or languages', async () => {
    const view = page.buildView(await page.decodePayload(encode(hostile)), 'constructor', policy);
    expect(view.title).toBe('Your skin results');
    expect(view.skinType).toBe('');
    expect(view.metrics).toEqual([{ label: 'Redness', score: 40 }]);
    expect(view.concerns).toEqual(['Blemishes']);
    expect(view.tone).toEqual({ hex: '#abcdef', lines: ['Monk scale 3 of 10'] });
    expect(view.products).toEqual([
      {
        step: '',
        brand: '',
        name: '',
        price: '$1.00',
        url: 'https://shop.example.com/p/1',
        linkText: 'View product',
      },
    ]);
    expect(JSON.stringify(view)).not.toMatch(/function|native code|\[object/);
  });
});
