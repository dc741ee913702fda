import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalysisServices } from '../../../electron/services/analysis-services';
import { createSessionHandlers } from '../../../electron/services/handlers/session-handlers';
import { BrandingService } from '../../../electron/services/branding-service';
import { SessionService } from '../../../electron/services/session-service';
import { sourceTreePaths } from '../../../electron/services/kiosk-paths';
import { CALIBRATION_FILE } from '../../../electron/adapters/inference/color-calibration-store';
import { KioskConfigSchema } from '../../../electron/core/config/kiosk-config-schema';
import { evaluateHealth } from '../../../electron/core/fleet/health-evaluator';
import { silentLogger } from '../../../electron/core/ports/logger-port';
import { CalibrationReport } from '../../../electron/shared/schemas/colour-schemas';
import type { CameraDescription } from '../../../electron/shared/schemas/colour-schemas';
import {
  colorChart,
  repoRoot,
  rgba,
  singleFaces,
  invokeAnalysis,
  startServices,
  type ServicesFixture,
} from './analysis-fixtures';

const C920: CameraDescription = {
  label: 'HD Pro Webcam C920 (046d:082d)',
  exposureLocked: true,
  whiteBalanceLocked: true,
  settings: { exposureMode: 'manual', exposureTime: 156, whiteBalanceMode: 'manual', colorTemperature: 4600 },
};

describe('staff colour calibration', () => {
  let fx: ServicesFixture;
  beforeAll(async () => {
    fx = startServices();
    await fx.services.ready();
  });
  afterAll(async () => {
    await fx.close();
  });

  const invoke = (channel: string, raw: unknown, staff: boolean) => invokeAnalysis(fx, channel, raw, staff);

  it('is a staff-only channel', async () => {
    expect(await invoke('analysis:calibrate', { frame: colorChart(), camera: C920 }, false)).toMatchObject({
      ok: false,
      error: { code: 'STAFF_REQUIRED' },
    });
  });

  it('refuses a frame without the chart, and a request without the camera, storing nothing', async () => {
    const face = await rgba(singleFaces[0]!, 640);
    expect(await invoke('analysis:calibrate', { frame: face, camera: C920 }, true)).toMatchObject({
      ok: false,
      error: { code: 'CHART_NOT_FOUND' },
    });
    expect(await invoke('analysis:calibrate', colorChart(), true)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    fx.services.useCamera(C920.label);
    expect(fx.services.status().calibration).toMatchObject({ state: 'missing', camera: C920.label });
  });

  it('stores the calibration for the camera with its locked settings and per-patch fit, kept across a restart', async () => {
    const answer = await invoke('analysis:calibrate', { frame: colorChart(), camera: C920 }, true);
    expect(answer.ok).toBe(true);
    const report = CalibrationReport.parse((answer as { value: unknown }).value);
    expect(report).toMatchObject({
      camera: C920.label,
      located: 'detected',
      exposureLocked: true,
      whiteBalanceLocked: true,
    });
    // A perfectly printed chart seen by a perfect camera: nothing left to correct on any patch.
    expect(report.residualDeltaE).toBeLessThan(0.5);
    expect(report.patches.filter((p) => p.deltaE !== null).every((p) => p.deltaE! < 1.5)).toBe(true);
    expect(report.whiteLevel).toBeGreaterThan(0.8);
    const stored = JSON.parse(readFileSync(path.join(fx.dataDir, CALIBRATION_FILE), 'utf8')) as {
      cameras: Record<string, { settings: unknown }>;
    };
    expect(stored.cameras[C920.label]!.settings).toEqual(C920.settings);

    fx.services.useCamera(C920.label);
    expect(fx.services.status()).toMatchObject({
      calibrated: true,
      calibration: { state: 'ok', camera: C920.label },
    });
    // Another camera plugged in has no calibration of its own.
    expect(fx.services.useCamera('Brio 4K')).toBeNull();
    expect(fx.services.status().calibration.state).toBe('missing');

    const again = createAnalysisServices(
      KioskConfigSchema.parse({ analysis: { executionProviders: ['cpu'] } }),
      sourceTreePaths(repoRoot, fx.dataDir),
      fx.sink,
    );
    try {
      expect(again.useCamera(C920.label)).toEqual(C920.settings);
      expect(again.status().calibration.state).toBe('ok');
    } finally {
      await again.dispose();
    }
  });

  it('tells the renderer the locked settings when that camera opens, and health says missing or stale', async () => {
    const session = new SessionService({
      config: KioskConfigSchema.parse({}),
      version: 't',
      needsSetup: null,
      keepAwake: { hold: () => undefined, release: () => undefined },
      logger: silentLogger,
    });
    const branding = await BrandingService.load(KioskConfigSchema.parse({}).branding, silentLogger);
    const handlers = createSessionHandlers(session, branding, {
      opened: (label) => fx.services.useCamera(label),
    });
    const ctx = { emit: () => {} };
    expect(
      await handlers['session:camera-state']!({ state: 'ok', camera: { label: C920.label } }, ctx),
    ).toEqual({
      done: true,
      settings: C920.settings,
    });
    expect(
      await handlers['session:camera-state']!({ state: 'ok', camera: { label: 'Brio 4K' } }, ctx),
    ).toEqual({
      done: true,
      settings: null,
    });
    const health = () =>
      evaluateHealth({
        now: Date.now(),
        version: 't',
        uptimeSec: 1,
        needsSetup: false,
        staffPinMissing: false,
        camera: 'ok',
        catalog: null,
        inference: fx.services.status(),
        reader: 'not_used',
        updateFailures: 0,
      }).reasons;
    expect(health()).toEqual(['calibration_missing']);
    fx.services.useCamera(C920.label);
    expect(health()).toEqual([]);

    // Forty days later (the file's date moved back): stale, still used, and health says so.
    const file = path.join(fx.dataDir, CALIBRATION_FILE);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { cameras: Record<string, { savedAt: string }> };
    stored.cameras[C920.label]!.savedAt = new Date(Date.now() - 40 * 86_400_000).toISOString();
    writeFileSync(file, JSON.stringify(stored));
    const later = createAnalysisServices(
      KioskConfigSchema.parse({ analysis: { executionProviders: ['cpu'] } }),
      sourceTreePaths(repoRoot, fx.dataDir),
      fx.sink,
    );
    try {
      later.useCamera(C920.label);
      expect(later.status()).toMatchObject({ calibrated: true, calibration: { state: 'stale' } });
    } finally {
      await later.dispose();
    }
  });
});
