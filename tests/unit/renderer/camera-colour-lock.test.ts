import { describe, expect, it } from 'vitest';
import { currentColourSettings, planColourLock } from '../../../renderer/src/lib/camera-colour-lock';
import { CameraColourSettings } from '../../../electron/shared/schemas/colour-schemas';

/** What a UVC webcam in Chromium reports through getCapabilities(). */
const WEBCAM = {
  exposureMode: ['manual', 'continuous'],
  exposureTime: { min: 3, max: 2047 },
  whiteBalanceMode: ['manual', 'continuous'],
  colorTemperature: { min: 2800, max: 6500 },
};

describe('camera colour lock', () => {
  it('locks exposure and white balance at the settled values on a camera that offers both', () => {
    const plan = planColourLock(WEBCAM, { exposureTime: 156, colorTemperature: 4600 });
    expect(plan).toEqual({
      constraints: {
        exposureMode: 'manual',
        exposureTime: 156,
        whiteBalanceMode: 'manual',
        colorTemperature: 4600,
      },
      exposureLocked: true,
      whiteBalanceLocked: true,
    });
    expect(CameraColourSettings.parse(plan.constraints)).toEqual(plan.constraints);
  });

  it('keeps stored values inside what this camera can do', () => {
    expect(planColourLock(WEBCAM, { exposureTime: 5000, colorTemperature: 2000 }).constraints).toMatchObject({
      exposureTime: 2047,
      colorTemperature: 2800,
    });
  });

  it('asks for nothing a camera does not list (a constraint it lacks would fail them all)', () => {
    expect(planColourLock({}, { exposureTime: 100, colorTemperature: 5000 })).toEqual({
      constraints: {},
      exposureLocked: false,
      whiteBalanceLocked: false,
    });
    // Manual white balance without a temperature to hold is no lock.
    expect(planColourLock({ whiteBalanceMode: ['manual'] }, {}).whiteBalanceLocked).toBe(false);
    expect(planColourLock({ exposureMode: ['continuous'] }, { exposureTime: 100 }).exposureLocked).toBe(
      false,
    );
  });

  it('reads only finite colour settings from a track', () => {
    expect(
      currentColourSettings({ exposureTime: 120, colorTemperature: 0, iso: Number.NaN, width: 1280 }),
    ).toEqual({
      exposureTime: 120,
    });
  });
});
