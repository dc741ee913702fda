import { describe, expect, it } from 'vitest';
import { detectChart } from '../../../../electron/core/color/chart-detector';
import { calibrateFromFrame } from '../../../../electron/core/color/chart-calibration';
import { CHART_COLS, CHART_ROWS } from '../../../../electron/core/color/color-checker';
import { applyHomography, type Point } from '../../../../electron/core/color/homography';
import type { Mat3 } from '../../../../electron/core/color/matrix3';
import { KioskError } from '../../../../electron/shared/result';
import { gridAt, renderChartScene, turned, type ChartScene } from './chart-frames';

const W = 640;
const H = 480;
/** A camera with channel crosstalk, a little dim. */
const CAMERA: Mat3 = [0.7, 0.12, 0.03, 0.07, 0.74, 0.05, 0.02, 0.14, 0.68];

const scene = (corners: readonly Point[], extra: Partial<ChartScene> = {}): Uint8Array =>
  renderChartScene({ width: W, height: H, corners, camera: CAMERA, ...extra });

/** Largest distance between the detected grid's corners and the true ones, in pixels. */
function cornerError(frame: Uint8Array, truth: readonly Point[]): number {
  const found = detectChart(frame, W, H);
  expect(found, 'chart found').not.toBeNull();
  // The detector does not know which corner is the chart's top left (only colour tells): compare
  // its four corners with the truth's as a set.
  const corners = (
    [
      [0, 0],
      [CHART_COLS, 0],
      [CHART_COLS, CHART_ROWS],
      [0, CHART_ROWS],
    ] as const
  ).map(([u, v]) => applyHomography(found!.homography, u, v));
  return Math.max(...truth.map((t) => Math.min(...corners.map((c) => Math.hypot(c[0] - t[0], c[1] - t[1])))));
}

describe('chart detection', () => {
  it.each([
    ['centred, level', gridAt(170, 120, 50)],
    ['small, in a corner', gridAt(20, 330, 20)],
    ['turned 12°', turned(gridAt(200, 150, 40), (12 * Math.PI) / 180)],
    ['upside down', turned(gridAt(200, 150, 40), Math.PI)],
    [
      'in perspective',
      [
        [210, 110],
        [520, 140],
        [500, 330],
        [190, 360],
      ] as Point[],
    ],
  ])('finds the chart %s, corners within 2 px', (_name, corners) => {
    expect(cornerError(scene(corners), corners)).toBeLessThan(2);
  });

  it('finds it among clutter: coloured squares all over the wall', () => {
    const corners = gridAt(260, 180, 36);
    expect(cornerError(scene(corners, { clutter: 60, seed: 11 }), corners)).toBeLessThan(2);
  });

  it('finds nothing in a frame without a chart, and in one of scattered squares', () => {
    expect(detectChart(new Uint8Array(W * H * 4).fill(128), W, H)).toBeNull();
    expect(detectChart(scene(gridAt(-2000, -2000, 10), { clutter: 80, seed: 5 }), W, H)).toBeNull();
  });

  it('calibrates from a chart it found, read the right way round even turned or mirrored', () => {
    for (const corners of [
      gridAt(170, 120, 50),
      turned(gridAt(170, 120, 50), Math.PI),
      // Mirrored left–right, as a selfie camera shows it: the top-left corner is on the right.
      [
        [470, 120],
        [170, 120],
        [170, 320],
        [470, 320],
      ] as Point[],
    ]) {
      const calibration = calibrateFromFrame(scene(corners), W, H);
      expect(calibration.located).toBe('detected');
      expect(calibration.residualDeltaE).toBeLessThan(1);
    }
  });

  it('refuses 24 squares that are not a chart (no neutral row)', () => {
    const patches = Array.from({ length: 24 }, (_, i) => [0.05 + 0.03 * i, 0.3, 0.6 - 0.02 * i] as const);
    try {
      calibrateFromFrame(scene(gridAt(170, 120, 50), { patches }), W, H);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(KioskError);
      expect((error as KioskError).code).toBe('CHART_NOT_FOUND');
    }
  });
});
