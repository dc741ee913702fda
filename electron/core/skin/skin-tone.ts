import type { ItaClass, Lab, SkinTone, Undertone } from '../../shared/schemas/skin-profile-schemas';
import { hexToSrgb, labToLch, labToSrgb, srgbToHex, srgbToLab } from '../color/color-spaces';
import { deltaE2000 } from '../color/delta-e-2000';

/**
 * Skin-tone descriptors computed from a measured CIELAB (D65) colour: ITA° with Chardon's classes,
 * the nearest Monk Skin Tone, and an undertone from the hue angle. See docs/skin-metrics.md.
 */

/** Individual Typology Angle: atan((L* − 50) / b*) in degrees (atan2, so b* ≤ 0 stays defined). */
export function itaDegrees(lab: Lab): number {
  return (Math.atan2(lab.L - 50, lab.b) * 180) / Math.PI;
}

/** Chardon et al. (1991) classes, lower bounds exclusive: >55, >41, >28, >10, >−30, else dark. */
export function itaClassOf(ita: number): ItaClass {
  if (ita > 55) return 'very_light';
  if (ita > 41) return 'light';
  if (ita > 28) return 'intermediate';
  if (ita > 10) return 'tan';
  if (ita > -30) return 'brown';
  return 'dark';
}

/** The Monk Skin Tone scale's published sRGB swatches (Monk 2019, skintone.google), 1 → 10. */
export const MONK_SWATCHES_HEX = [
  '#f6ede4',
  '#f3e7db',
  '#f7ead0',
  '#eadaba',
  '#d7bd96',
  '#a07e56',
  '#825c43',
  '#604134',
  '#3a312a',
  '#292420',
] as const;

export const MONK_SWATCHES_LAB: readonly Lab[] = MONK_SWATCHES_HEX.map((hex) => srgbToLab(hexToSrgb(hex)));

// The scale orders depth; its swatches' chroma and hue are illustrative and much lower than measured
// skin, so lightness counts double against chroma and hue when picking the nearest swatch.
const MONK_WEIGHTS = { kL: 1, kC: 2, kH: 2 } as const;

/** Nearest Monk Skin Tone (1–10) by CIEDE2000 with chroma and hue down-weighted (kC = kH = 2). */
export function nearestMonk(lab: Lab): number {
  let best = 0;
  let bestDistance = Infinity;
  MONK_SWATCHES_LAB.forEach((swatch, i) => {
    const d = deltaE2000(lab, swatch, MONK_WEIGHTS);
    if (d < bestDistance) {
      bestDistance = d;
      best = i;
    }
  });
  return best + 1;
}

/** Hue-angle bounds (degrees) between cool, neutral and warm undertones. */
export const UNDERTONE_HUE = { coolBelow: 48, warmAbove: 58 } as const;

/**
 * Undertone from the hue angle h_ab: redder/pinker skin (lower h) reads cool, yellower/golden skin
 * (higher h) warm. A heuristic on one measured colour, not a colour-analysis verdict.
 */
export function undertoneOf(lab: Lab): Undertone {
  const { h } = labToLch(lab);
  if (h < UNDERTONE_HUE.coolBelow) return 'cool';
  if (h > UNDERTONE_HUE.warmAbove) return 'warm';
  return 'neutral';
}

// Below this chroma the hue angle is mostly noise, so the tone's confidence is lowered.
const RELIABLE_CHROMA = 6;

/** Every tone descriptor for one measured colour; `confidence` comes from the measurement. */
export function describeTone(lab: Lab, confidence: number): SkinTone {
  const ita = itaDegrees(lab);
  const chromaFactor = Math.min(1, labToLch(lab).C / RELIABLE_CHROMA);
  return {
    ita,
    itaClass: itaClassOf(ita),
    monk: nearestMonk(lab),
    undertone: undertoneOf(lab),
    lab: { L: lab.L, a: lab.a, b: lab.b },
    hex: srgbToHex(labToSrgb(lab)),
    confidence: Math.min(1, Math.max(0, confidence * (0.5 + 0.5 * chromaFactor))),
  };
}
