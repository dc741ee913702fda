import type { Lab } from '../../shared/schemas/skin-profile-schemas';
import { labToLch } from '../color/color-spaces';

/**
 * The skin locus: where measured human skin lies in CIELAB (D65). Spectrophotometer surveys put
 * skin hue angles h_ab between about 40° and 70° and chroma C*ab between about 8 and 30 for every
 * ITA class (Chardon 1991; Del Bino 2006 and 2013; Xiao 2017). The kiosk uses it three ways: the
 * undertone is read only inside it, the uncalibrated illuminant estimate is pulled toward
 * illuminants that put the face inside it, and the tone benchmark draws its measured-skin colours
 * from `skinLocusColour`. docs/colour.md has the figures.
 */
export const SKIN_LOCUS = {
  /** Hue angles (degrees) skin can have, with a margin for measurement error. */
  hueMin: 35,
  hueMax: 80,
  /** Below this chroma the hue angle is too uncertain to read an undertone from. */
  chromaMin: 8,
  /** Above this chroma no skin is known; a correction that lands here is wrong. */
  chromaMax: 40,
} as const;

/** True when a colour's hue and chroma are those of skin. */
export function inSkinLocus(lab: Lab): boolean {
  const { C, h } = labToLch(lab);
  return (
    C >= SKIN_LOCUS.chromaMin && C <= SKIN_LOCUS.chromaMax && h >= SKIN_LOCUS.hueMin && h <= SKIN_LOCUS.hueMax
  );
}

/**
 * How far (in a*b* units) a colour lies outside the skin locus: 0 inside, else the distance to the
 * nearest point of the locus' a*b* sector. The uncalibrated illuminant estimate uses it as a prior.
 */
export function skinLocusDistance(lab: Lab): number {
  const { C, h } = labToLch(lab);
  const hue = h > 270 ? h - 360 : h;
  const clampedHue = Math.min(SKIN_LOCUS.hueMax, Math.max(SKIN_LOCUS.hueMin, hue));
  const clampedChroma = Math.min(SKIN_LOCUS.chromaMax, Math.max(SKIN_LOCUS.chromaMin, C));
  const rad = (clampedHue * Math.PI) / 180;
  return Math.hypot(lab.a - clampedChroma * Math.cos(rad), lab.b - clampedChroma * Math.sin(rad));
}

/**
 * A typical measured skin colour at a given ITA°: b* peaks near 18.5 for tan and brown skin and
 * falls toward very light and very deep skin, a* follows the same shape around 11, and L* follows
 * from ITA° = atan((L* − 50)/b*). It matches the class means reported for the Chardon classes
 * (very light L* ≈ 70, b* ≈ 12; tan L* ≈ 55, b* ≈ 18; dark L* ≈ 35, b* ≈ 13) to within a few units.
 */
export function skinLocusColour(ita: number): Lab {
  const s = ((ita - 5) / 57) ** 2;
  const b = 18.5 - 6.5 * s;
  const a = 11 - 2.5 * s;
  return { L: 50 + b * Math.tan((ita * Math.PI) / 180), a, b };
}
