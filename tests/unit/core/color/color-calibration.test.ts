import { describe, expect, it } from 'vitest';
import { calibrateFromFrame } from '../../../../electron/core/color/chart-calibration';
import {
  chartGuideFor,
  COLOR_CHECKER_LINEAR,
  COLOR_CHECKER_SRGB8,
} from '../../../../electron/core/color/color-checker';
import {
  assertCalibrationAcceptable,
  CALIBRATION_LIMITS,
  solveColorCalibration,
} from '../../../../electron/core/color/color-calibration';
import {
  applyHomography,
  fitHomography,
  gridHomographyFromCorners,
  type Point,
} from '../../../../electron/core/color/homography';
import { linearRgbToLab } from '../../../../electron/core/color/color-spaces';
import { deltaE2000 } from '../../../../electron/core/color/delta-e-2000';
import { diag3, mulMat, mulMatVec, type Mat3, type Vec3 } from '../../../../electron/core/color/matrix3';
import { KioskError } from '../../../../electron/shared/result';
import { LIGHTS, processed } from '../../../support/tone-truth/lights-and-camera';
import { cameraOf, reflectanceFor } from '../../../support/tone-truth/spectral-model';
import { COLOR_CHECKER_LAB } from '../../../../electron/core/color/color-checker';
import { gridAt, renderChartScene } from './chart-frames';
import { illuminantGains } from './synthetic-frames';

const W = 640;
const H = 480;
const CROSSTALK: Mat3 = [0.82, 0.14, 0.04, 0.08, 0.86, 0.06, 0.03, 0.17, 0.8];
/** Crosstalk under cool-white fluorescent light, the chart's white at 62 % of full scale. */
const CAMERA = mulMat(CROSSTALK, diag3(illuminantGains('F2').map((g) => g * 0.68) as unknown as Vec3));
const NAMES = COLOR_CHECKER_SRGB8.map(([n]) => n);

const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(KioskError);
    return (error as KioskError).code;
  }
  throw new Error('expected a KioskError');
};

describe('homography', () => {
  it('recovers a perspective map from its grid corners and maps points through it', () => {
    const corners: Point[] = [
      [100, 80],
      [400, 110],
      [390, 300],
      [90, 320],
    ];
    const h = gridHomographyFromCorners(corners, 6, 4)!;
    corners.forEach((c, k) => {
      const [x, y] = applyHomography(h, [0, 6, 6, 0][k]!, [0, 0, 4, 4][k]!);
      expect(Math.hypot(x - c[0], y - c[1])).toBeLessThan(1e-6);
    });
    const inverse = fitHomography(corners, [
      [0, 0],
      [6, 0],
      [6, 4],
      [0, 4],
    ])!;
    const [u, v] = applyHomography(inverse, ...applyHomography(h, 2.5, 1.5));
    expect(u).toBeCloseTo(2.5, 6);
    expect(v).toBeCloseTo(1.5, 6);
  });

  it('has none for points on a line or fewer than four', () => {
    expect(
      gridHomographyFromCorners(
        [
          [0, 0],
          [1, 1],
          [2, 2],
          [3, 3],
        ],
        6,
        4,
      ),
    ).toBeNull();
    expect(fitHomography([[0, 0]], [[1, 1]])).toBeNull();
  });
});

