import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFleetServices, type FleetServices } from '../../../electron/services/fleet-services';
import { createFleetHandlers } from '../../../electron/services/handlers/fleet-handlers';
import { EventHub } from '../../../electron/services/event-hub';
import { sourceTreePaths } from '../../../electron/services/kiosk-paths';
import { KioskConfigSchema, type KioskConfigInput } from '../../../electron/core/config/kiosk-config-schema';
import { HealthReport } from '../../../electron/shared/schemas/system-schemas';
import { SystemInfo } from '../../../electron/shared/schemas/staff-schemas';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

function get(
  url: string,
  method = 'GET',
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

let dir: string;
let fleet: FleetServices | null = null;
const hub = new EventHub();

async function start(config: KioskConfigInput, needsSetup: string | null = null) {
  const port = await freePort();
  fleet = await createFleetServices(
    KioskConfigSchema.parse({ ...config, monitoring: { metricsPort: port } }),
    sourceTreePaths(process.cwd(), dir),
    hub,
    { version: '0.1.0', needsSetup },
  );
  return { fleet, base: `http://127.0.0.1:${port}` };
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kiosk-metrics-'));
});
afterEach(async () => {
  await fleet?.dispose();
  fleet = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('metrics and health over loopback', () => {
  it('serves Prometheus metrics fed by sessions, analysis, payments and the other domains', async () => {
    const { fleet, base } = await start({ storeId: 'store-7', kioskId: 'kiosk-2' });
    const listeners = new Set<(e: { type: 'start' } | { type: 'end'; reason: string }) => void>();
    let active = false;
    fleet.bindSessions({
      isActive: () => active,
      onSessionChange: (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    });
    active = true;
    for (const l of listeners) l({ type: 'start' });
    active = false;
    for (const l of listeners) l({ type: 'end', reason: 'completed' });
    fleet.metrics.observeAnalysis(0.42, 'ok');
    hub.subscribe((event, payload) => fleet.observeEvent(event, payload));
    hub.emit('payment:state', {
      orderId: 'o1',
      phase: 'succeeded',
      message: null,
      reason: null,
      demo: true,
      receiptUrl: null,
      receiptQrSvg: null,
    });
    fleet.bindSources({
      inference: () => ({
        executionProvider: 'cpu',
        tried: [
          { provider: 'webgpu', ok: false },
          { provider: 'cpu', ok: true },
        ],
      }),
      catalog: () => ({ version: 'demo-2026.01', lastSyncAt: null }),
    });

    const res = await get(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/plain; version=0\.0\.4/);
    for (const expected of [
      'skinkiosk_app_info{version="0.1.0",store="store-7",kiosk="kiosk-2"} 1',
      'skinkiosk_sessions_started_total 1',
      'skinkiosk_sessions_ended_total{reason="completed"} 1',
      'skinkiosk_analysis_duration_seconds_count{outcome="ok"} 1',
      'skinkiosk_payments_total{outcome="succeeded"} 1',
      'skinkiosk_execution_provider_info{provider="cpu"} 1',
      'skinkiosk_catalog_info{version="demo-2026.01"} 1',
      'skinkiosk_update_phase{phase="disabled"} 1',
      'skinkiosk_health_reason{reason="gpu_fallback_cpu"} 1',
    ]) {
      expect(res.body).toContain(expected);
    }
    expect(res.body).toMatch(/^process_resident_memory_bytes \d+/m);
  });

  it('serves /health as the contract JSON, the same report as system:health', async () => {
    const { fleet, base } = await start({});
    fleet.bindSources({ camera: () => 'missing', reader: () => 'offline' });
    const res = await get(`${base}/health`);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/json; charset=utf-8');
    const report = HealthReport.parse(JSON.parse(res.body));
    expect(report).toMatchObject({
      status: 'degraded',
      reasons: ['camera_missing', 'reader_offline'],
      version: '0.1.0',
    });
    const handlers = createFleetHandlers(fleet);
    expect(await handlers['system:health']({}, hub)).toMatchObject({ reasons: report.reasons });
    const info = SystemInfo.parse(await handlers['system:info']({}, hub));
    expect(info).toMatchObject({
      camera: 'missing',
      executionProvider: 'not loaded',
      catalogVersion: 'unknown',
      storeId: 'demo-store',
    });
  });

  it('never exposes personal data, even when a caller logs some', async () => {
    const { fleet, base } = await start({});
    fleet.logger.info('analysis.done', {
      email: 'shopper@example.com',
      faceImage: 'data:image/png;base64,AAAA',
    });
    fleet.metrics.sessionEnded('completed');
    const [metrics, health] = await Promise.all([get(`${base}/metrics`), get(`${base}/health`)]);
    for (const body of [metrics.body, health.body]) {
      expect(body).not.toContain('shopper@example.com');
      expect(body).not.toContain('base64');
    }
    const logs = await createFleetHandlers(fleet)['system:logs']({ limit: 50 }, hub);
    expect(JSON.stringify(logs)).not.toContain('shopper@example.com');
  });

  it('answers only GET/HEAD on its two paths', async () => {
    const { base } = await start({});
    expect((await get(`${base}/metrics`, 'POST')).status).toBe(405);
    expect((await get(`${base}/`)).status).toBe(404);
    const head = await get(`${base}/health`, 'HEAD');
    expect(head).toMatchObject({ status: 200, body: '' });
  });

  it('answers only requests whose Host names it, as the preview host does (DNS rebinding)', async () => {
    const { base } = await start({});
    const port = new URL(base).port;
    for (const path of ['/health', '/metrics']) {
      expect((await get(`${base}${path}`, 'GET', { host: `evil.example:${port}` })).status).toBe(403);
      expect((await get(`${base}${path}`, 'GET', { host: `192.168.1.20:${port}` })).status).toBe(403);
      expect((await get(`${base}${path}`, 'GET', { host: `127.0.0.1:${Number(port) + 1}` })).status).toBe(
        403,
      );
      expect((await get(`${base}${path}`, 'GET', { host: `localhost:${port}` })).status).toBe(200);
      expect((await get(`${base}${path}`)).status).toBe(200);
    }
  });

  it('a port already in use is logged, and the kiosk runs on without the endpoint', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as AddressInfo).port;
    try {
      fleet = await createFleetServices(
        KioskConfigSchema.parse({ monitoring: { metricsPort: port } }),
        sourceTreePaths(process.cwd(), dir),
        hub,
        {
          version: '0.1.0',
          needsSetup: null,
        },
      );
      expect(fleet.metricsServer).toBeNull();
      expect(fleet.logger.recent(10).some((l) => l.msg.startsWith('metrics.listen_failed'))).toBe(true);
    } finally {
      await new Promise<void>((r) => blocker.close(() => r()));
    }
  });

  it('a null port turns the endpoint off', async () => {
    fleet = await createFleetServices(
      KioskConfigSchema.parse({ monitoring: { metricsPort: null } }),
      sourceTreePaths(process.cwd(), dir),
      hub,
      {
        version: '0.1.0',
        needsSetup: null,
      },
    );
    expect(fleet.metricsServer).toBeNull();
  });
});
