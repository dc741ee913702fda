import type {
  CalibrationReport,
  CalibrationStatus,
  CameraColourSettings,
} from '../../shared/schemas/colour-schemas';
import type { ChartCalibration, ChartLocation } from './chart-calibration';
import { COLOR_CHECKER_SRGB8 } from './color-checker';
import type { Mat3 } from './matrix3';

/**
 * A kiosk's chart calibrations, one per camera, and which applies to the camera in use. A
 * calibration belongs to the camera that took the chart photo: another camera (a replacement, a
 * second one plugged in) has other sensors and needs its own.
 */
export interface CalibrationRecord {
  /** The camera's label as the browser reports it, or DEFAULT_CAMERA. */
  readonly camera: string;
  /** ISO time it was stored. */
  readonly savedAt: string;
  readonly matrix: Mat3;
  readonly whiteLevel: number;
  readonly residualDeltaE: number;
  readonly maxDeltaE: number;
  readonly patchDeltaE: readonly (number | null)[];
  readonly located: ChartLocation;
  readonly exposureLocked: boolean;
  readonly whiteBalanceLocked: boolean;
  /** The camera settings locked for it, restored whenever the camera starts. */
  readonly settings: CameraColourSettings;
}

/**
 * The key of a calibration made without naming a camera (`skinkiosk calibrate` without `--camera`):
 * it applies to any camera that has no calibration of its own.
 */
export const DEFAULT_CAMERA = 'default';

export function calibrationRecord(
  camera: string,
  solved: ChartCalibration,
  lock: { exposureLocked: boolean; whiteBalanceLocked: boolean; settings: CameraColourSettings },
  now: Date,
): CalibrationRecord {
  return {
    camera,
    savedAt: now.toISOString(),
    matrix: solved.matrix,
    whiteLevel: solved.whiteLevel,
    residualDeltaE: solved.residualDeltaE,
    maxDeltaE: solved.maxDeltaE,
    patchDeltaE: solved.patchDeltaE,
    located: solved.located,
    ...lock,
  };
}

/**
 * The calibration for `camera`: its own, else the default one. With no camera known (a photo on the
 * command line), the default one, else the only one stored.
 */
export function calibrationFor(
  records: Readonly<Record<string, CalibrationRecord>>,
  camera: string | null,
): CalibrationRecord | null {
  if (camera !== null && records[camera]) return records[camera];
  if (records[DEFAULT_CAMERA]) return records[DEFAULT_CAMERA];
  const all = Object.values(records);
  return camera === null && all.length === 1 ? all[0]! : null;
}

export function calibrationReport(record: CalibrationRecord): CalibrationReport {
  return {
    camera: record.camera,
    savedAt: record.savedAt,
    residualDeltaE: record.residualDeltaE,
    maxDeltaE: record.maxDeltaE,
    whiteLevel: record.whiteLevel,
    exposureLocked: record.exposureLocked,
    whiteBalanceLocked: record.whiteBalanceLocked,
    located: record.located,
    patches: COLOR_CHECKER_SRGB8.map(([name, r, g, b], i) => ({
      name,
      hex: `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`,
      deltaE: record.patchDeltaE[i] ?? null,
    })),
  };
}

const DAY_MS = 24 * 60 * 60_000;

/** Missing, stale (older than `maxAgeDays`) or ok, for the camera in use. */
export function calibrationStatus(
  records: Readonly<Record<string, CalibrationRecord>>,
  camera: string | null,
  nowMs: number,
  maxAgeDays: number,
): CalibrationStatus {
  const record = calibrationFor(records, camera);
  if (!record) return { state: 'missing', camera, calibration: null, ageDays: null };
  const age = Math.max(0, (nowMs - Date.parse(record.savedAt)) / DAY_MS);
  return {
    state: age > maxAgeDays ? 'stale' : 'ok',
    camera,
    calibration: calibrationReport(record),
    ageDays: Math.round(age * 10) / 10,
  };
}
