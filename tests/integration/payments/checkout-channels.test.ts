import { mkdtempSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCheckoutServices } from '../../../electron/services/checkout-services';
import { createCheckoutHandlers } from '../../../electron/services/handlers/checkout-handlers';
import { sourceTreePaths } from '../../../electron/services/kiosk-paths';
import { KioskConfigSchema } from '../../../electron/core/config/kiosk-config-schema';
import { decodeResultsPayload } from '../../../electron/core/checkout/results-payload-codec';
import type { Cart, PaymentState } from '../../../electron/shared/schemas/checkout-schemas';
import type { LinkSet, QrLink } from '../../../electron/shared/schemas/staff-schemas';
import { decodeQr, decodeQrSymbol } from '../../unit/adapters/qr/qr-decode';
import { lookup, PROFILE } from '../../unit/core/checkout/checkout-fixtures';
import { CART, CART_TOTAL, startTestKiosk, value, type TestKiosk } from './payment-harness';

const inflate = (bytes: Uint8Array) => new Uint8Array(inflateRawSync(bytes));

describe('checkout channels', () => {
  let k: TestKiosk;
  afterEach(() => k.stop());

  it('prices a cart from the catalog, ignoring nothing and trusting nothing', async () => {
    k = await startTestKiosk({ config: { payments: { taxDisplay: 'added', taxRatePercent: 10 } } });
    const cart = value<Cart>(await k.call('checkout:price', CART));
    expect(cart).toMatchObject({
      subtotal: { amountMinor: CART_TOTAL },
      tax: { amountMinor: 705 },
      total: { amountMinor: 7755, currency: 'USD' },
      taxDisplay: 'added',
    });
  });

  it.each([
    [
      'an altered displayed price',
      { items: [{ sku: 'SER-002', quantity: 1, displayedPrice: { amountMinor: 100, currency: 'USD' } }] },
      'CART_CHANGED',
    ],
    ['an unknown SKU', { items: [{ sku: 'GHOST-1', quantity: 1 }] }, 'CART_CHANGED'],
    ['an out-of-stock SKU', { items: [{ sku: 'OOS-004', quantity: 1 }] }, 'CART_CHANGED'],
    ['a price field of its own', { items: [{ sku: 'SER-002', quantity: 1, price: 1 }] }, 'INVALID_INPUT'],
    ['a negative quantity', { items: [{ sku: 'SER-002', quantity: -1 }] }, 'INVALID_INPUT'],
  ])('refuses to start a payment for a cart with %s, creating nothing', async (_name, cart, code) => {
    k = await startTestKiosk();
    expect(await k.call('payment:start', cart)).toMatchObject({ ok: false, error: { code } });
    const priced = await k.call('checkout:price', cart);
    // Pricing marks what changed under the shopper rather than refusing the whole cart.
    if (code === 'CART_CHANGED') expect(value<Cart>(priced).changes).toHaveLength(1);
    else expect(priced).toMatchObject({ ok: false, error: { code } });
    expect(k.emulator.paymentIntents()).toHaveLength(0);
    expect(value<unknown[]>(await k.call('payment:orders', { limit: 10 }))).toHaveLength(0);
  });

  it('builds product and cart links whose QR codes decode to the exact URLs', async () => {
    k = await startTestKiosk();
    const links = value<LinkSet>(await k.call('checkout:links', CART));
    expect(links.products.map((p) => p.sku)).toEqual(['CLN-001', 'SER-002']);
    for (const link of [...links.products, links.cart as QrLink]) {
      expect(new URL(link.url).searchParams.get('ks')).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(await decodeQr(Buffer.from(link.qrSvg), 300)).toBe(link.url);
    }
    expect(links.cart?.url).toMatch(/^https:\/\/shop\.example\.com\/cart\/40001800:2,40003450:1\?/);
  });

  it('rotates the anonymous token when the session ends', async () => {
    k = await startTestKiosk();
    const token = async () =>
      new URL(
        value<LinkSet>(await k.call('checkout:links', CART)).products[0]?.url as string,
      ).searchParams.get('ks');
    const before = await token();
    expect(await token()).toBe(before);
    await k.services.endSession();
    expect(await token()).not.toBe(before);
  });

  it('leaves out links to hosts that are not allow-listed', async () => {
    k = await startTestKiosk({ config: { links: { allowedHosts: ['results.example.com'] } } });
    expect(value<LinkSet>(await k.call('checkout:links', CART))).toEqual({ products: [], cart: null });
  });

  it('saves results in the fragment of the results page', async () => {
    k = await startTestKiosk();
    const link = value<QrLink>(
      await k.call('checkout:save-results', { profile: PROFILE, skus: ['SER-002', 'SPF-003'], locale: 'es' }),
    );
    const url = new URL(link.url);
    expect(url.origin + url.pathname).toBe('https://results.example.com/r/');
    expect(url.search).toBe('');
    // Buy links and the cart link would not fit a version-10 code: the routine itself stays.
    expect(url.hash.startsWith('#z=')).toBe(true);
    expect(decodeResultsPayload(url.hash.slice(3), inflate)).toMatchObject({
      l: 'es',
      t: 'combination',
      p: [
        ['serum', 'Lumen Lab', 'Calm Serum', 3450],
        ['sunscreen', 'Lumen Lab', 'Daily Shield SPF 50', 2599],
      ],
    });
    expect(await decodeQr(Buffer.from(link.qrSvg), 300)).toBe(link.url);
    expect((await decodeQrSymbol(Buffer.from(link.qrSvg), 300))?.version).toBeLessThanOrEqual(10);
    const single = value<QrLink>(
      await k.call('checkout:save-results', { profile: PROFILE, skus: ['SER-002'] }),
    );
    const [only] = decodeResultsPayload(new URL(single.url).hash.slice(3), inflate).p;
    // A tracked buy link alone is longer than a version-10 code holds beside the summary.
    expect(only?.slice(0, 4)).toEqual(['serum', 'Lumen Lab', 'Calm Serum', 3450]);
    expect(Buffer.byteLength(single.url)).toBeLessThanOrEqual(271);
    expect(await k.call('checkout:save-results', { profile: PROFILE, skus: ['NOPE'] })).toMatchObject({
      ok: false,
      error: { code: 'CART_INVALID' },
    });
  });

  it('answers demo taps only in demo mode', async () => {
    k = await startTestKiosk();
    expect(await k.call('payment:demo-tap', { card: 'success' })).toMatchObject({
      ok: false,
      error: { code: 'PAYMENT_NOT_CONFIGURED' },
    });
  });
});

