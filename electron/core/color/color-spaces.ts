import type { Lab } from '../../shared/schemas/skin-profile-schemas';
import { invert3, mulMatVec, type Mat3, type Vec3 } from './matrix3';

/**
 * sRGB (IEC 61966-2-1) and CIELAB (CIE 15, D65 white) conversions. Linear RGB means linear-light sRGB
 * primaries; "sRGB" means the gamma-encoded values in [0,1].
 */

/** Linear sRGB → CIE XYZ (D65), the IEC 61966-2-1 matrix. */
export const SRGB_TO_XYZ: Mat3 = [
  0.4124564, 0.3575761, 0.1804375, 0.2126729, 0.7151522, 0.072175, 0.0193339, 0.119192, 0.9503041,
];
export const XYZ_TO_SRGB: Mat3 = invert3(SRGB_TO_XYZ);

/** D65 reference white (Y = 1), as the rows of SRGB_TO_XYZ sum to. */
export const D65_WHITE: Vec3 = [0.95047, 1.0, 1.08883];

/** CIE constants ε = (6/29)³ and κ = (29/3)³, in the exact rational form CIE recommends. */
const LAB_EPSILON = 216 / 24389;
const LAB_KAPPA = 24389 / 27;

/** Rec. 709 luma weights, also the Y row of SRGB_TO_XYZ. */
export const LUMA_WEIGHTS: Vec3 = [0.2126, 0.7152, 0.0722];

export function srgbToLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function linearToSrgb(c: number): number {
  return c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055;
}

const labF = (t: number): number => (t > LAB_EPSILON ? Math.cbrt(t) : (LAB_KAPPA * t + 16) / 116);
const labFInv = (f: number): number => (f ** 3 > LAB_EPSILON ? f ** 3 : (116 * f - 16) / LAB_KAPPA);

export function xyzToLab(xyz: Vec3, white: Vec3 = D65_WHITE): Lab {
  const fx = labF(xyz[0] / white[0]);
  const fy = labF(xyz[1] / white[1]);
  const fz = labF(xyz[2] / white[2]);
  return { L: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz) };
}

function labToXyz(lab: Lab, white: Vec3 = D65_WHITE): Vec3 {
  const fy = (lab.L + 16) / 116;
  const fx = fy + lab.a / 500;
  const fz = fy - lab.b / 200;
  return [labFInv(fx) * white[0], labFInv(fy) * white[1], labFInv(fz) * white[2]];
}

export function linearRgbToLab(rgb: Vec3): Lab {
  return xyzToLab(mulMatVec(SRGB_TO_XYZ, rgb));
}

export function labToLinearRgb(lab: Lab): Vec3 {
  return mulMatVec(XYZ_TO_SRGB, labToXyz(lab));
}

/** Gamma-encoded sRGB in [0,1] → CIELAB. */
export function srgbToLab(rgb: Vec3): Lab {
  return linearRgbToLab([srgbToLinear(rgb[0]), srgbToLinear(rgb[1]), srgbToLinear(rgb[2])]);
}

/** CIELAB → gamma-encoded sRGB, each channel clipped into [0,1] (out-of-gamut colours are clipped). */
export function labToSrgb(lab: Lab): Vec3 {
  const lin = labToLinearRgb(lab);
  const enc = (c: number): number => Math.min(1, Math.max(0, linearToSrgb(Math.max(0, c))));
  return [enc(lin[0]), enc(lin[1]), enc(lin[2])];
}

/** Chroma C*ab and hue angle h_ab in degrees [0, 360). */
export function labToLch(lab: Lab): { L: number; C: number; h: number } {
  const h = (Math.atan2(lab.b, lab.a) * 180) / Math.PI;
  return { L: lab.L, C: Math.hypot(lab.a, lab.b), h: h < 0 ? h + 360 : h };
}

/** `#rrggbb` → sRGB in [0,1]; throws a RangeError on anything else. */
export function hexToSrgb(hex: string): Vec3 {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new RangeError(`not a #rrggbb colour: ${hex}`);
  return [parseInt(match[1]!, 16) / 255, parseInt(match[2]!, 16) / 255, parseInt(match[3]!, 16) / 255];
}

/** sRGB in [0,1] → `#rrggbb` (lower case), each channel rounded to 8 bits. */
export function srgbToHex(rgb: Vec3): string {
  const byte = (c: number): string =>
    Math.round(Math.min(1, Math.max(0, c)) * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${byte(rgb[0])}${byte(rgb[1])}${byte(rgb[2])}`;
}
