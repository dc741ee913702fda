import { describe, expect, it } from 'vitest';
import {
  CATALOG_MAX_AGE_MS,
  evaluateHealth,
  HEALTH_REASONS,
  type HealthInputs,
} from '../../../../electron/core/fleet/health-evaluator';
import { HealthReport } from '../../../../electron/shared/schemas/system-schemas';

const NOW = Date.UTC(2026, 0, 10, 12);
const healthy: HealthInputs = {
  now: NOW,
  version: '0.1.0',
  uptimeSec: 3600.4,
  needsSetup: false,
  staffPinMissing: false,
  camera: 'ok',
  catalog: { feedConfigured: true, lastSyncAtMs: NOW - 60_000 },
  inference: { executionProvider: 'webgpu', tried: [{ provider: 'webgpu', ok: true }] },
  reader: 'online',
  updateFailures: 0,
};

describe('health evaluation', () => {
  it('is ok when everything reports well, and matches the contract', () => {
    const report = evaluateHealth(healthy);
    expect(report).toEqual({ status: 'ok', reasons: [], version: '0.1.0', uptimeSec: 3600 });
    expect(HealthReport.safeParse(report).success).toBe(true);
  });

  it.each([
    [{ camera: 'missing' as const }, 'camera_missing'],
    [{ camera: 'denied' as const }, 'camera_denied'],
    [{ reader: 'offline' as const }, 'reader_offline'],
    [{ needsSetup: true }, 'needs_setup'],
    [{ staffPinMissing: true }, 'staff_pin_missing'],
    [{ updateFailures: 3 }, 'updates_failing'],
    [
      { inference: { executionProvider: 'none', tried: [{ provider: 'cpu', ok: false }] } },
      'inference_unavailable',
    ],
  ])('degrades with a reason: %o', (change, reason) => {
    const report = evaluateHealth({ ...healthy, ...change });
    expect(report.status).toBe('degraded');
    expect(report.reasons).toEqual([reason]);
    expect(HEALTH_REASONS[reason as keyof typeof HEALTH_REASONS]).toBeTruthy();
  });

  it('shows the inference worker and its restart count, degraded only while it is not serving', () => {
    const inference = { executionProvider: 'cpu', tried: [{ provider: 'cpu', ok: true }] };
    const running = evaluateHealth({
      ...healthy,
      inference: { ...inference, worker: 'running', restarts: 2 },
    });
    expect(running).toMatchObject({
      status: 'ok',
      reasons: [],
      inference: { worker: 'running', restarts: 2 },
    });
    expect(HealthReport.parse(running)).toEqual(running);
    for (const worker of ['restarting', 'down']) {
      const report = evaluateHealth({ ...healthy, inference: { ...inference, worker, restarts: 2 } });
      expect(report.status).toBe('degraded');
      expect(report.reasons).toEqual(['inference_restarting']);
      expect(report.inference).toEqual({ worker, restarts: 2 });
    }
    expect(HEALTH_REASONS.inference_restarting).toMatch(/restarted/);
  });

  it('flags a catalog older than 24 h since its last sync, or never synced', () => {
    const just = evaluateHealth({
      ...healthy,
      catalog: { feedConfigured: true, lastSyncAtMs: NOW - CATALOG_MAX_AGE_MS },
    });
    expect(just.status).toBe('ok');
    const stale = evaluateHealth({
      ...healthy,
      catalog: { feedConfigured: true, lastSyncAtMs: NOW - CATALOG_MAX_AGE_MS - 1 },
    });
    expect(stale.reasons).toEqual(['catalog_stale']);
    expect(
      evaluateHealth({ ...healthy, catalog: { feedConfigured: true, lastSyncAtMs: null } }).reasons,
    ).toEqual(['catalog_stale']);
  });

  it('never calls the bundled demo catalog stale', () => {
    expect(
      evaluateHealth({ ...healthy, catalog: { feedConfigured: false, lastSyncAtMs: null } }).status,
    ).toBe('ok');
    expect(evaluateHealth({ ...healthy, catalog: null }).status).toBe('ok');
  });

  it('reports GPU → CPU fallback only when a GPU provider was tried and failed', () => {
    const fellBack = {
      executionProvider: 'cpu',
      tried: [
        { provider: 'webgpu', ok: false },
        { provider: 'cpu', ok: true },
      ],
    };
    expect(evaluateHealth({ ...healthy, inference: fellBack }).reasons).toEqual(['gpu_fallback_cpu']);
    const cpuByChoice = { executionProvider: 'cpu', tried: [{ provider: 'cpu', ok: true }] };
    expect(evaluateHealth({ ...healthy, inference: cpuByChoice }).status).toBe('ok');
  });

  it('does not call a kiosk without any GPU degraded', () => {
    const noGpu = {
      executionProvider: 'cpu',
      tried: [
        { provider: 'webgpu', ok: false, reason: 'Failed to get a WebGPU adapter: No supported adapters' },
        { provider: 'dml', ok: false, reason: 'only available on win32' },
        { provider: 'cuda', ok: false, reason: 'CUDA provider library not installed' },
        { provider: 'cpu', ok: true, reason: null },
      ],
    };
    expect(evaluateHealth({ ...healthy, inference: noGpu }).status).toBe('ok');
    const gpuBroke = {
      ...noGpu,
      tried: [
        { provider: 'webgpu', ok: false, reason: 'first run failed: device lost' },
        ...noGpu.tried.slice(1),
      ],
    };
    expect(evaluateHealth({ ...healthy, inference: gpuBroke }).reasons).toEqual(['gpu_fallback_cpu']);
  });

  it('treats unknown camera and reader state as no evidence', () => {
    expect(evaluateHealth({ ...healthy, camera: 'unknown', reader: 'unknown', inference: null }).status).toBe(
      'ok',
    );
  });

  it('lists every reason at once', () => {
    const report = evaluateHealth({
      ...healthy,
      camera: 'missing',
      reader: 'offline',
      catalog: { feedConfigured: true, lastSyncAtMs: null },
    });
    expect(report.reasons).toEqual(['camera_missing', 'catalog_stale', 'reader_offline']);
  });

  it('says when the camera in use has no chart calibration, or an old one, once a camera is known', () => {
    const withCalibration = (state: 'missing' | 'stale' | 'ok', camera: string | null) => ({
      ...healthy,
      inference: { ...healthy.inference!, calibration: { state, camera } },
    });
    expect(evaluateHealth(withCalibration('missing', 'C920')).reasons).toEqual(['calibration_missing']);
    expect(evaluateHealth(withCalibration('stale', 'C920')).reasons).toEqual(['calibration_stale']);
    expect(evaluateHealth(withCalibration('ok', 'C920')).status).toBe('ok');
    // Before the renderer has opened a camera there is nothing to calibrate yet.
    expect(evaluateHealth(withCalibration('missing', null)).status).toBe('ok');
    for (const reason of ['calibration_missing', 'calibration_stale'] as const)
      expect(HEALTH_REASONS[reason]).toMatch(/calibrat/);
  });
});
