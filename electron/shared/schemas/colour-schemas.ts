import { z } from 'zod';

/**
 * The camera's colour settings the kiosk locks and restores: MediaStreamTrack constraints from the
 * Image Capture spec. Only those the camera reported in `getCapabilities()` are present.
 */
export const CameraColourSettings = z.object({
  exposureMode: z.enum(['manual', 'continuous', 'single-shot', 'none']).optional(),
  exposureTime: z.number().positive().max(1e6).optional(),
  exposureCompensation: z.number().min(-100).max(100).optional(),
  iso: z.number().positive().max(1e6).optional(),
  whiteBalanceMode: z.enum(['manual', 'continuous', 'single-shot', 'none']).optional(),
  colorTemperature: z.number().min(1000).max(20000).optional(),
});
export type CameraColourSettings = z.infer<typeof CameraColourSettings>;

/** The camera a frame came from and whether its exposure and white balance are locked. */
export const CameraDescription = z.object({
  /** The track's label, e.g. "HD Pro Webcam C920 (046d:082d)": calibrations are kept per camera. */
  label: z.string().min(1).max(200),
  exposureLocked: z.boolean(),
  whiteBalanceLocked: z.boolean(),
  /** The locked values, re-applied whenever the camera starts. */
  settings: CameraColourSettings,
});
export type CameraDescription = z.infer<typeof CameraDescription>;

/** One chart patch's fit after calibration. */
export const PatchResidual = z.object({
  name: z.string(),
  /** The patch's reference colour as sRGB hex, for the staff screen's swatch. */
  hex: z.string().regex(/^#[0-9a-f]{6}$/),
  /** CIEDE2000 between the corrected patch and its reference; null when it was left out (clipped). */
  deltaE: z.number().nonnegative().nullable(),
});
export type PatchResidual = z.infer<typeof PatchResidual>;

/** A stored chart calibration as the staff screen and the CLI show it. */
export const CalibrationReport = z.object({
  camera: z.string(),
  /** ISO time the calibration was stored. */
  savedAt: z.string(),
  residualDeltaE: z.number().nonnegative(),
  maxDeltaE: z.number().nonnegative(),
  /** Camera luminance of a white surface (0–1 of full scale): the exposure reference. */
  whiteLevel: z.number().positive(),
  exposureLocked: z.boolean(),
  whiteBalanceLocked: z.boolean(),
  /** How the chart was found: automatically, through given corners, or in the staff guide. */
  located: z.enum(['detected', 'corners', 'guide']),
  patches: z.array(PatchResidual).length(24),
});
export type CalibrationReport = z.infer<typeof CalibrationReport>;

/**
 * Whether the camera in use has a chart calibration: `missing` (none for this camera), `stale`
 * (older than the configured age; light and camera drift) or `ok`.
 */
const CalibrationState = z.enum(['missing', 'stale', 'ok']);

export const CalibrationStatus = z.object({
  state: CalibrationState,
  /** The camera the status is for; null until the renderer has reported one. */
  camera: z.string().nullable(),
  calibration: CalibrationReport.nullable(),
  /** Days since the calibration was stored; null when missing. */
  ageDays: z.number().nonnegative().nullable(),
});
export type CalibrationStatus = z.infer<typeof CalibrationStatus>;
