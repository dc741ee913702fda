import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  buildResultsLink,
  RESULTS_URL_BUDGET,
} from '../../../../electron/core/checkout/results-link-builder';
import {
  decodeResultsPayload,
  encodeResultsPayload,
  RESULTS_VOCABULARY,
  type ResultsPayload,
} from '../../../../electron/core/checkout/results-payload-codec';
import { KioskError } from '../../../../electron/shared/result';
import { RoutineStep } from '../../../../electron/shared/schemas/catalog-schemas';
import {
  Concern,
  ItaClass,
  MetricKey,
  SkinType,
  Undertone,
} from '../../../../electron/shared/schemas/skin-profile-schemas';
import { CATALOG, product, PROFILE } from './checkout-fixtures';
import { loadPage, type PageApi } from './results-page-loader';

const base = {
  pageUrl: 'https://results.example.com/skin/index.html?utm=keep#old',
  allowedHosts: ['results.example.com'],
  profile: PROFILE,
  products: CATALOG.slice(0, 3),
  productLinks: new Map([['SER-002', 'https://shop.example.com/p/ser-002?ks=tok12345']]),
  cartLink: 'https://shop.example.com/cart/1:1',
  locale: 'es' as const,
  date: '2025-03-14',
  deflate: (bytes: Uint8Array) => new Uint8Array(deflateRawSync(bytes, { level: 9 })),
};
const inflate = (bytes: Uint8Array) => new Uint8Array(inflateRawSync(bytes));
/** The payload of a results URL (`#z=…`). */
const payloadOf = (url: string): ResultsPayload => {
  const hash = new URL(url).hash;
  expect(hash.startsWith('#z=')).toBe(true);
  return decodeResultsPayload(hash.slice(3), inflate);
};
const bytes = (text: string) => new TextEncoder().encode(text).length;

