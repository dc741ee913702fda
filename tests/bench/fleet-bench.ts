/**
 * Fleet bench: `npm run bench:fleet` (FLEET_KIOSKS, FLEET_SECONDS, FLEET_DOWN_SECONDS,
 * FLEET_INTERVAL_SEC to change the run).
 *
 * Starts Debian's Prometheus on loopback with its remote-write receiver and runs FLEET_KIOSKS
 * simulated kiosks in this process — each the kiosk's real fleet services (createFleetServices:
 * metrics registry with the defaults, funnel, health, update state, remote-write push) with its
 * own data folder and labels, shoppers ticking its counters. Three phases:
 * 1. steady: every kiosk pushes for FLEET_SECONDS; prints bytes and requests per kiosk per hour
 *    (extrapolated to the 60 s production interval), push latency and errors (the receiver keeping
 *    up), and the CPU this process spent on telemetry per kiosk as a share of one core;
 * 2. outage: Prometheus stops for FLEET_DOWN_SECONDS; prints the buffer memory as it grows and
 *    then levels off at the window (the bench uses a 1-minute window so the bound shows quickly);
 * 3. recovery: Prometheus restarts; prints how long the fleet takes to deliver its backlog.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { EventHub } from '../../electron/services/event-hub';
import { createFleetServices, type FleetServices } from '../../electron/services/fleet-services';
import { sourceTreePaths } from '../../electron/services/kiosk-paths';
import { KioskConfigSchema } from '../../electron/core/config/kiosk-config-schema';
import { PrometheusServer } from '../integration/fleet/prometheus-server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const KIOSKS = Number(process.env.FLEET_KIOSKS ?? 200);
const STEADY_SEC = Number(process.env.FLEET_SECONDS ?? 60);
const DOWN_SEC = Number(process.env.FLEET_DOWN_SECONDS ?? 90);
const INTERVAL_SEC = Number(process.env.FLEET_INTERVAL_SEC ?? 5);
const PRODUCTION_INTERVAL_SEC = 60;
const RINGS = ['latest', 'latest', 'latest', 'pilot'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;
// Heap is compared after a full collection; the bench runs without --expose-gc, so the flag is
// switched on here and gc() taken from a fresh context (as the soak bench does).
setFlagsFromString('--expose-gc');
const gc = (globalThis as { gc?: () => void }).gc ?? (runInNewContext('gc') as (() => void) | undefined);
const settledHeap = () => {
  gc?.();
  return process.memoryUsage().heapUsed;
};

interface Sim {
  fleet: FleetServices;
  sessions: number;
}

async function startKiosks(prom: PrometheusServer, dataRoot: string): Promise<Sim[]> {
  const sims: Sim[] = [];
  for (let i = 0; i < KIOSKS; i++) {
    const dataDir = path.join(dataRoot, `k${i}`);
    mkdirSync(dataDir);
    const config = KioskConfigSchema.parse({
      storeId: `store-${String(Math.floor(i / 4)).padStart(3, '0')}`,
      kioskId: `kiosk-${(i % 4) + 1}`,
      updates: { channel: RINGS[i % RINGS.length] },
      monitoring: {
        metricsPort: null,
        remoteWrite: { url: prom.writeUrl, intervalSec: INTERVAL_SEC, bufferMinutes: 1 },
      },
    });
    const fleet = await createFleetServices(config, sourceTreePaths(root, dataDir), new EventHub(), {
      version: i % 10 === 0 ? '1.5.0' : '1.4.0',
      needsSetup: null,
    });
    fleet.bindSources({
      inference: () => ({ executionProvider: i % 3 === 0 ? 'webgpu' : 'cpu', tried: [] }),
      catalog: () => ({
        version: '2026.03.14-1',
        lastSyncAt: new Date(Date.now() - 3_600_000).toISOString(),
      }),
    });
    sims.push({ fleet, sessions: 0 });
  }
  return sims;
}

/** A shopper on one kiosk: the counters a session moves, as the runtime would. */
function shopper(sim: Sim): void {
  const { metrics, telemetry } = sim.fleet;
  metrics.sessionStarted();
  telemetry.funnel.sessionStarted();
  telemetry.funnel.reach('consent');
  metrics.observeAnalysis(0.04 + Math.random() * 0.05, 'ok');
  telemetry.funnel.reach('scan_completed');
  telemetry.funnel.reach('routine_shown');
  metrics.sessionEnded('completed');
  telemetry.funnel.sessionEnded('completed');
  sim.sessions += 1;
}

