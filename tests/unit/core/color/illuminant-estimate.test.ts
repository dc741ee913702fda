import { describe, expect, it } from 'vitest';
import { labToLch, labToLinearRgb, linearRgbToLab } from '../../../../electron/core/color/color-spaces';
import { deltaE2000 } from '../../../../electron/core/color/delta-e-2000';
import { estimateIlluminant, NOMINAL_WHITE_LEVEL } from '../../../../electron/core/color/illuminant-estimate';
import {
  distanceToLocus,
  logChroma,
  planckianXy,
  whiteOfXy,
} from '../../../../electron/core/color/planckian-locus';
import type { Vec3 } from '../../../../electron/core/color/matrix3';
import { skinLocusColour } from '../../../../electron/core/skin/skin-locus';
import type { Lab } from '../../../../electron/shared/schemas/skin-profile-schemas';

/** A colour of reflectance `lab` (D65) under a light of white `light`, at the nominal exposure. */
const seen = (lab: Lab, light: Vec3): Vec3 => {
  const rgb = labToLinearRgb(lab);
  return [
    rgb[0] * light[0] * NOMINAL_WHITE_LEVEL,
    rgb[1] * light[1] * NOMINAL_WHITE_LEVEL,
    rgb[2] * light[2] * NOMINAL_WHITE_LEVEL,
  ];
};
const corrected = (rgb: Vec3, gains: Vec3): Lab =>
  linearRgbToLab([rgb[0] * gains[0], rgb[1] * gains[1], rgb[2] * gains[2]]);

const INCANDESCENT = whiteOfXy(planckianXy(2856));
const DAYLIGHT: Vec3 = [1, 1, 1];
const SCLERA: Lab = { L: 82, a: 1.5, b: 7 };
const SKINS = [60, 30, 0, -30, -60].map(skinLocusColour);

describe('uncalibrated light estimate', () => {
  it('puts real lamps near its light loci: black bodies and daylight', () => {
    expect(distanceToLocus(logChroma(INCANDESCENT))).toBeLessThan(0.01);
    expect(distanceToLocus(logChroma(DAYLIGHT))).toBeLessThan(0.03);
  });

  it.each(SKINS.map((s) => [s.L.toFixed(0), s] as const))(
    'recovers skin of L* %s under incandescent light from the sclera and catchlight (ΔE00 < 4)',
    (_L, skin) => {
      const estimate = estimateIlluminant({
        sclera: { linear: seen(SCLERA, INCANDESCENT), count: 200, irisRadius: 12 },
        catchlight: seen({ L: 97, a: 0, b: 0 }, INCANDESCENT),
        background: null,
        skin: seen(skin, INCANDESCENT),
      });
      expect(deltaE2000(corrected(seen(skin, INCANDESCENT), estimate.gains), skin)).toBeLessThan(4);
      expect(estimate.cues).toEqual(['sclera', 'catchlight']);
      expect(estimate.confidence).toBeGreaterThan(0.55);
    },
  );

  it('never white-balances on the skin: a face alone stays skin-coloured, not grey or lavender', () => {
    // Gray world over skin makes the skin average neutral, which pushes b* to 0 and below.
    for (const light of [DAYLIGHT, INCANDESCENT, whiteOfXy(planckianXy(9000))])
      for (const skin of SKINS) {
        const observed = seen(skin, light);
        const estimate = estimateIlluminant({
          sclera: null,
          catchlight: null,
          background: null,
          skin: observed,
        });
        const lab = corrected(observed, estimate.gains);
        const { h } = labToLch(lab);
        expect(lab.b).toBeGreaterThan(5);
        expect(h).toBeGreaterThan(35);
        expect(h).toBeLessThan(80);
        expect(estimate.confidence).toBeCloseTo(0.3, 5);
      }
  });

  it('ignores a "sclera" that is lid and lash: too small an eye, or darker than the skin', () => {
    const skin = SKINS[1]!;
    const dark = { linear: seen({ L: 30, a: 20, b: 30 }, DAYLIGHT), count: 200, irisRadius: 12 };
    const tiny = { linear: seen(SCLERA, DAYLIGHT), count: 200, irisRadius: 3 };
    for (const sclera of [dark, tiny])
      expect(
        estimateIlluminant({ sclera, catchlight: null, background: null, skin: seen(skin, DAYLIGHT) }).cues,
      ).toEqual([]);
  });

  it('weighs a coloured background lightly: an orange wall does not make the face blue', () => {
    const skin = SKINS[2]!;
    const estimate = estimateIlluminant({
      sclera: { linear: seen(SCLERA, DAYLIGHT), count: 200, irisRadius: 12 },
      catchlight: null,
      background: { linear: seen({ L: 60, a: 25, b: 50 }, DAYLIGHT), trust: 1 },
      skin: seen(skin, DAYLIGHT),
    });
    expect(deltaE2000(corrected(seen(skin, DAYLIGHT), estimate.gains), skin)).toBeLessThan(5);
  });
});
