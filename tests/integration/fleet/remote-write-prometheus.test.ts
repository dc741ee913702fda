/**
 * Two simulated kiosks (two data dirs, distinct store/kiosk/ring labels) push their metrics to
 * Debian's real Prometheus with its remote-write receiver on, run shopper sessions through the
 * kiosk runtime, and are checked through PromQL. Then Prometheus stops while the kiosks keep
 * working, restarts, and the window they buffered must arrive in order with nothing else broken.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPin } from '../../../electron/adapters/staff/pin-hash-adapter';
import type { KioskRuntime } from '../../../electron/services/kiosk-runtime';
import { KioskConfigSchema } from '../../../electron/core/config/kiosk-config-schema';
import type { Result } from '../../../electron/shared/result';
import type { PaymentState } from '../../../electron/shared/schemas/checkout-schemas';
import type { Routine } from '../../../electron/shared/schemas/catalog-schemas';
import type { SkinProfile } from '../../../electron/shared/schemas/skin-profile-schemas';
import type { TelemetryStatus } from '../../../electron/shared/schemas/telemetry-schemas';
import { rgba, singleFaces } from '../analysis/analysis-fixtures';
import { PrometheusServer } from './prometheus-server';
import { dashboardQueries } from '../../support/grafana-dashboard';
import { startTestRuntime } from '../../support/test-runtime';

interface Kiosk {
  store: string;
  kiosk: string;
  runtime: KioskRuntime;
  dir: string;
  metricsPort: number;
}

const root = path.resolve(import.meta.dirname, '../../..');
let prom: PrometheusServer;
let promDir: string;
const kiosks: Kiosk[] = [];
const FINAL = new Set(['succeeded', 'declined', 'canceled', 'reader_offline', 'failed']);

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function startKiosk(store: string, kiosk: string, ring: string, version: string): Promise<Kiosk> {
  const dir = mkdtempSync(path.join(tmpdir(), `kiosk-${kiosk}-`));
  const metricsPort = await freePort();
  const runtime = await startTestRuntime(dir, {
    config: KioskConfigSchema.parse({
      storeId: store,
      kioskId: kiosk,
      staff: { pinHash: await hashPin('1234', { N: 1024 }) },
      analysis: { executionProviders: ['cpu'] },
      links: {
        allowedHosts: ['shop.example'],
        cart: { kind: 'query', template: 'https://shop.example/c?sku={sku}&qty={qty}' },
      },
      updates: { channel: ring },
      monitoring: {
        metricsPort,
        remoteWrite: { url: prom.writeUrl, intervalSec: 1, jitterPercent: 0, bufferMinutes: 10 },
      },
    }),
    configFound: true,
    version,
    // Prometheus also scrapes this kiosk's own /metrics (the "down at once" check).
    serveMetrics: true,
    payments: {
      demoAutoTap: { card: 'success', afterMs: 0 },
      demoProcessingDelayMs: 5,
      timings: { pollIntervalMs: 20 },
      reconcileIntervalMs: 0,
    },
  });
  return { store, kiosk, runtime, dir, metricsPort };
}

async function must<T>(k: Kiosk, channel: string, input: unknown): Promise<T> {
  const r = (await k.runtime.invoke(channel, input)) as Result<T>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** One shopper: consent, an optional real scan (else the questionnaire), routine, cart, QR, payment. */
