import { KioskError } from '../../shared/result';
import { detectChart } from './chart-detector';
import { GRID_ORIENTATIONS, MAX_PATCH_SPREAD, sampleChart, type PatchSample } from './chart-sampler';
import {
  assertCalibrationAcceptable,
  solveColorCalibration,
  type ColorCalibration,
} from './color-calibration';
import { CHART_COLS, CHART_ROWS, chartGuideFor, COLOR_CHECKER_SRGB8 } from './color-checker';
import { gridHomographyFromCorners, type Homography, type Point } from './homography';

/** How the chart was located in the frame. */
export type ChartLocation = 'detected' | 'corners' | 'guide';

export interface ChartCalibration extends ColorCalibration {
  readonly located: ChartLocation;
}

export interface ChartCalibrationOptions {
  /**
   * The chart's four outer corners in frame pixels (top left of the brown "dark skin" patch first,
   * then clockwise), for a frame where automatic detection fails.
   */
  readonly corners?: readonly Point[];
  /** Fall back to the staff screen's guide rectangle when no chart is detected. */
  readonly guide?: boolean;
}

const PATCH_NAMES = COLOR_CHECKER_SRGB8.map(([name]) => name);

function locate(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  options: ChartCalibrationOptions,
): { homography: Homography; located: ChartLocation } | null {
  if (options.corners) {
    const homography = gridHomographyFromCorners(options.corners, CHART_COLS, CHART_ROWS);
    if (!homography) throw new KioskError('INVALID_INPUT', 'The four chart corners do not span an area.');
    return { homography, located: 'corners' };
  }
  const detected = detectChart(rgba, width, height);
  if (detected) return { homography: detected.homography, located: 'detected' };
  return options.guide ? { homography: chartGuideFor(width, height), located: 'guide' } : null;
}

/**
 * The chart's colour correction from one frame: the chart is found automatically anywhere in the
 * frame (or through given corners, or in the staff guide), its 24 patches sampled, and the reading
 * order (upright, turned, mirrored) chosen as the one that fits best. Throws CHART_NOT_FOUND when
 * there is no chart and CALIBRATION_REJECTED when the fit is too poor to use.
 */
export function calibrateFromFrame(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  options: ChartCalibrationOptions = {},
): ChartCalibration {
  const found = locate(rgba, width, height, options);
  if (!found) {
    throw new KioskError(
      'CHART_NOT_FOUND',
      'No colour chart was found: hold the whole 24-patch chart flat in view, evenly lit.',
    );
  }
  return calibrateAt(rgba, width, height, found);
}

function calibrateAt(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  found: { homography: Homography; located: ChartLocation },
): ChartCalibration {
  const samples = sampleChart(rgba, width, height, found.homography);
  const uneven = samples.findIndex((s) => s.spread > MAX_PATCH_SPREAD);
  if (uneven !== -1) {
    throw new KioskError(
      'CHART_NOT_FOUND',
      found.located === 'guide'
        ? `Patch ${uneven + 1} is not uniform: place the colour chart inside the guide.`
        : `Patch ${uneven + 1} is not uniform: the chart is creased, shaded or partly covered.`,
    );
  }
  const best = bestOrientation(samples);
  if (!best) {
    throw new KioskError(
      'CHART_NOT_FOUND',
      'The neutral row of the colour chart was not found: show the whole chart, evenly lit.',
    );
  }
  assertCalibrationAcceptable(best, PATCH_NAMES);
  return { ...best, located: found.located };
}

/** The reading of the grid (of the four) whose correction fits the chart best. */
function bestOrientation(samples: readonly PatchSample[]): ColorCalibration | null {
  let best: ColorCalibration | null = null;
  for (const orientation of GRID_ORIENTATIONS) {
    const ordered = samples.map((_, patch) => samples[orientation(patch)]!);
    let solved: ColorCalibration;
    try {
      solved = solveColorCalibration(ordered);
    } catch (error) {
      if (error instanceof KioskError && error.code === 'CHART_NOT_FOUND') continue;
      throw error;
    }
    if (!best || solved.residualDeltaE < best.residualDeltaE) best = solved;
  }
  return best;
}

/** A chart's correction when one is in the frame, else null (the frame is analysed without it). */
export function findChartCalibration(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
): ChartCalibration | null {
  const detected = detectChart(rgba, width, height);
  if (!detected) return null;
  return calibrateAt(rgba, width, height, { homography: detected.homography, located: 'detected' });
}
