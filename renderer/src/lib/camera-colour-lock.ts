import type { CameraColourSettings } from '../../../electron/shared/schemas/colour-schemas';

/**
 * Locking a camera's exposure and white balance through MediaStreamTrack constraints (W3C Image
 * Capture). Only what `getCapabilities()` lists is asked for, and only within its range: a
 * constraint the camera does not have would make `applyConstraints` fail as a whole.
 */

interface Range {
  readonly min?: number;
  readonly max?: number;
}

/** The Image Capture part of MediaTrackCapabilities (absent from TypeScript's DOM types). */
export interface ColourCapabilities {
  readonly exposureMode?: readonly string[];
  readonly exposureTime?: Range;
  readonly exposureCompensation?: Range;
  readonly iso?: Range;
  readonly whiteBalanceMode?: readonly string[];
  readonly colorTemperature?: Range;
}

export interface ColourLockPlan {
  /** The constraints to apply (empty when the camera can lock nothing). */
  readonly constraints: CameraColourSettings;
  readonly exposureLocked: boolean;
  readonly whiteBalanceLocked: boolean;
}

const within = (value: number | undefined, range: Range | undefined): number | undefined =>
  value === undefined || !range
    ? undefined
    : Math.min(range.max ?? value, Math.max(range.min ?? value, value));

/**
 * What to apply to lock the camera at `values`: the settings the camera's automatic modes settled
 * on (at calibration), or the ones stored with the calibration (when a shopper's session starts).
 * Exposure is locked only when the camera offers a manual exposure mode, white balance only when
 * it offers a manual mode and a colour temperature to hold.
 */
export function planColourLock(
  capabilities: ColourCapabilities,
  values: CameraColourSettings,
): ColourLockPlan {
  const constraints: Record<string, number | string> = {};
  const exposureLocked = capabilities.exposureMode?.includes('manual') === true;
  if (exposureLocked) {
    constraints.exposureMode = 'manual';
    const time = within(values.exposureTime, capabilities.exposureTime);
    if (time !== undefined) constraints.exposureTime = time;
    const compensation = within(values.exposureCompensation, capabilities.exposureCompensation);
    if (compensation !== undefined) constraints.exposureCompensation = compensation;
    const iso = within(values.iso, capabilities.iso);
    if (iso !== undefined) constraints.iso = iso;
  }
  const temperature = within(values.colorTemperature, capabilities.colorTemperature);
  const whiteBalanceLocked =
    capabilities.whiteBalanceMode?.includes('manual') === true && temperature !== undefined;
  if (whiteBalanceLocked) {
    constraints.whiteBalanceMode = 'manual';
    constraints.colorTemperature = temperature!;
  }
  return { constraints: constraints as CameraColourSettings, exposureLocked, whiteBalanceLocked };
}

/** The colour settings a track reports now (its automatic modes' current values). */
export function currentColourSettings(settings: Record<string, unknown>): CameraColourSettings {
  const pick: Record<string, unknown> = {};
  for (const key of ['exposureTime', 'exposureCompensation', 'iso', 'colorTemperature'] as const) {
    const v = settings[key];
    if (typeof v === 'number' && Number.isFinite(v) && v > (key === 'exposureCompensation' ? -100 : 0))
      pick[key] = v;
  }
  return pick as CameraColourSettings;
}