describe('chart calibration', () => {
  it('recovers a camera with crosstalk from noise-free patches, to absolute scale', () => {
    const calibration = solveColorCalibration(COLOR_CHECKER_LINEAR.map((r) => mulMatVec(CAMERA, r)));
    expect(calibration.residualDeltaE).toBeLessThan(1e-6);
    expect(calibration.patchDeltaE).toHaveLength(24);
    // The exposure reference: a perfect white reads at the camera's own white level.
    expect(calibration.whiteLevel).toBeCloseTo(
      mulMatVec(CAMERA, [1, 1, 1]).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i]!, 0),
      3,
    );
  });

  it('measures lightness against the chart white, not the exposure: ×0.8 and ×1.2 read the same skin', () => {
    const skin: Vec3 = [0.24, 0.16, 0.12];
    const read = (exposure: number) => {
      const camera = mulMat(diag3([exposure, exposure, exposure]), CAMERA);
      const cal = solveColorCalibration(COLOR_CHECKER_LINEAR.map((r) => mulMatVec(camera, r)));
      return linearRgbToLab(mulMatVec(cal.matrix, mulMatVec(camera, skin)));
    };
    for (const exposure of [0.8, 1.2]) expect(deltaE2000(read(exposure), read(1))).toBeLessThan(1e-6);
  });

  it.each(LIGHTS.map((l) => [l.label, l] as const))(
    'fits a spectrally rendered chart under %s within the limits, per patch',
    (_label, light) => {
      const measured = COLOR_CHECKER_LAB.map((lab) =>
        processed(cameraOf(reflectanceFor(lab), light.spectrum), 1),
      );
      const calibration = solveColorCalibration(measured);
      expect(calibration.residualDeltaE).toBeLessThan(CALIBRATION_LIMITS.meanDeltaE);
      expect(() => assertCalibrationAcceptable(calibration, NAMES)).not.toThrow();
      // A 3 × 3 matrix cannot undo metamerism exactly: the fit has an honest, non-zero residual.
      expect(calibration.maxDeltaE).toBeGreaterThan(0.5);
    },
  );

  it('solves from a rendered chart in the staff guide, far better than white balance alone', () => {
    const frame = renderChartScene({ width: W, height: H, corners: gridFromGuide(), camera: CAMERA });
    const calibration = calibrateFromFrame(frame, W, H, { guide: true });
    expect(calibration.residualDeltaE).toBeLessThan(1);
    expect(calibration.maxDeltaE).toBeLessThan(3);
    const balanced = COLOR_CHECKER_LINEAR.map((r) => {
      const cam = mulMatVec(CAMERA, r);
      const white = mulMatVec(CAMERA, [1, 1, 1]);
      return [cam[0] / white[0], cam[1] / white[1], cam[2] / white[2]] as Vec3;
    });
    const gainsOnly = balanced.map((p, i) =>
      deltaE2000(linearRgbToLab(p), linearRgbToLab(COLOR_CHECKER_LINEAR[i]!)),
    );
    expect(gainsOnly.reduce((s, d) => s + d, 0) / 24).toBeGreaterThan(2 * calibration.residualDeltaE + 1);
  });

  it('takes the chart through given corners when asked', () => {
    const corners = gridAt(120, 100, 45);
    const frame = renderChartScene({ width: W, height: H, corners, camera: CAMERA, noise: 0.01 });
    expect(calibrateFromFrame(frame, W, H, { corners }).located).toBe('corners');
  });

  it('refuses a chart with glare on the neutral row, naming the worst patches', () => {
    const glare = COLOR_CHECKER_LINEAR.map((p, i) =>
      i === 20 || i === 21 ? ([p[0] + 0.25, p[1] + 0.25, p[2] + 0.1] as Vec3) : p,
    );
    const frame = renderChartScene({
      width: W,
      height: H,
      corners: gridAt(120, 100, 60),
      camera: CAMERA,
      patches: glare,
    });
    expect(codeOf(() => calibrateFromFrame(frame, W, H))).toMatch(/CALIBRATION_REJECTED|CHART_NOT_FOUND/);
    const measured = COLOR_CHECKER_LINEAR.map((r, i) =>
      mulMatVec(CAMERA, i === 1 ? [r[0] * 0.6, r[1], r[2] * 1.4] : r),
    );
    const poor = solveColorCalibration(measured);
    expect(() => assertCalibrationAcceptable(poor, NAMES)).toThrow(/light skin/);
  });

  it('refuses an overexposed chart, a frame without one, and a chart beside the guide', () => {
    const bright = renderChartScene({
      width: W,
      height: H,
      corners: gridAt(120, 100, 60),
      camera: mulMat(diag3([4, 4, 4]), CAMERA),
    });
    expect(codeOf(() => calibrateFromFrame(bright, W, H))).toMatch(/CALIBRATION_REJECTED|CHART_NOT_FOUND/);
    expect(codeOf(() => calibrateFromFrame(new Uint8Array(W * H * 4).fill(128), W, H))).toBe(
      'CHART_NOT_FOUND',
    );
    // Half a patch off the guide, with the detector unable to see patches (heavy texture):
    const off = renderChartScene({
      width: W,
      height: H,
      corners: shifted(gridFromGuide(), 0.5),
      camera: CAMERA,
      noise: 0.35,
    });
    expect(codeOf(() => calibrateFromFrame(off, W, H, { guide: true }))).toBe('CHART_NOT_FOUND');
  });
});

/** The staff guide's grid corners. */
function gridFromGuide(): Point[] {
  const h = chartGuideFor(W, H);
  return [
    [0, 0],
    [6, 0],
    [6, 4],
    [0, 4],
  ].map(([u, v]) => applyHomography(h, u!, v!));
}

/** Corners moved right by `cells` patch pitches. */
function shifted(corners: readonly Point[], cells: number): Point[] {
  const pitch = (corners[1]![0] - corners[0]![0]) / 6;
  return corners.map(([x, y]) => [x + cells * pitch, y]);
}
