import { describe, expect, it } from 'vitest';
import {
  calibrationFor,
  calibrationRecord,
  calibrationStatus,
  DEFAULT_CAMERA,
  type CalibrationRecord,
} from '../../../../electron/core/color/calibration-records';
import type { ChartCalibration } from '../../../../electron/core/color/chart-calibration';

const solved: ChartCalibration = {
  matrix: [1, 0, 0, 0, 1, 0, 0, 0, 1],
  toXyz: [0.41, 0.36, 0.18, 0.21, 0.72, 0.07, 0.02, 0.12, 0.95],
  whiteLevel: 0.7,
  patchDeltaE: Array.from({ length: 24 }, (_, i) => (i === 3 ? null : 0.5)),
  residualDeltaE: 0.5,
  maxDeltaE: 0.5,
  located: 'detected',
};
const lock = {
  exposureLocked: true,
  whiteBalanceLocked: true,
  settings: { exposureTime: 156, colorTemperature: 4600 },
};
const at = (camera: string, iso: string): CalibrationRecord =>
  calibrationRecord(camera, solved, lock, new Date(iso));
const DAY = 24 * 60 * 60_000;

describe('calibrations per camera', () => {
  const c920 = at('HD Pro Webcam C920', '2026-01-01T10:00:00.000Z');
  const fallback = at(DEFAULT_CAMERA, '2026-01-02T10:00:00.000Z');

  it("uses the camera's own calibration, else the default one; another camera's never", () => {
    expect(calibrationFor({ [c920.camera]: c920 }, 'HD Pro Webcam C920')).toBe(c920);
    expect(calibrationFor({ [c920.camera]: c920 }, 'Brio 4K')).toBeNull();
    expect(calibrationFor({ [c920.camera]: c920, [DEFAULT_CAMERA]: fallback }, 'Brio 4K')).toBe(fallback);
    expect(calibrationFor({ [c920.camera]: c920, [DEFAULT_CAMERA]: fallback }, 'HD Pro Webcam C920')).toBe(
      c920,
    );
  });

  it('with no camera named (a photo on the command line), takes the default or the only one', () => {
    expect(calibrationFor({ [c920.camera]: c920 }, null)).toBe(c920);
    expect(
      calibrationFor({ [c920.camera]: c920, other: at('other', '2026-01-01T00:00:00.000Z') }, null),
    ).toBeNull();
    expect(calibrationFor({}, null)).toBeNull();
  });

  it('is missing, ok, then stale after the allowed age, and reports its patches', () => {
    const records = { [c920.camera]: c920 };
    const t0 = Date.parse(c920.savedAt);
    expect(calibrationStatus(records, 'Brio 4K', t0, 30)).toMatchObject({
      state: 'missing',
      calibration: null,
    });
    const fresh = calibrationStatus(records, c920.camera, t0 + 29 * DAY, 30);
    expect(fresh).toMatchObject({ state: 'ok', ageDays: 29, camera: c920.camera });
    expect(fresh.calibration?.patches[0]).toEqual({ name: 'dark skin', hex: '#735244', deltaE: 0.5 });
    expect(fresh.calibration?.patches[3]?.deltaE).toBeNull();
    expect(calibrationStatus(records, c920.camera, t0 + 31 * DAY, 30).state).toBe('stale');
  });
});
