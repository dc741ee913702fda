import { describe, expect, it } from 'vitest';
import { demoConfig, validateKioskConfig } from '../../../../electron/core/fleet/config-validation';

const PEM = '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n';

describe('config validation', () => {
  it('an empty object is the demo kiosk without the demo shop links', () => {
    const r = validateKioskConfig({});
    const demo = demoConfig();
    expect(r).toEqual({
      ok: true,
      config: { ...demo, links: { ...demo.links, allowedHosts: [], cart: null, resultsPageUrl: null } },
    });
    // Only a kiosk with no config file at all points its QR codes at the fictional demo shop.
    expect(demo.links.allowedHosts).toEqual(['shop.example']);
    expect(demoConfig()).toMatchObject({
      storeId: 'demo-store',
      payments: { mode: 'demo' },
      updates: { url: null },
    });
  });

  it('names each wrong field with a readable reason', () => {
    const r = validateKioskConfig({
      storeId: '',
      updates: { window: { start: '25:00', end: '05:00' } },
      monitoring: { metricsPort: 'nine' },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reasons).toEqual([
      'storeId: Too small: expected string to have >=1 characters',
      'updates.window.start: expected HH:MM (24 h)',
      'monitoring.metricsPort: expected number, received string',
    ]);
  });

  it('reports misspelt fields at any depth instead of ignoring them', () => {
    const r = validateKioskConfig({ storID: 'x', updates: { chanel: 'beta' } });
    expect(r).toEqual({ ok: false, reasons: ['updates.chanel: unknown field', 'storID: unknown field'] });
  });

  it('rejects a document that is not an object', () => {
    expect(validateKioskConfig('kiosk')).toEqual({
      ok: false,
      reasons: ['(top level): expected object, received string'],
    });
    expect(validateKioskConfig(null).ok).toBe(false);
  });

  it('checks rules that span fields', () => {
    const r = validateKioskConfig({
      locales: ['es'],
      defaultLocale: 'en',
      catalog: { feedUrl: 'https://feeds.example.com/store-1/' },
      payments: { mode: 'stripe' },
      updates: { url: 'http://updates.example.com/', window: { start: '03:00', end: '03:00' } },
      monitoring: { bindAddress: 'my host' },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reasons).toEqual([
      'defaultLocale: "en" is not one of locales (es)',
      'catalog.publicKeyPem: required when catalog.feedUrl is set (feeds are signed)',
      'payments.locationId: required when payments.mode is "stripe"',
      'payments.readerId: required when payments.mode is "stripe"',
      'payments.apiKeyEncrypted: required when payments.mode is "stripe" (or apiKeyPlain, sealed at first start)',
      'updates.url: must be https:// (plain http is accepted only on loopback)',
      'updates.window: start and end must differ',
      'monitoring.bindAddress: expected an IP address such as 127.0.0.1',
    ]);
  });

  it('accepts a complete store configuration', () => {
    const r = validateKioskConfig({
      storeId: 'store-042',
      kioskId: 'kiosk-2',
      catalog: { feedUrl: 'https://feeds.example.com/store-042/', publicKeyPem: PEM },
      payments: { mode: 'stripe', locationId: 'tml_1', readerId: 'tmr_1', apiKeyEncrypted: 'djEw' },
      updates: {
        url: 'https://updates.example.com/kiosk/',
        channel: 'beta',
        window: { start: '23:00', end: '01:00' },
      },
      monitoring: { metricsPort: 9464, bindAddress: '0.0.0.0' },
    });
    expect(r.ok).toBe(true);
  });

  it('accepts plain http for an update server on loopback', () => {
    expect(validateKioskConfig({ updates: { url: 'http://127.0.0.1:8080/' } }).ok).toBe(true);
  });

  it('keeps metrics pushes and crash reports off by default', () => {
    const r = validateKioskConfig({});
    expect(r.ok && r.config.monitoring).toEqual({
      metricsPort: 9464,
      bindAddress: '127.0.0.1',
      remoteWrite: null,
      crashReportUrl: null,
    });
  });

  it('fills the push defaults and accepts bearer or basic credentials', () => {
    const bearer = validateKioskConfig({
      monitoring: {
        remoteWrite: {
          url: 'https://mimir.example.com/api/v1/push',
          auth: { kind: 'bearer', tokenPlain: 't0k' },
        },
      },
    });
    expect(bearer.ok && bearer.config.monitoring.remoteWrite).toEqual({
      url: 'https://mimir.example.com/api/v1/push',
      auth: { kind: 'bearer', tokenPlain: 't0k', tokenEncrypted: null },
      intervalSec: 60,
      jitterPercent: 20,
      bufferMinutes: 60,
      maxBufferKiB: 4096,
      timeoutSec: 10,
    });
    const basic = validateKioskConfig({
      monitoring: {
        remoteWrite: {
          url: 'https://vm.example.com/api/v1/write',
          auth: { kind: 'basic', username: 'store-42', passwordEncrypted: 'djEw' },
        },
        crashReportUrl: 'https://crash.example.com/submit',
      },
    });
    expect(basic.ok).toBe(true);
  });

  it('refuses credentials and crash data over plain http off loopback, and a push without its secret', () => {
    const r = validateKioskConfig({
      monitoring: {
        remoteWrite: { url: 'http://prometheus.store.lan:9090/api/v1/write', auth: { kind: 'bearer' } },
        crashReportUrl: 'http://crash.example.com/submit',
      },
    });
    expect(r).toEqual({
      ok: false,
      reasons: [
        'monitoring.remoteWrite.url: must be https:// (plain http is accepted only on loopback)',
        'monitoring.crashReportUrl: must be https:// (plain http is accepted only on loopback)',
        'monitoring.remoteWrite.auth.tokenPlain: required for bearer auth (sealed at first start)',
      ],
    });
    const basic = validateKioskConfig({
      monitoring: {
        remoteWrite: { url: 'http://127.0.0.1:9090/api/v1/write', auth: { kind: 'basic', username: 'u' } },
      },
    });
    expect(basic).toEqual({
      ok: false,
      reasons: ['monitoring.remoteWrite.auth.passwordPlain: required for basic auth (sealed at first start)'],
    });
  });

  it("keeps the push interval inside the receiver's 5-minute lookback", () => {
    const r = validateKioskConfig({
      monitoring: { remoteWrite: { url: 'https://m.example.com/push', intervalSec: 600 } },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reasons[0]).toMatch(/^monitoring\.remoteWrite\.intervalSec: Too big/);
  });
});