function pushTotals(sims: Sim[]) {
  const all = sims.map((s) => s.fleet.telemetry.pusher?.status());
  return {
    buffered: all.reduce((n, s) => n + (s?.bufferedSnapshots ?? 0), 0),
    bytes: all.reduce((n, s) => n + (s?.bufferBytes ?? 0), 0),
    maxBytes: Math.max(...all.map((s) => s?.bufferBytes ?? 0)),
    dropped: all.reduce((n, s) => n + (s?.droppedSnapshots ?? 0), 0),
    failing: all.filter((s) => s?.state === 'failing').length,
  };
}

async function counter(sims: Sim[], name: string, labels = ''): Promise<number> {
  let total = 0;
  for (const s of sims) {
    const text = await s.fleet.metrics.registry.getSingleMetricAsString(name);
    for (const line of text.split('\n'))
      if (line.startsWith(`${name}${labels}`)) total += Number(line.split(' ').at(-1));
  }
  return total;
}

/** The receiver's CPU seconds so far, from /proc (Linux). */
function processCpuSec(pid: number | undefined): number {
  if (!pid) return NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function main(): Promise<void> {
  const promDir = mkdtempSync(path.join(tmpdir(), 'fleet-bench-prom-'));
  const dataRoot = mkdtempSync(path.join(tmpdir(), 'fleet-bench-kiosks-'));
  const prom = await PrometheusServer.start(promDir);
  console.log(
    `fleet bench: ${KIOSKS} kiosks → Prometheus (Debian) on loopback, push every ${INTERVAL_SEC} s ±20 %, ` +
      `${STEADY_SEC} s steady, ${DOWN_SEC} s receiver down; ${os.cpus().length} cores, load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  const t0 = Date.now();
  const sims = await startKiosks(prom, dataRoot);
  console.log(`started ${sims.length} kiosks in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const shoppers = setInterval(() => shopper(sims[Math.floor(Math.random() * sims.length)] as Sim), 50);
  try {
    // Let every kiosk make its first push (they spread over one interval) before measuring.
    await sleep(INTERVAL_SEC * 1500);
    const bytes0 = await counter(sims, 'skinkiosk_remote_write_sent_bytes_total');
    const req0 = await counter(sims, 'skinkiosk_remote_write_requests_total', '{outcome="ok"}');
    const cpu0 = process.cpuUsage();
    const promCpu0 = processCpuSec(prom.pid);
    const wall0 = Date.now();
    await sleep(STEADY_SEC * 1000);
    const cpu = process.cpuUsage(cpu0);
    const wall = (Date.now() - wall0) / 1000;
    const promCpu = processCpuSec(prom.pid) - promCpu0;
    const bytes = (await counter(sims, 'skinkiosk_remote_write_sent_bytes_total')) - bytes0;
    const requests = (await counter(sims, 'skinkiosk_remote_write_requests_total', '{outcome="ok"}')) - req0;
    const retries = await counter(sims, 'skinkiosk_remote_write_requests_total', '{outcome="retry"}');
    const rejected = await counter(sims, 'skinkiosk_remote_write_requests_total', '{outcome="rejected"}');
    const bytesPerPush = bytes / requests;
    const cpuPerPushMs = (cpu.user + cpu.system) / 1000 / requests;
    const series = await prom.value('count({job="skin-kiosk"})');
    const kiosksSeen = await prom.value('count(skinkiosk_build_info)');
    const p = async (q: number) =>
      prom.value(
        `histogram_quantile(${q}, sum by (le) (rate(skinkiosk_remote_write_request_duration_seconds_bucket{outcome="ok"}[1m])))`,
      );
    const lag = await prom.value('time() - min(timestamp(skinkiosk_build_info))');
    console.log('\nsteady state');
    console.table({
      'requests accepted (all kiosks)': requests,
      'retries / rejected': `${retries} / ${rejected}`,
      'series in Prometheus / kiosks seen': `${series} / ${kiosksSeen}`,
      'series per kiosk': Math.round(series / kiosksSeen),
      'bytes per push (snappy)': kib(bytesPerPush),
      [`bytes per kiosk per hour @${PRODUCTION_INTERVAL_SEC} s`]: kib(
        (bytesPerPush * 3600) / PRODUCTION_INTERVAL_SEC,
      ),
      [`requests per kiosk per hour @${PRODUCTION_INTERVAL_SEC} s`]: 3600 / PRODUCTION_INTERVAL_SEC,
      'push latency p50 / p95 (ms)': `${((await p(0.5)) * 1000).toFixed(1)} / ${((await p(0.95)) * 1000).toFixed(1)}`,
      'oldest kiosk lag behind now (s)': lag.toFixed(1),
      'CPU per push, this process (ms)': cpuPerPushMs.toFixed(2),
      [`kiosk CPU on telemetry @${PRODUCTION_INTERVAL_SEC} s (% of one core)`]: `${(
        (cpuPerPushMs / (PRODUCTION_INTERVAL_SEC * 1000)) *
        100
      ).toFixed(4)} %`,
      'bench rate: pushes/s into Prometheus': (requests / wall).toFixed(1),
      'receiver CPU at bench rate (% of one core)': `${((promCpu / wall) * 100).toFixed(1)} %`,
      [`receiver CPU @${PRODUCTION_INTERVAL_SEC} s, ${KIOSKS} kiosks (% of one core)`]: `${(
        ((promCpu / wall) * 100 * (KIOSKS / PRODUCTION_INTERVAL_SEC)) /
        (requests / wall)
      ).toFixed(2)} %`,
    });

    console.log(`\nreceiver down for ${DOWN_SEC} s (1-minute buffer window in this bench)`);
    const heap0 = settledHeap();
    await prom.stop();
    const outageStart = Date.now() / 1000;
    const rows: Record<string, string | number>[] = [];
    for (let t = 15; t <= DOWN_SEC; t += 15) {
      await sleep(15_000);
      const s = pushTotals(sims);
      rows.push({
        'down (s)': t,
        'snapshots/kiosk': (s.buffered / KIOSKS).toFixed(1),
        'buffer/kiosk avg': kib(s.bytes / KIOSKS),
        'buffer/kiosk max': kib(s.maxBytes),
        'all kiosks': kib(s.bytes),
        'dropped (window)': s.dropped,
        'JS heap growth (after GC)': kib(settledHeap() - heap0),
      });
    }
    console.table(rows);
    const full = pushTotals(sims);
    const perSnapshot = full.bytes / full.buffered;
    console.log(
      `per snapshot ${kib(perSnapshot)} → default window (60 min @60 s = 60 snapshots) ≈ ${kib(perSnapshot * 60)} ` +
        `per kiosk, cap 4096 KiB`,
    );

    const outageEnd = Date.now() / 1000;
    const restart = Date.now();
    await prom.resume();
    const back = Date.now();
    const waiting = pushTotals(sims).buffered / KIOSKS;
    while (pushTotals(sims).buffered > 0 || pushTotals(sims).failing > 0) await sleep(250);
    const catchUp = (Date.now() - back) / 1000;
    const span = Math.floor(outageEnd - outageStart);
    const samples = await prom.query(
      `count_over_time(skinkiosk_sessions_started_total[${span}s])`,
      outageEnd,
    );
    const perKiosk = samples.map((s) => Number(s.value[1]));
    const after = pushTotals(sims);
    const rejectedAfter = await counter(
      sims,
      'skinkiosk_remote_write_requests_total',
      '{outcome="rejected"}',
    );
    console.log(
      `\nrecovery: Prometheus restarted in ${((back - restart) / 1000).toFixed(1)} s with ${waiting.toFixed(1)} ` +
        `snapshots/kiosk waiting; backlog delivered in ${catchUp.toFixed(1)} s; samples per kiosk stamped in the last ` +
        `${span} s of the outage: median ${median(perKiosk)}, kiosks with data ${perKiosk.length}/${KIOSKS}; ` +
        `rejected requests ${rejectedAfter}, snapshots dropped in all ${after.dropped} (window); ` +
        `shopper sessions simulated ${sims.reduce((n, s) => n + s.sessions, 0)}`,
    );
  } finally {
    clearInterval(shoppers);
    await Promise.all(sims.map((s) => s.fleet.dispose()));
    await prom.stop();
    rmSync(promDir, { recursive: true, force: true });
    rmSync(dataRoot, { recursive: true, force: true });
  }
}

await main();
