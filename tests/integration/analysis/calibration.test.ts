import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalysisServices } from '../../../electron/app/analysis-services';
import { sourceTreePaths } from '../../../electron/app/kiosk-paths';
import { CALIBRATION_FILE } from '../../../electron/adapters/inference/color-calibration-store';
import { KioskConfigSchema } from '../../../electron/core/config/kiosk-config-schema';
import {
  colorChart,
  repoRoot,
  rgba,
  singleFaces,
  invokeAnalysis,
  startServices,
  type ServicesFixture,
} from './analysis-fixtures';

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
    expect(await invoke('analysis:calibrate', colorChart(), false)).toMatchObject({
      ok: false,
      error: { code: 'STAFF_REQUIRED' },
    });
  });

  it('refuses a frame without the chart, storing nothing', async () => {
    const face = await rgba(singleFaces[0]!, 640);
    const answer = await invoke('analysis:calibrate', face, true);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(fx.services.status().calibrated).toBe(false);
  });

  it('solves the matrix from the chart, stores it as JSON and keeps it across a restart', async () => {
    const answer = await invoke('analysis:calibrate', colorChart(), true);
    expect(answer.ok).toBe(true);
    const value = (answer as { value: { matrix: number[]; residualDeltaE: number } }).value;
    // A perfectly printed chart seen by a perfect camera: identity matrix, no residual.
    value.matrix.forEach((v, i) => expect(v).toBeCloseTo(i % 4 === 0 ? 1 : 0, 2));
    expect(value.residualDeltaE).toBeLessThan(0.5);
    const stored = JSON.parse(readFileSync(path.join(fx.dataDir, CALIBRATION_FILE), 'utf8')) as {
      matrix: number[];
    };
    expect(stored.matrix).toEqual(value.matrix);
    expect(fx.services.status().calibrated).toBe(true);

    // A kiosk restarted on the same data folder keeps its calibration.
    const again = createAnalysisServices(
      KioskConfigSchema.parse({ analysis: { executionProviders: ['cpu'] } }),
      sourceTreePaths(repoRoot, fx.dataDir),
      fx.sink,
    );
    try {
      expect(again.status().calibrated).toBe(true);
    } finally {
      await again.dispose();
    }
  });
});
