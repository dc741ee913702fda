import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CALIBRATION_FILE,
  ColorCalibrationStore,
} from '../../../../electron/adapters/inference/color-calibration-store';
import { calibrationRecord } from '../../../../electron/core/color/calibration-records';
import type { LogFields } from '../../../../electron/core/ports/logger-port';

const dirs: string[] = [];
const dir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'kiosk-calibration-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const logs: { msg: string; fields?: LogFields }[] = [];
const logger = {
  debug() {},
  info() {},
  error() {},
  warn: (msg: string, fields?: LogFields) => void logs.push({ msg, fields }),
};
const record = (camera: string) =>
  calibrationRecord(
    camera,
    {
      matrix: [1.1, 0, 0, 0, 1, 0, 0, 0, 0.9],
      toXyz: [0.41, 0.36, 0.18, 0.21, 0.72, 0.07, 0.02, 0.12, 0.95],
      whiteLevel: 0.72,
      patchDeltaE: new Array(24).fill(0.8),
      residualDeltaE: 0.8,
      maxDeltaE: 0.8,
      located: 'detected',
    },
    { exposureLocked: true, whiteBalanceLocked: false, settings: { exposureTime: 200 } },
    new Date('2026-02-01T09:00:00.000Z'),
  );

describe('colour calibration store', () => {
  it('keeps one calibration per camera across a restart, with the kiosk id', async () => {
    const d = dir();
    const store = new ColorCalibrationStore(d, 'k1', logger);
    await store.save(record('cam A'));
    await store.save(record('cam B'));
    const again = new ColorCalibrationStore(d, 'k1', logger);
    expect(Object.keys(again.all()).sort()).toEqual(['cam A', 'cam B']);
    expect(again.all()['cam A']).toEqual(record('cam A'));
    expect(JSON.parse(readFileSync(path.join(d, CALIBRATION_FILE), 'utf8'))).toMatchObject({
      version: 2,
      kioskId: 'k1',
    });
  });

  it('loses neither of two calibrations stored at the same moment', async () => {
    const d = dir();
    const store = new ColorCalibrationStore(d, 'k1', logger);
    await Promise.all([
      store.save(record('cam A')),
      store.save(record('cam B')),
      store.save(record('cam C')),
    ]);
    expect(Object.keys(new ColorCalibrationStore(d, 'k1', logger).all()).sort()).toEqual([
      'cam A',
      'cam B',
      'cam C',
    ]);
  });

  it('ignores, and says so once, a broken file, an old single-matrix file and another kiosk’s file', () => {
    const cases = [
      '{"version": 2, "kioskId": "k1", "cameras": {"x": {"matrix": [1]}}}',
      JSON.stringify({
        version: 1,
        matrix: [1, 0, 0, 0, 1, 0, 0, 0, 1],
        residualDeltaE: 0.5,
        savedAt: '2025-01-01T00:00:00Z',
      }),
      JSON.stringify({ version: 2, kioskId: 'k2', cameras: {} }),
      '\u0000\u0001 not json',
    ];
    for (const text of cases) {
      const d = dir();
      writeFileSync(path.join(d, CALIBRATION_FILE), text);
      logs.length = 0;
      expect(new ColorCalibrationStore(d, 'k1', logger).all()).toEqual({});
      expect(logs).toHaveLength(1);
    }
  });
});
