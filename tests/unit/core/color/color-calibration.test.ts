import { describe, expect, it } from 'vitest';
import {
  chartLayoutFor,
  COLOR_CHECKER_LINEAR,
  sampleChartPatches,
  type ChartLayout,
} from '../../../../electron/core/color/color-checker';
import { calibrateFromFrame, solveColorCalibration } from '../../../../electron/core/color/color-calibration';
import { diag3, mulMat, mulMatVec, type Mat3, type Vec3 } from '../../../../electron/core/color/matrix3';
import { linearRgbToLab } from '../../../../electron/core/color/color-spaces';
import { deltaE2000 } from '../../../../electron/core/color/delta-e-2000';
import { KioskError } from '../../../../electron/shared/result';
import { illuminantGains, putLinear, rng } from './synthetic-frames';

const W = 640;
const H = 480;
/** A camera: colour crosstalk between channels under cool-white fluorescent light, slightly dim. */
const CROSSTALK: Mat3 = [0.82, 0.14, 0.04, 0.08, 0.86, 0.06, 0.03, 0.17, 0.8];
const CAMERA = mulMat(CROSSTALK, diag3(illuminantGains('F2').map((g) => g * 0.85) as unknown as Vec3));

/** The chart drawn into `layout` (black gaps between patches), seen through `camera`. */
function renderChart(layout: ChartLayout, camera: Mat3, shift = 0): Uint8Array {
  const rgba = new Uint8Array(W * H * 4);
  const random = rng(7);
  const cellW = (layout.width * W) / layout.cols;
  const cellH = (layout.height * H) / layout.rows;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const u = (x - layout.x * W) / cellW + shift;
      const v = (y - layout.y * H) / cellH;
      const col = Math.floor(u);
      const row = Math.floor(v);
      const inPatch =
        col >= 0 &&
        col < 6 &&
        row >= 0 &&
        row < 4 &&
        u - col > 0.1 &&
        u - col < 0.9 &&
        v - row > 0.1 &&
        v - row < 0.9;
      const ref: Vec3 = inPatch ? COLOR_CHECKER_LINEAR[row * 6 + col]! : [0.01, 0.01, 0.01];
      const n = 1 + 0.01 * (random() * 2 - 1);
      const cam = mulMatVec(camera, ref);
      putLinear(rgba, y * W + x, [cam[0] * n, cam[1] * n, cam[2] * n]);
    }
  }
  return rgba;
}

describe('colour calibration', () => {
  it('recovers a camera with crosstalk exactly from noise-free patch values', () => {
    const measured = COLOR_CHECKER_LINEAR.map((r) => mulMatVec(CAMERA, r));
    const calibration = solveColorCalibration(measured);
    expect(calibration.residualDeltaE).toBeLessThan(1e-6);
    expect(calibration.patchDeltaE).toHaveLength(24);
  });

  it('solves the matrix from a rendered chart with residual ΔE00 below 1, far better than gains alone', () => {
    const frame = renderChart(chartLayoutFor(W, H), CAMERA);
    const calibration = calibrateFromFrame(frame, W, H);
    expect(calibration.residualDeltaE).toBeLessThan(1);
    expect(calibration.maxDeltaE).toBeLessThan(3);
    // White balance alone (gains that neutralise the mid grays) cannot undo the crosstalk.
    const patches = sampleChartPatches(frame, W, H).map((p) => p.linear);
    const grays = [19, 20, 21, 22].map((i) => patches[i]!);
    const mean = [0, 1, 2].map((c) => grays.reduce((s, g) => s + g[c]!, 0) / grays.length);
    const y = 0.2126 * mean[0]! + 0.7152 * mean[1]! + 0.0722 * mean[2]!;
    const balanced = patches.map((p) => mulMatVec(diag3([y / mean[0]!, y / mean[1]!, y / mean[2]!]), p));
    const gainsOnly = balanced.map((p, i) =>
      deltaE2000(linearRgbToLab(p), linearRgbToLab(COLOR_CHECKER_LINEAR[i]!)),
    );
    expect(gainsOnly.reduce((s, d) => s + d, 0) / 24).toBeGreaterThan(2 * calibration.residualDeltaE + 1);
  });

  it('refuses a chart that sits half a patch off the guide', () => {
    const frame = renderChart(chartLayoutFor(W, H), CAMERA, 0.5);
    expect(() => calibrateFromFrame(frame, W, H)).toThrow(/not uniform/);
  });

  it('refuses a frame without a chart (the neutral row does not darken)', () => {
    const frame = new Uint8Array(W * H * 4).fill(128);
    try {
      calibrateFromFrame(frame, W, H);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(KioskError);
      expect((error as KioskError).code).toBe('INVALID_INPUT');
    }
  });

  it('refuses an overexposed chart', () => {
    const frame = renderChart(chartLayoutFor(W, H), mulMat(diag3([4, 4, 4]), CAMERA));
    expect(() => calibrateFromFrame(frame, W, H)).toThrow(/overexposed|neutral row/);
  });

  it('lays the guide out as a centred 3:2 rectangle', () => {
    const wide = chartLayoutFor(1280, 720);
    expect((wide.width * 1280) / (wide.height * 720)).toBeCloseTo(1.5, 10);
    expect(wide.x + wide.width / 2).toBeCloseTo(0.5, 10);
    expect(wide.y + wide.height / 2).toBeCloseTo(0.5, 10);
  });
});
