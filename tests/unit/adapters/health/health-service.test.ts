import { describe, expect, it } from 'vitest';
import { FleetSourceRegistry } from '../../../../electron/adapters/health/fleet-sources';
import { HealthService } from '../../../../electron/adapters/health/health-service';
import type { LogFields } from '../../../../electron/core/ports/logger-port';

const NOW = Date.UTC(2026, 0, 10, 12);

function setup(feedConfigured = true) {
  const logs: Array<{ msg: string; fields?: LogFields }> = [];
  const push = (msg: string, fields?: LogFields) => logs.push({ msg, fields });
  const logger = { debug: push, info: push, warn: push, error: push };
  const sources = new FleetSourceRegistry(logger);
  let now = NOW;
  const health = new HealthService({
    version: '0.1.0',
    needsSetup: false,
    feedConfigured,
    sources,
    updateFailures: () => 0,
    logger,
    now: () => now,
  });
  return { health, sources, logs, advance: (ms: number) => (now += ms) };
}

describe('health service', () => {
  it('is ok with no sources bound yet (nothing known is nothing wrong)', async () => {
    const { health } = setup();
    expect(await health.report()).toEqual({ status: 'ok', reasons: [], version: '0.1.0', uptimeSec: 0 });
  });

  it('reads the domains through their status shapes and logs each change once', async () => {
    const { health, sources, logs, advance } = setup();
    let camera: 'ok' | 'missing' = 'ok';
    sources.set({
      camera: () => camera,
      catalog: () => ({ version: 'v1', lastSyncAt: new Date(NOW - 25 * 3_600_000).toISOString() }),
      inference: async () => ({
        executionProvider: 'cpu',
        tried: [
          { provider: 'webgpu', ok: false },
          { provider: 'cpu', ok: true },
        ],
      }),
      reader: () => 'online',
    });
    expect((await health.report()).reasons).toEqual(['catalog_stale', 'gpu_fallback_cpu']);
    camera = 'missing';
    advance(10_000);
    const r = await health.report();
    expect(r).toMatchObject({
      status: 'degraded',
      reasons: ['camera_missing', 'catalog_stale', 'gpu_fallback_cpu'],
      uptimeSec: 10,
    });
    await health.report();
    expect(logs.filter((l) => l.msg === 'health.changed').map((l) => l.fields?.reasons)).toEqual([
      'catalog_stale,gpu_fallback_cpu',
      'camera_missing,catalog_stale,gpu_fallback_cpu',
    ]);
  });

  it('a source that throws reads as unknown and is logged', async () => {
    const { health, sources, logs } = setup();
    sources.set({
      reader: () => {
        throw new Error('stripe timeout');
      },
    });
    expect((await health.report()).status).toBe('ok');
    expect(logs.find((l) => l.msg === 'fleet.source_failed')?.fields).toEqual({
      source: 'reader',
      error: 'stripe timeout',
    });
  });
});