async function shopper(k: Kiosk, scan: boolean): Promise<void> {
  await must(k, 'session:start', {});
  await must(k, 'session:milestone', { step: 'consent' });
  const answers = { middayFeel: 'oily_tzone', sensitivity: 'sometimes' };
  const profile = scan
    ? (
        await must<{ profile: SkinProfile }>(k, 'analysis:analyze', {
          frame: await rgba(singleFaces[0] as string, 640),
          answers,
        })
      ).profile
    : await must<SkinProfile>(k, 'analysis:from-answers', { answers });
  const routine = await must<Routine>(k, 'catalog:recommend', { profile, answers, budgetMinor: null });
  const sku = routine.slots.find((s) => !s.optional)?.picks[0]?.product.sku as string;
  await must(k, 'session:milestone', { step: 'added_to_cart' });
  const cart = { items: [{ sku, quantity: 1 }] };
  await must(k, 'checkout:links', cart);
  const started = await must<PaymentState>(k, 'payment:start', cart);
  await waitFor(async () =>
    FINAL.has((await must<PaymentState>(k, 'payment:state', { orderId: started.orderId })).phase),
  );
  await must(k, 'session:end', { reason: 'completed' });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

/** The staff channel; a session's end locks staff mode, so each read unlocks with the demo PIN. */
async function telemetry(k: Kiosk): Promise<TelemetryStatus> {
  await must(k, 'staff:unlock', { pin: '1234' });
  return must<TelemetryStatus>(k, 'system:telemetry', {});
}
const pushed = (metric: string, k: Kiosk, extra = '') =>
  prom.value(`${metric}{store="${k.store}",kiosk="${k.kiosk}"${extra}}`);

beforeAll(async () => {
  promDir = mkdtempSync(path.join(tmpdir(), 'kiosk-prometheus-'));
  prom = await PrometheusServer.start(promDir);
  kiosks.push(await startKiosk('store-north', 'kiosk-1', 'latest', '1.4.0'));
  kiosks.push(await startKiosk('store-south', 'kiosk-7', 'pilot', '1.5.0'));
  await Promise.all(kiosks.map((k) => k.runtime.analysisReady));
}, 180_000);

afterAll(async () => {
  await Promise.all(kiosks.map((k) => k.runtime.dispose()));
  await prom?.stop();
  for (const k of kiosks) rmSync(k.dir, { recursive: true, force: true });
  if (promDir) rmSync(promDir, { recursive: true, force: true });
});

describe('remote write to a real Prometheus', () => {
  it("delivers both kiosks' series with their labels and the right values", async () => {
    const [north, south] = kiosks as [Kiosk, Kiosk];
    await shopper(north, true);
    await shopper(north, false);
    await shopper(north, false);
    await shopper(south, false);
    await must(south, 'session:start', {});
    await must(south, 'session:end', { reason: 'declined_consent' });

    // Every figure as the kiosks end the sessions. A push taken in the middle of the last session
    // already counts it as started, so the wait is for all of them at once, not for one counter.
    const expected: [metric: string, kiosk: Kiosk, labels: string, value: number][] = [
      ['skinkiosk_sessions_started_total', north, '', 3],
      ['skinkiosk_sessions_started_total', south, '', 2],
      ['skinkiosk_funnel_steps_total', north, ',step="attract"', 3],
      ['skinkiosk_funnel_steps_total', north, ',step="scan_completed"', 1],
      ['skinkiosk_funnel_steps_total', north, ',step="qr_shown"', 3],
      ['skinkiosk_funnel_steps_total', north, ',step="paid"', 3],
      ['skinkiosk_funnel_steps_total', south, ',step="consent"', 1],
      ['skinkiosk_funnel_declines_total', south, ',category="consent"', 1],
      ['skinkiosk_payments_total', north, ',outcome="succeeded"', 3],
      ['skinkiosk_analysis_duration_seconds_count', north, ',outcome="ok"', 1],
      ['skinkiosk_health_ok', south, '', 1],
    ];
    const arrived = async () => {
      for (const [metric, kiosk, labels, value] of expected)
        if ((await pushed(metric, kiosk, labels)) !== value) return false;
      return true;
    };
    await waitFor(arrived).catch(() => undefined);
    for (const [metric, kiosk, labels, value] of expected)
      expect(await pushed(metric, kiosk, labels), `${metric}{${kiosk.kiosk}${labels}}`).toBe(value);

    // One query shows the fleet by version and ring.
    const byVersion = await prom.query('count by (version, ring) (skinkiosk_build_info)');
    expect(byVersion.map((s) => `${s.metric.version}/${s.metric.ring}=${s.value[1]}`).sort()).toEqual([
      '1.4.0/latest=1',
      '1.5.0/pilot=1',
    ]);
    const info = await prom.query('skinkiosk_build_info{kiosk="kiosk-1"}');
    expect(info[0]?.metric).toMatchObject({
      store: 'store-north',
      ring: 'latest',
      provider: 'cpu',
      job: 'skin-kiosk',
    });
    // The staff screen's "today" matches what reached the receiver.
    expect((await telemetry(north)).funnel.steps).toMatchObject({ attract: 3, added_to_cart: 3, paid: 3 });
  });

  it('buffers while Prometheus is down and delivers that window, in order, after it restarts', async () => {
    const [north, south] = kiosks as [Kiosk, Kiosk];
    const before = await pushed('skinkiosk_sessions_started_total', north);
    await prom.stop();
    const outageStart = Date.now() / 1000;
    await shopper(north, false);
    await shopper(north, false);
    await shopper(south, false);
    // The loopback endpoint keeps working for a local scraper while the receiver is away.
    const local = await fetch(`http://127.0.0.1:${north.metricsPort}/metrics`).then((r) => r.text());
    expect(local).toContain(`skinkiosk_sessions_started_total ${before + 2}`);
    await waitFor(async () => ((await telemetry(north)).push?.bufferedSnapshots ?? 0) >= 4);
    const during = (await telemetry(north)).push;
    expect(during).toMatchObject({ state: 'failing', droppedSnapshots: 0 });
    expect(during?.lastError).toMatch(/ECONNREFUSED/);
    const outageEnd = Date.now() / 1000;

    await prom.resume();
    await waitFor(async () => {
      const [a, b] = await Promise.all([telemetry(north), telemetry(south)]);
      return a.push?.state === 'ok' && a.push.bufferedSnapshots === 0 && b.push?.state === 'ok';
    });
    // Samples stamped inside the outage arrived: the value at its end already counts its sessions,
    // and the series has roughly one sample per second of the outage.
    expect(await prom.value(`skinkiosk_sessions_started_total{kiosk="kiosk-1"}`, outageEnd)).toBe(before + 2);
    const span = Math.floor(outageEnd - outageStart);
    const samples = await prom.value(
      `count_over_time(skinkiosk_sessions_started_total{kiosk="kiosk-1"}[${span}s])`,
      outageEnd,
    );
    expect(samples).toBeGreaterThanOrEqual(Math.max(3, span - 3));
    expect(await prom.value(`skinkiosk_funnel_steps_total{kiosk="kiosk-7",step="paid"}`, outageEnd)).toBe(2);
    // Nothing lost, nothing else broken: the push counts its retries, health is ok, sessions go on.
    await waitFor(
      async () => (await pushed('skinkiosk_remote_write_requests_total', north, ',outcome="retry"')) >= 1,
    );
    expect((await telemetry(north)).push?.droppedSnapshots).toBe(0);
    expect(await pushed('skinkiosk_health_ok', north)).toBe(1);
    await shopper(south, false);
    await waitFor(async () => (await pushed('skinkiosk_sessions_started_total', south)) === 4);
  });

  it('answers every query of the fleet dashboard', async () => {
    const results = new Map<string, number>();
    for (const { title, expr } of dashboardQueries(
      JSON.parse(readFileSync(path.join(root, 'build/grafana/skin-kiosk-fleet.json'), 'utf8')),
    )) {
      const promql = expr
        .replaceAll('$__rate_interval', '1m')
        .replaceAll('$__range', '1h')
        .replaceAll('$store', '.*')
        .replaceAll('$ring', '.*');
      results.set(`${title}: ${expr}`, (await prom.query(promql)).length);
    }
    expect(results.size).toBeGreaterThan(20);
    const empty = [...results].filter(([, n]) => n === 0).map(([q]) => q);
    // With two healthy kiosks nothing is down, degraded, failing or crashing; everything else has data.
    const expectedEmpty =
      /Kiosks down:.*count by|Health reasons|Updates pending|Window crashes|up and down by store: count by \(store\) \(count by/;
    expect(empty.filter((q) => !expectedEmpty.test(q))).toEqual([]);
    expect(await prom.value('count(skinkiosk_build_info{store=~".*", ring=~".*"}) or vector(0)')).toBe(2);
  });

  it("ends a cleanly stopped kiosk's series at once, so the dashboard shows it down without waiting", async () => {
    const south = kiosks.pop() as Kiosk;
    await south.runtime.dispose();
    expect(await prom.query('skinkiosk_build_info{kiosk="kiosk-7"}')).toEqual([]);
    expect(await prom.value('count(skinkiosk_build_info)')).toBe(1);
    const down = await prom.query(
      'count by (store, kiosk) (last_over_time(skinkiosk_build_info[1d]) unless on (store, kiosk) skinkiosk_build_info)',
    );
    expect(down.map((s) => s.metric)).toEqual([{ store: 'store-south', kiosk: 'kiosk-7' }]);
    rmSync(south.dir, { recursive: true, force: true });
  });
});