describe('buildResultsLink', () => {
  it('puts the routine and skin summary in the fragment only', () => {
    const url = new URL(buildResultsLink(base));
    expect(url.origin + url.pathname + url.search).toBe(
      'https://results.example.com/skin/index.html?utm=keep',
    );
    const payload = payloadOf(url.href);
    expect(payload).toMatchObject({
      v: 1,
      l: 'es',
      d: '2025-03-14',
      t: 'combination',
      s: 1,
      c: ['redness', 'pores'],
    });
    expect(payload.tn).toEqual({ m: 5, u: 'warm', h: '#c08a6b', c: 'intermediate' });
    // darkCircles was measured with too little confidence to show.
    expect(payload.m).toEqual([
      ['redness', 72],
      ['pores', 42],
    ]);
    expect(payload.cu).toBe('USD');
    expect(payload.p.map((p) => p.slice(0, 4))).toEqual([
      ['cleanser', 'Lumen Lab', 'Gentle Foam Cleanser', 1800],
      ['serum', 'Lumen Lab', 'Calm Serum', 3450],
      ['sunscreen', 'Lumen Lab', 'Daily Shield SPF 50', 2599],
    ]);
  });

  it('keeps a buy link and the cart link when they fit', () => {
    const payload = payloadOf(buildResultsLink({ ...base, products: CATALOG.slice(1, 2) }));
    expect(payload.p).toEqual([
      ['serum', 'Lumen Lab', 'Calm Serum', 3450, 'https://shop.example.com/p/ser-002?ks=tok12345'],
    ]);
    expect(payload.k).toBe('https://shop.example.com/cart/1:1');
  });

  it('fits a typical routine with its links in a version-10 code thanks to compression', () => {
    const url = buildResultsLink(base);
    expect(bytes(url)).toBeLessThanOrEqual(RESULTS_URL_BUDGET);
    const payload = payloadOf(url);
    const plain = `${url.split('#')[0]}#r=${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    // The same payload uncompressed would not fit.
    expect(bytes(plain)).toBeGreaterThan(bytes(url));
  });

  it('drops links, then shortens names, then trims products to stay within the QR budget', () => {
    const long = Array.from({ length: 6 }, (_, i) =>
      product(
        `LONG-${i}`,
        1000 + i,
        {},
        {
          name: `An Extremely Long Product Name Number ${i} With Extra Words`,
          brand: 'A Very Long Fictional Brand Name',
        },
      ),
    );
    const links = new Map(
      long.map((p) => [
        p.summary.sku,
        `https://shop.example.com/p/${p.summary.sku}?aff=x&utm_source=skin-kiosk&ks=tok12345678`,
      ]),
    );
    const url = buildResultsLink({ ...base, products: long, productLinks: links });
    expect(bytes(url)).toBeLessThanOrEqual(RESULTS_URL_BUDGET);
    const payload = payloadOf(url);
    expect(payload.p.length + (payload.x ?? 0)).toBe(6);
    expect(payload.p.length).toBeGreaterThanOrEqual(3);
    expect(payload.p.every((p) => p.length === 4)).toBe(true);
    // The skin summary stays whole.
    expect(payload.m).toEqual([
      ['redness', 72],
      ['pores', 42],
    ]);
    expect(payload.p[0]?.[2].endsWith('…')).toBe(true);
  });

  it('keeps the first products of a routine too long for any code and says how many are left out', () => {
    const many = Array.from({ length: 20 }, (_, i) =>
      product(`MANY-${i}`, 1000 + i * 7, {}, { name: `Cream ${(i * 7919 + 104729).toString(36)} ${i} rich` }),
    );
    const url = buildResultsLink({ ...base, products: many });
    expect(bytes(url)).toBeLessThanOrEqual(RESULTS_URL_BUDGET);
    const payload = payloadOf(url);
    expect(payload.p.length).toBeGreaterThan(0);
    expect(payload.p.length + (payload.x ?? 0)).toBe(20);
    expect(payload.x).toBeGreaterThan(0);
    expect(payload.p[0]?.[2]).toBe('Cream 28t5 0 rich');
  });

  it('refuses a results page whose own address leaves no room for a payload', () => {
    const pageUrl = `https://results.example.com/${'a'.repeat(300)}/`;
    expect(() => buildResultsLink({ ...base, pageUrl })).toThrow(/too long/);
  });

  it('needs an allow-listed https results page', () => {
    expect(() => buildResultsLink({ ...base, pageUrl: null })).toThrow(KioskError);
    expect(() => buildResultsLink({ ...base, pageUrl: 'http://results.example.com/' })).toThrow(/https/);
    expect(() => buildResultsLink({ ...base, pageUrl: 'https://other.example.com/' })).toThrow(
      /allow-listed/,
    );
  });

  it('keeps non-ASCII text intact through the fragment', () => {
    const accented = [
      product('ES-1', 990, {}, { brand: 'Crème Étoile', name: 'Sérum calmante — piel sensible' }),
    ];
    const payload = payloadOf(buildResultsLink({ ...base, products: accented }));
    expect(payload.p[0]?.slice(1, 3)).toEqual(['Crème Étoile', 'Sérum calmante — piel sensible']);
  });
});

describe('results vocabulary', () => {
  // Words travel as their index in these lists, so the lists are written out, append-only, rather
  // than taken from the schemas; a word a schema gains must be appended here before a link carries it.
  it.each([
    ['types', SkinType.options],
    ['undertones', Undertone.options],
    ['itaClasses', ItaClass.options],
    ['metrics', MetricKey.options],
    ['concerns', Concern.options],
    ['steps', RoutineStep.options],
  ] as const)('has every word of the schema for %s', (list, words) => {
    const vocabulary: readonly string[] = RESULTS_VOCABULARY[list];
    expect(words.filter((w) => !vocabulary.includes(w))).toEqual([]);
  });
});

