import { labToSrgb, srgbToHex } from '../../../electron/core/color/color-spaces';
import { deltaE2000 } from '../../../electron/core/color/delta-e-2000';
import { matchShades, type ShadeOption } from '../../../electron/core/catalog/shade-matcher';
import { monkFromIta } from '../../../electron/core/skin/monk-scale';
import { skinLocusColour } from '../../../electron/core/skin/skin-locus';
import type { Lab, Undertone } from '../../../electron/shared/schemas/skin-profile-schemas';

/**
 * A broad foundation range for the shade-match figure: 57 depths along the skin locus (ITA° +66.25
 * … −73.75 in 2.5° steps, between the truth set's skin colours rather than on them) in three
 * undertones (cool: a* +2, b* −2.5; warm: a* −1, b* +2.5), 171 shades. Matching runs through the
 * kiosk's own `matchShades`.
 */
const UNDERTONES: readonly [Undertone, number, number][] = [
  ['cool', 2, -2.5],
  ['neutral', 0, 0],
  ['warm', -1, 2.5],
];

const SHADE_RANGE: readonly ShadeOption[] = Array.from({ length: 57 }, (_, k) => 66.25 - 2.5 * k).flatMap(
  (ita, k) =>
    UNDERTONES.map(([undertone, da, db]) => {
      const base = skinLocusColour(ita);
      const lab = { L: base.L, a: base.a + da, b: base.b + db };
      return {
        sku: 'TRUTH-RANGE',
        inStock: true,
        shade: {
          code: `${k}${undertone[0]}`,
          name: `${k} ${undertone}`,
          hex: srgbToHex(labToSrgb(lab)),
          lab,
          undertone,
          depth: monkFromIta(ita),
        },
      };
    }),
);

/** ΔE00 between the best shade for `measured` and the true skin colour. */
export function shadeMatchError(measured: Lab, truth: Lab): number {
  const best = matchShades(measured, SHADE_RANGE, 0).hits[0]!;
  return deltaE2000(best.option.shade.lab, truth);
}
