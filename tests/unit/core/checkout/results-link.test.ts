import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  buildResultsLink,
  RESULTS_URL_BUDGET,
  RESULTS_URL_MAX,
} from '../../../../electron/core/checkout/results-link-builder';
import { decodeResultsPayload } from '../../../../electron/core/checkout/results-payload-codec';
import { KioskError } from '../../../../electron/shared/result';
import { CATALOG, product, PROFILE } from './checkout-fixtures';

const base = {
  pageUrl: 'https://results.example.com/skin/index.html?utm=keep#old',
  allowedHosts: ['results.example.com'],
  profile: PROFILE,
  products: CATALOG.slice(0, 3),
  productLinks: new Map([['SER-002', 'https://shop.example.com/p/ser-002?ks=tok12345']]),
  cartLink: 'https://shop.example.com/cart/1:1',
  locale: 'es' as const,
  date: '2025-03-14',
};

interface PageApi {
  decodePayload(hash: string): unknown;
  buildView(
    payload: unknown,
    lang: string,
  ): Record<string, unknown> & {
    products: { url: string | null; price: string }[];
    metrics: { label: string; score: number }[];
  };
}

function loadPage(): PageApi {
  const code = readFileSync(path.join(process.cwd(), 'resources/results-page/results.js'), 'utf8');
  const sandbox: Record<string, unknown> = {
    atob,
    TextDecoder,
    URLSearchParams,
    Intl,
    Uint8Array,
    JSON,
    Math,
    String,
    Number,
    Array,
    Date,
  };
  vm.runInNewContext(code, sandbox);
  return sandbox.SkinResults as PageApi;
}

describe('buildResultsLink', () => {
  it('puts the routine and skin summary in the fragment only', () => {
    const url = new URL(buildResultsLink(base));
    expect(url.origin + url.pathname + url.search).toBe(
      'https://results.example.com/skin/index.html?utm=keep',
    );
    expect(url.hash.startsWith('#r=')).toBe(true);
    const payload = decodeResultsPayload(url.hash.slice(3));
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
    expect(payload.p).toEqual([
      ['cleanser', 'Lumen Lab', 'Gentle Foam Cleanser', 1800],
      ['serum', 'Lumen Lab', 'Calm Serum', 3450, 'https://shop.example.com/p/ser-002?ks=tok12345'],
      ['sunscreen', 'Lumen Lab', 'Daily Shield SPF 50', 2599],
    ]);
    expect(payload.k).toBe('https://shop.example.com/cart/1:1');
  });

  it('drops links, then metrics, then shortens names to stay within the QR budget', () => {
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
    expect(url.length).toBeLessThanOrEqual(RESULTS_URL_BUDGET);
    const payload = decodeResultsPayload(new URL(url).hash.slice(3));
    expect(payload.p).toHaveLength(6);
    expect(payload.p.every((p) => p.length === 4)).toBe(true);
    expect(payload.m).toEqual([]);
    expect(payload.p[0]?.[2].endsWith('…')).toBe(true);
  });

  it('keeps the fullest version within the hard limit for the longest routines', () => {
    const many = Array.from({ length: 20 }, (_, i) =>
      product(`MANY-${i}`, 1000 + i, {}, { name: `Product name ${i}` }),
    );
    const url = buildResultsLink({ ...base, products: many });
    expect(url.length).toBeGreaterThan(RESULTS_URL_BUDGET);
    expect(url.length).toBeLessThanOrEqual(RESULTS_URL_MAX);
    const payload = decodeResultsPayload(new URL(url).hash.slice(3));
    expect(payload.p).toHaveLength(20);
    expect(payload.m.length).toBeGreaterThan(0);
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
    const payload = decodeResultsPayload(
      new URL(buildResultsLink({ ...base, products: accented })).hash.slice(3),
    );
    expect(payload.p[0]?.slice(1, 3)).toEqual(['Crème Étoile', 'Sérum calmante — piel sensible']);
  });
});

describe('results page script', () => {
  const page = loadPage();
  const hash = new URL(buildResultsLink(base)).hash;

  it('decodes what the kiosk encodes', () => {
    expect(page.decodePayload(hash)).toEqual(decodeResultsPayload(hash.slice(3)));
  });

  it('renders the summary in Spanish and English', () => {
    const payload = page.decodePayload(hash);
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
    const en = page.buildView(payload, 'en');
    expect(en).toMatchObject({
      title: 'Your skin results',
      skinType: 'Combination',
      concerns: ['Redness', 'Pores'],
    });
    expect(en.products[1]?.price).toBe('$34.50');
    expect(en.products[1]?.url).toBe('https://shop.example.com/p/ser-002?ks=tok12345');
  });

  it('says an approximate colour is approximate, and leaves out a withheld tone', () => {
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
    const payload = page.decodePayload(new URL(buildResultsLink(approximate)).hash);
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
    expect(decodeResultsPayload(new URL(buildResultsLink(withheld)).hash.slice(3)).tn).toBeNull();
  });

  it('refuses missing or malformed payloads and non-https links', () => {
    expect(page.decodePayload('')).toBeNull();
    expect(page.decodePayload('#r=%%%')).toBeNull();
    expect(page.decodePayload('#r=' + Buffer.from('{"v":2}').toString('base64url'))).toBeNull();
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
      page.decodePayload('#r=' + Buffer.from(JSON.stringify(hostile)).toString('base64url')),
      'en',
    ) as ReturnType<PageApi['buildView']> & { cart: unknown };
    expect(view.products[0]?.url).toBeNull();
    expect(view.products[0]?.price).toBe('€0.01');
    const yen = { ...hostile, cu: 'JPY', p: [['serum', 'b', 'n', 1200]] };
    const yenView = page.buildView(
      page.decodePayload('#r=' + Buffer.from(JSON.stringify(yen)).toString('base64url')),
      'en',
    );
    expect(yenView.products[0]?.price).toBe('¥1,200');
    expect(view.cart).toBeNull();
  });
});
