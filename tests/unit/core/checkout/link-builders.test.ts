import { describe, expect, it } from 'vitest';
import { buildAffiliateLink } from '../../../../electron/core/checkout/affiliate-link-builder';
import { buildCartLink } from '../../../../electron/core/checkout/cart-link-builder';
import { fillTemplate, trackingParams } from '../../../../electron/core/checkout/tracking-params';
import { checkAllowedUrl } from '../../../../electron/core/checkout/url-policy';
import { CATALOG, product } from './checkout-fixtures';

const ctx = { affiliateId: 'aff-77', storeId: 'store-9', kioskId: 'kiosk-3', sessionToken: 'tok_ABCdef123' };
const hosts = ['shop.example.com', 'go.partner.example', '*.cdn.example.net'];
const [cleanser, serum] = CATALOG as [(typeof CATALOG)[0], (typeof CATALOG)[0]];

describe('checkAllowedUrl', () => {
  it.each([
    ['https://shop.example.com/p/1', true],
    ['https://SHOP.example.com/p/1', true],
    ['https://a.cdn.example.net/x', true],
    ['https://cdn.example.net/x', false],
    ['https://evilcdn.example.net/x', false],
    ['http://shop.example.com/p/1', false],
    ['https://shop.example.com.evil.io/p', false],
    ['https://user:pw@shop.example.com/', false],
    ['https://shop.example.com:8443/', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(checkAllowedUrl(url, hosts).ok).toBe(allowed);
  });

  it('allows nothing with an empty list', () => {
    expect(checkAllowedUrl('https://shop.example.com/', []).ok).toBe(false);
  });
});

describe('tracking', () => {
  it('carries affiliate, UTM tags, kiosk and the session token, nothing else', () => {
    expect(Object.fromEntries(trackingParams(ctx))).toEqual({
      aff: 'aff-77',
      utm_source: 'skin-kiosk',
      utm_medium: 'qr',
      utm_campaign: 'store-9',
      kiosk: 'kiosk-3',
      ks: 'tok_ABCdef123',
    });
  });

  it('refuses a token that could carry anything but random characters', () => {
    expect(() => trackingParams({ ...ctx, sessionToken: 'jane@example.com' })).toThrow(/session token/);
  });

  it('encodes placeholder values except a leading URL', () => {
    expect(fillTemplate('{url}?to={url}', { url: 'https://a.b/c?d=1' })).toBe(
      'https://a.b/c?d=1?to=https%3A%2F%2Fa.b%2Fc%3Fd%3D1',
    );
    expect(() => fillTemplate('https://x/{nope}', {})).toThrow(/unknown placeholder \{nope\}/);
  });
});

describe('buildAffiliateLink', () => {
  const config = { defaultTemplate: null, allowedHosts: hosts };

  it('links to the product page with tracking when there is no template', () => {
    const result = buildAffiliateLink(serum, config, ctx);
    expect(result).toEqual({
      ok: true,
      url: 'https://shop.example.com/p/ser-002?aff=aff-77&utm_source=skin-kiosk&utm_medium=qr&utm_campaign=store-9&kiosk=kiosk-3&ks=tok_ABCdef123',
    });
  });

  it("uses the store's default template", () => {
    const result = buildAffiliateLink(
      serum,
      { ...config, defaultTemplate: 'https://go.partner.example/r?id={affiliateId}&u={url}' },
      ctx,
    );
    if (!result.ok) throw new Error(result.reason);
    const url = new URL(result.url);
    expect(url.host).toBe('go.partner.example');
    expect(url.searchParams.get('id')).toBe('aff-77');
    expect(url.searchParams.get('u')).toBe('https://shop.example.com/p/ser-002');
    expect(url.searchParams.get('ks')).toBe('tok_ABCdef123');
  });

  it("prefers the product's own template and keeps values it sets", () => {
    const own = product('X-1', 100, { affiliateUrlTemplate: '{url}?aff=brand-own&sku={sku}' });
    const result = buildAffiliateLink(
      own,
      { ...config, defaultTemplate: 'https://go.partner.example/{sku}' },
      ctx,
    );
    if (!result.ok) throw new Error(result.reason);
    const url = new URL(result.url);
    expect(url.pathname).toBe('/p/x-1');
    expect(url.searchParams.getAll('aff')).toEqual(['brand-own']);
    expect(url.searchParams.get('sku')).toBe('X-1');
  });

  it('rejects hosts that are not allow-listed and plain http', () => {
    expect(
      buildAffiliateLink(product('X-2', 1, { productUrl: 'https://elsewhere.example.org/p' }), config, ctx),
    ).toMatchObject({ ok: false });
    const http = buildAffiliateLink(
      product('X-3', 1, { productUrl: 'http://shop.example.com/p' }),
      config,
      ctx,
    );
    expect(http).toMatchObject({ ok: false, reason: expect.stringContaining('https') });
  });

  it('fails without a product URL or with a broken template', () => {
    expect(buildAffiliateLink(product('X-4', 1, { productUrl: null }), config, ctx)).toMatchObject({
      ok: false,
    });
    const broken = buildAffiliateLink(
      product('X-5', 1, { affiliateUrlTemplate: 'https://shop.example.com/{who}' }),
      config,
      ctx,
    );
    expect(broken).toMatchObject({ ok: false, reason: expect.stringContaining('{who}') });
  });

  it('never contains skin data', () => {
    const result = buildAffiliateLink(serum, config, ctx);
    expect(result.ok && /redness|combination|monk|score/i.test(result.url)).toBe(false);
  });
});

describe('buildCartLink', () => {
  const items = [
    { product: cleanser, quantity: 2 },
    { product: serum, quantity: 1 },
  ];

  it('builds a Shopify cart permalink', () => {
    const result = buildCartLink(
      items,
      { kind: 'shopify', storeUrl: 'https://shop.example.com/collections/all' },
      hosts,
      ctx,
    );
    if (!result.ok) throw new Error(result.reason);
    const url = new URL(result.url);
    expect(url.origin + url.pathname).toBe('https://shop.example.com/cart/40001800:2,40003450:1');
    expect(url.searchParams.get('aff')).toBe('aff-77');
  });

  it('fails when a product has no Shopify variant rather than dropping it', () => {
    const result = buildCartLink(
      [...items, { product: product('NV-1', 5, { cartVariantId: null }), quantity: 1 }],
      { kind: 'shopify', storeUrl: 'https://shop.example.com' },
      hosts,
      ctx,
    );
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('NV-1') });
  });

  it('fills {items} in a query template', () => {
    const result = buildCartLink(
      items,
      { kind: 'query', template: 'https://shop.example.com/cart?items={items}&ref={affiliateId}' },
      hosts,
      ctx,
    );
    if (!result.ok) throw new Error(result.reason);
    const url = new URL(result.url);
    expect(url.searchParams.get('items')).toBe('CLN-001:2,SER-002:1');
    expect(url.searchParams.get('ref')).toBe('aff-77');
  });

  it('repeats {sku}/{qty} pairs once per item, in order', () => {
    const result = buildCartLink(
      items,
      { kind: 'query', template: 'https://shop.example.com/add?src=kiosk&sku={sku}&qty={qty}' },
      hosts,
      ctx,
    );
    if (!result.ok) throw new Error(result.reason);
    expect(
      result.url.startsWith(
        'https://shop.example.com/add?src=kiosk&sku=CLN-001&qty=2&sku=SER-002&qty=1&aff=aff-77',
      ),
    ).toBe(true);
  });

  it('rejects templates without items, disallowed hosts and empty carts', () => {
    expect(
      buildCartLink(items, { kind: 'query', template: 'https://shop.example.com/cart' }, hosts, ctx),
    ).toMatchObject({ ok: false });
    expect(
      buildCartLink(items, { kind: 'query', template: 'https://evil.example.org/c?i={items}' }, hosts, ctx),
    ).toMatchObject({ ok: false });
    expect(
      buildCartLink([], { kind: 'shopify', storeUrl: 'https://shop.example.com' }, hosts, ctx),
    ).toMatchObject({ ok: false });
  });
});
