import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runProvisionCommand } from '../../../electron/cli/provision-command';
import { loadKioskConfig } from '../../../electron/adapters/config/kiosk-config-store';
import { verifyPin } from '../../../electron/adapters/staff/pin-hash-adapter';

let dir: string;
let out: string;
let stdout: string[];
let stderr: string[];
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'provision-'));
  out = path.join(dir, 'kiosk-config.json');
  stdout = [];
  stderr = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void stdout.push(a.join(' ')));
  vi.spyOn(console, 'warn').mockImplementation((...a: unknown[]) => void stderr.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void stderr.push(a.join(' ')));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('skinkiosk provision', () => {
  it('writes a complete store config the kiosk loads, with the PIN only as a scrypt hash', async () => {
    const pub = path.join(dir, 'feed.pub');
    writeFileSync(pub, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }));
    const keyFile = path.join(dir, 'stripe.key');
    writeFileSync(keyFile, 'rk_live_51Example\n');
    const code = await runProvisionCommand([
      '--store',
      'store-042',
      '--kiosk',
      'kiosk-2',
      '--locales',
      'es,en',
      '--feed-url',
      'https://feeds.example.com/store-042/',
      '--feed-key',
      pub,
      '--pin',
      '482915',
      '--update-url',
      'https://updates.example.com/kiosk/',
      '--channel',
      'pilot',
      '--window',
      '23:30-01:30',
      '--stripe-location',
      'tml_1',
      '--stripe-reader',
      'tmr_1',
      '--stripe-key-file',
      keyFile,
      '--affiliate-id',
      'aff-42',
      '--metrics-port',
      '9500',
      '--metrics-bind',
      '0.0.0.0',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    const loaded = await loadKioskConfig(out);
    expect(loaded.kind).toBe('loaded');
    if (loaded.kind !== 'loaded') return;
    const c = loaded.config;
    expect(c).toMatchObject({
      storeId: 'store-042',
      kioskId: 'kiosk-2',
      locales: ['es', 'en'],
      defaultLocale: 'es',
      catalog: { feedUrl: 'https://feeds.example.com/store-042/' },
      payments: {
        mode: 'stripe',
        locationId: 'tml_1',
        readerId: 'tmr_1',
        apiKeyPlain: 'rk_live_51Example',
        apiKeyEncrypted: null,
      },
      updates: {
        url: 'https://updates.example.com/kiosk/',
        channel: 'pilot',
        window: { start: '23:30', end: '01:30' },
      },
      links: { affiliateId: 'aff-42' },
      monitoring: { metricsPort: 9500, bindAddress: '0.0.0.0' },
    });
    expect(c.catalog.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(readFileSync(out, 'utf8')).not.toContain('482915');
    expect(await verifyPin('482915', c.staff.pinHash as string)).toBe(true);
    expect(stdout.join('\n')).not.toContain('rk_live');
  });

  it('a minimal kiosk runs demo payments and warns that staff mode stays closed without a PIN', async () => {
    expect(
      await runProvisionCommand(['--store', 's1', '--kiosk', 'k1', '--out', out, '--metrics-port', 'off']),
    ).toBe(0);
    const loaded = await loadKioskConfig(out);
    expect(loaded.kind === 'loaded' && loaded.config).toMatchObject({
      payments: { mode: 'demo' },
      staff: { pinHash: null },
      monitoring: { metricsPort: null },
    });
    expect(stderr.join('\n')).toMatch(/staff mode stays closed/);
  });

  it('refuses incomplete or invalid settings with readable reasons and writes nothing', async () => {
    expect(
      await runProvisionCommand(['--store', 's1', '--kiosk', 'k1', '--payments', 'stripe', '--out', out]),
    ).toBe(1);
    expect(stderr.join('\n')).toContain('payments.readerId: required when payments.mode is "stripe"');
    expect(
      await runProvisionCommand(['--store', 's1', '--kiosk', 'k1', '--window', '2am-5am', '--out', out]),
    ).toBe(1);
    expect(await runProvisionCommand(['--store', 's1', '--kiosk', 'k1', '--pin', '12', '--out', out])).toBe(
      1,
    );
    expect(
      await runProvisionCommand([
        '--store',
        's1',
        '--kiosk',
        'k1',
        '--update-url',
        'http://updates.example.com/',
        '--out',
        out,
      ]),
    ).toBe(1);
    expect(
      await runProvisionCommand([
        '--store',
        's1',
        '--kiosk',
        'k1',
        '--feed-key',
        path.join(dir, 'none.pub'),
        '--out',
        out,
      ]),
    ).toBe(1);
    expect(stderr.join('\n')).toMatch(/--feed-key: cannot read .*none\.pub \(ENOENT\)/);
    expect(existsSync(out)).toBe(false);
  });

  it('needs the required flags, knows its options, and does not overwrite by accident', async () => {
    expect(await runProvisionCommand(['--store', 's1', '--out', out])).toBe(2);
    expect(
      await runProvisionCommand(['--store', 's1', '--kiosk', 'k1', '--colour', 'red', '--out', out]),
    ).toBe(2);
    expect(await runProvisionCommand(['--help'])).toBe(0);
    expect(await runProvisionCommand(['--store', 's1', '--kiosk', 'k1', '--out', out])).toBe(0);
    expect(await runProvisionCommand(['--store', 's2', '--kiosk', 'k1', '--out', out])).toBe(1);
    expect(await runProvisionCommand(['--store', 's2', '--kiosk', 'k1', '--out', out, '--force'])).toBe(0);
    const loaded = await loadKioskConfig(out);
    expect(loaded.kind === 'loaded' && loaded.config.storeId).toBe('s2');
  });

  it('sets up the metrics push and crash reports, credentials read from files and never printed', async () => {
    const password = path.join(dir, 'push.pass');
    writeFileSync(password, 'pushpass-9\n');
    const code = await runProvisionCommand([
      ...['--store', 'store-042', '--kiosk', 'kiosk-2', '--out', out],
      ...['--push-url', 'https://mimir.example.com/api/v1/push', '--push-interval', '30'],
      ...['--push-user', 'store-042', '--push-password-file', password],
      ...['--crash-url', 'https://o1.ingest.sentry.io/api/7/minidump/?sentry_key=abc'],
    ]);
    expect(code).toBe(0);
    const loaded = await loadKioskConfig(out);
    expect(loaded.kind === 'loaded' && loaded.config.monitoring).toMatchObject({
      remoteWrite: {
        url: 'https://mimir.example.com/api/v1/push',
        intervalSec: 30,
        auth: { kind: 'basic', username: 'store-042', passwordPlain: 'pushpass-9' },
      },
      crashReportUrl: 'https://o1.ingest.sentry.io/api/7/minidump/?sentry_key=abc',
    });
    expect(stdout.join('\n')).toContain('push:     https://mimir.example.com/api/v1/push every 30 s (basic');
    expect(stdout.join('\n')).not.toContain('pushpass-9');
  });

  it('refuses a push that would send credentials in clear, or flags that do not fit together', async () => {
    const token = path.join(dir, 'push.token');
    writeFileSync(token, 'tok\n');
    const base = ['--store', 's1', '--kiosk', 'k1', '--out', out];
    expect(
      await runProvisionCommand([
        ...base,
        '--push-url',
        'http://prom.store.lan/api/v1/write',
        '--push-token-file',
        token,
      ]),
    ).toBe(1);
    expect(stderr.join('\n')).toContain('monitoring.remoteWrite.url: must be https://');
    expect(await runProvisionCommand([...base, '--push-token-file', token])).toBe(1);
    expect(stderr.join('\n')).toContain('the --push-* flags need --push-url');
    expect(
      await runProvisionCommand([
        ...base,
        ...['--push-url', 'https://m.example.com/push', '--push-token-file', token, '--push-user', 'u'],
      ]),
    ).toBe(1);
    expect(
      await runProvisionCommand([...base, '--push-url', 'https://m.example.com/push', '--push-user', 'u']),
    ).toBe(1);
    expect(stderr.join('\n')).toContain('--push-user and --push-password-file go together');
    expect(existsSync(out)).toBe(false);
  });
});
