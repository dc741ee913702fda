import type {
  ColourMode,
  ItaClass,
  Lab,
  SkinTone,
  SkinUndertone,
} from '../../shared/schemas/skin-profile-schemas';
import { labToLch, labToSrgb, srgbToHex } from '../color/color-spaces';
import { monkFromIta } from './monk-scale';
import { inSkinLocus } from './skin-locus';

/**
 * Skin-tone descriptors computed from a measured CIELAB (D65) colour: ITA° with Chardon's classes,
 * the Monk level mapped from ITA°, and an undertone from the hue angle inside the skin locus. See
 * docs/colour.md.
 */

/**
 * Smallest b* ITA° is computed for. ITA's domain is b* > 0 (skin always reflects less blue than
 * yellow); within ±2 of 0 the sign of b* is inside the measurement's own noise, and a grey colour
 * would read as ±90° (the "very light" or "dark" extreme) from that noise alone.
 */
export const ITA_MIN_B = 2;

/** Individual Typology Angle atan((L* − 50)/b*) in degrees, or null outside its domain (b* < 2). */
export function itaDegrees(lab: Lab): number | null {
  if (!(lab.b >= ITA_MIN_B)) return null;
  return (Math.atan((lab.L - 50) / lab.b) * 180) / Math.PI;
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

/** Hue-angle bounds (degrees) between cool, neutral and warm undertones inside the skin locus. */
export const UNDERTONE_HUE = { coolBelow: 50, warmAbove: 60 } as const;

/**
 * Undertone from the hue angle h_ab: redder/pinker skin (lower h) reads cool, yellower/golden skin
 * (higher h) warm. Outside the skin locus — grey, blue, green, or too little chroma for a hue — it
 * is `cannot_tell`: such a colour says the light or the camera is wrong, not what the skin is.
 */
export function undertoneOf(lab: Lab): SkinUndertone {
  if (!inSkinLocus(lab)) return 'cannot_tell';
  const { h } = labToLch(lab);
  if (h < UNDERTONE_HUE.coolBelow) return 'cool';
  if (h > UNDERTONE_HUE.warmAbove) return 'warm';
  return 'neutral';
}

// Below this chroma the hue angle is mostly noise, so the tone's confidence is lowered.
const RELIABLE_CHROMA = 6;

/** Every tone descriptor for one measured colour; `confidence` comes from the measurement. */
export function describeTone(lab: Lab, confidence: number, colourMode: ColourMode): SkinTone {
  const ita = itaDegrees(lab);
  const chromaFactor = Math.min(1, labToLch(lab).C / RELIABLE_CHROMA);
  return {
    ita,
    itaClass: ita === null ? null : itaClassOf(ita),
    monk: ita === null ? null : monkFromIta(ita),
    withheld: ita === null ? 'no_yellow' : null,
    undertone: undertoneOf(lab),
    lab: { L: lab.L, a: lab.a, b: lab.b },
    hex: srgbToHex(labToSrgb(lab)),
    colourMode,
    confidence: Math.min(1, Math.max(0, confidence * (0.5 + 0.5 * chromaFactor))),
  };
}