describe('demo and disabled payments', () => {
  const dataDir = () => mkdtempSync(path.join(tmpdir(), 'kiosk-demo-'));
  const events: PaymentState[] = [];
  const sink = { emit: (_e: string, p: unknown) => void events.push(p as PaymentState) };

  it('runs demo payments on the built-in emulator, tapped automatically or by a button', async () => {
    const services = await createCheckoutServices(
      KioskConfigSchema.parse({}),
      sourceTreePaths(process.cwd(), dataDir()),
      sink,
      {
        products: lookup(),
        demoAutoTap: { card: 'success', afterMs: 30 },
        demoProcessingDelayMs: 20,
        timings: { pollIntervalMs: 15 },
        reconcileIntervalMs: 0,
      },
    );
    try {
      expect(services.demo).toBe(true);
      const handlers = createCheckoutHandlers(services);
      const started = await handlers['payment:start'](CART, sink);
      expect(started).toMatchObject({ phase: 'creating', demo: true });
      const until = Date.now() + 5000;
      while (
        !events.some((e) => e.orderId === started.orderId && e.phase === 'succeeded') &&
        Date.now() < until
      )
        await new Promise((r) => setTimeout(r, 20));
      expect(events.find((e) => e.orderId === started.orderId && e.phase === 'succeeded')).toMatchObject({
        demo: true,
        receiptUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/receipts\/ch_/),
      });
    } finally {
      await services.dispose();
    }
  });

  it('declines with the demo button', async () => {
    const services = await createCheckoutServices(
      KioskConfigSchema.parse({}),
      sourceTreePaths(process.cwd(), dataDir()),
      sink,
      {
        products: lookup(),
        demoProcessingDelayMs: 20,
        timings: { pollIntervalMs: 15 },
        reconcileIntervalMs: 0,
      },
    );
    try {
      const handlers = createCheckoutHandlers(services);
      await expect(handlers['payment:demo-tap']({ card: 'success' }, sink)).rejects.toMatchObject({
        code: 'PAYMENT_FAILED',
      });
      const started = await handlers['payment:start'](CART, sink);
      const until = Date.now() + 5000;
      while (
        !events.some((e) => e.orderId === started.orderId && e.phase === 'waiting_for_card') &&
        Date.now() < until
      )
        await new Promise((r) => setTimeout(r, 10));
      expect(await handlers['payment:demo-tap']({ card: 'insufficient_funds' }, sink)).toEqual({
        done: true,
      });
      while (
        !events.some((e) => e.orderId === started.orderId && e.phase === 'declined') &&
        Date.now() < until
      )
        await new Promise((r) => setTimeout(r, 10));
      expect(events.find((e) => e.orderId === started.orderId && e.phase === 'declined')).toMatchObject({
        reason: 'insufficient_funds',
        demo: true,
      });
    } finally {
      await services.dispose();
    }
  });

  it.each([
    [{ payments: { mode: 'disabled' } }, /turned off/],
    [{ payments: { mode: 'stripe', readerId: 'tmr_1' } }, /API key/],
    [{ payments: { mode: 'stripe', apiKeyPlain: 'rk_test_x' } }, /reader id/],
  ] as const)('refuses payments with PAYMENT_NOT_CONFIGURED when %j', async (config, reason) => {
    const services = await createCheckoutServices(
      KioskConfigSchema.parse(config),
      sourceTreePaths(process.cwd(), dataDir()),
      sink,
      { products: lookup() },
    );
    try {
      expect(services.payments).toBeNull();
      expect(services.paymentsUnavailable).toMatch(reason);
      const handlers = createCheckoutHandlers(services);
      await expect(handlers['payment:start'](CART, sink)).rejects.toMatchObject({
        code: 'PAYMENT_NOT_CONFIGURED',
      });
      expect((await handlers['checkout:price'](CART, sink)).total.amountMinor).toBe(CART_TOTAL);
    } finally {
      await services.dispose();
    }
  });
});