describe('results page script', () => {
  const page = loadPage();
  const hash = new URL(buildResultsLink(base)).hash;
  const withLink = new URL(buildResultsLink({ ...base, products: CATALOG.slice(1, 2) })).hash;

  it('carries the same word lists as the kiosk', () => {
    expect((page as unknown as { VOCABULARY: unknown }).VOCABULARY).toEqual(RESULTS_VOCABULARY);
  });

  it('decodes what the kiosk encodes', async () => {
    expect(await page.decodePayload(hash)).toEqual(decodeResultsPayload(hash.slice(3), inflate));
  });

  it('still opens links saved before compression (#r=, plain base64url JSON)', async () => {
    const payload = decodeResultsPayload(hash.slice(3), inflate);
    const plain = '#r=' + Buffer.from(JSON.stringify(payload)).toString('base64url');
    expect(await page.decodePayload(plain)).toEqual(payload);
  });

  it('says how many products did not fit', async () => {
    const payload = { ...decodeResultsPayload(hash.slice(3), inflate), x: 3 };
    const view = page.buildView(
      await page.decodePayload('#z=' + encodeResultsPayload(payload, base.deflate)),
      'en',
    ) as ReturnType<PageApi['buildView']> & { more: string | null };
    expect(view.more).toMatch(/^3 more products/);
  });

  it('renders the summary in Spanish and English', async () => {
    const payload = await page.decodePayload(hash);
    const es = page.buildView(payload, 'es');
    expect(es).toMatchObject({
      title: 'Tus resultados de piel',
      skinType: 'Mixta',
      sensitive: 'Piel sensible',
      concerns: ['Rojez', 'Poros'],
    });
    expect(es.metrics).toEqual([
      { label: 'Rojez', score: 72 },
      { label: 'Poros', score: 42 },
    ]);
    expect(String(es.scanned)).toContain('2025');
    const en = page.buildView(payload, 'en', { allowedHosts: ['shop.example.com'] });
    expect(en).toMatchObject({
      title: 'Your skin results',
      skinType: 'Combination',
      concerns: ['Redness', 'Pores'],
    });
    expect(en.products[1]?.price).toBe('$34.50');
    const linked = page.buildView(await page.decodePayload(withLink), 'en', {
      allowedHosts: ['shop.example.com'],
    });
    expect(linked.products[0]?.url).toBe('https://shop.example.com/p/ser-002?ks=tok12345');
  });

  it('says an approximate colour is approximate, and leaves out a withheld tone', async () => {
    const approximate = {
      ...base,
      profile: {
        ...base.profile,
        tone: {
          ...base.profile.tone!,
          colourMode: 'approximate' as const,
          undertone: 'cannot_tell' as const,
        },
      },
    };
    const payload = await page.decodePayload(new URL(buildResultsLink(approximate)).hash);
    expect((payload as { tn: unknown }).tn).toEqual({
      m: 5,
      u: 'cannot_tell',
      h: '#c08a6b',
      c: 'intermediate',
      a: 1,
    });
    const lines = (page.buildView(payload, 'en').tone as { lines: string[] }).lines;
    expect(lines).toContain('Approximate colour: the camera was not colour-calibrated');
    expect(lines.some((l) => /undertone/i.test(l))).toBe(false);
    const withheld = {
      ...base,
      profile: {
        ...base.profile,
        tone: {
          ...base.profile.tone!,
          ita: null,
          itaClass: null,
          monk: null,
          withheld: 'no_yellow' as const,
        },
      },
    };
    expect(payloadOf(buildResultsLink(withheld)).tn).toBeNull();
  });

  it('refuses missing or malformed payloads and non-https links', async () => {
    expect(await page.decodePayload('')).toBeNull();
    expect(await page.decodePayload('#r=%%%')).toBeNull();
    expect(await page.decodePayload('#z=%%%')).toBeNull();
    // Valid base64url that is not DEFLATE data, and a truncated stream.
    expect(await page.decodePayload('#z=' + Buffer.from('not deflate').toString('base64url'))).toBeNull();
    expect(await page.decodePayload(hash.slice(0, 40))).toBeNull();
    expect(await page.decodePayload('#r=' + Buffer.from('{"v":2}').toString('base64url'))).toBeNull();
    const hostile = {
      v: 1,
      l: 'en',
      d: 'x',
      t: 'dry',
      s: 0,
      tn: null,
      m: [],
      c: [],
      cu: 'USD',
      p: [['serum', '<b>', 'x', [1, 'EUR'], 'javascript:alert(1)']],
      k: 'http://x',
    };
    const view = page.buildView(
      await page.decodePayload('#r=' + Buffer.from(JSON.stringify(hostile)).toString('base64url')),
      'en',
    ) as ReturnType<PageApi['buildView']> & { cart: unknown };
    expect(view.products[0]?.url).toBeNull();
    expect(view.products[0]?.price).toBe('€0.01');
    const yen = { ...hostile, cu: 'JPY', p: [['serum', 'b', 'n', 1200]] };
    const yenView = page.buildView(
      await page.decodePayload('#r=' + Buffer.from(JSON.stringify(yen)).toString('base64url')),
      'en',
    );
    expect(yenView.products[0]?.price).toBe('¥1,200');
    expect(view.cart).toBeNull();
  });
});
