import { xyzToLab, D65_WHITE } from '../../../electron/core/color/color-spaces';
import { invert3, mulMatVec, type Mat3, type Vec3 } from '../../../electron/core/color/matrix3';
import type { Lab } from '../../../electron/shared/schemas/skin-profile-schemas';

/**
 * Spectral light transport for the tone truth set: reflectance × illuminant, seen by the CIE 1931
 * observer (the truth) and by a camera with its own spectral sensitivities (what the kiosk gets).
 * A 3 × 3 correction cannot undo the difference between the two exactly, which is why calibrated
 * results carry a small, honest error instead of none.
 */

/** 380–780 nm in 5 nm steps. */
export const WAVELENGTHS: readonly number[] = Array.from({ length: 81 }, (_, i) => 380 + 5 * i);
export type Spectrum = Float64Array;

const spectrum = (f: (nm: number) => number): Spectrum => Float64Array.from(WAVELENGTHS, f);

/** Piecewise Gaussian with different widths either side of the peak. */
const lobe = (nm: number, mu: number, below: number, above: number): number =>
  Math.exp(-0.5 * ((nm - mu) / (nm < mu ? below : above)) ** 2);

/**
 * The CIE 1931 2° colour-matching functions in the multi-lobe analytic form of Wyman, Sloan and
 * Shirley (JCGT 2013), within about 1 % of the tabulated functions.
 */
const CMF: readonly [Spectrum, Spectrum, Spectrum] = [
  spectrum(
    (nm) =>
      1.056 * lobe(nm, 599.8, 37.9, 31) +
      0.362 * lobe(nm, 442, 16, 26.7) -
      0.065 * lobe(nm, 501.1, 20.4, 26.2),
  ),
  spectrum((nm) => 0.821 * lobe(nm, 568.8, 46.9, 40.5) + 0.286 * lobe(nm, 530.9, 16.3, 31.1)),
  spectrum((nm) => 1.217 * lobe(nm, 437, 11.8, 36) + 0.681 * lobe(nm, 459, 26, 13.8)),
];

/** A webcam's red, green and blue sensitivities behind an infrared-cut filter. */
const CAMERA: readonly [Spectrum, Spectrum, Spectrum] = (() => {
  const irCut = (nm: number): number => 1 / (1 + Math.exp((nm - 655) / 9));
  return [
    spectrum((nm) => irCut(nm) * (lobe(nm, 598, 30, 38) + 0.06 * lobe(nm, 450, 25, 25))),
    spectrum((nm) => irCut(nm) * lobe(nm, 534, 38, 42)),
    spectrum((nm) => irCut(nm) * lobe(nm, 462, 26, 32)),
  ];
})();

const dot = (a: Spectrum, b: Spectrum, c: Spectrum): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]! * c[i]!;
  return s;
};
const ONES = spectrum(() => 1);

/** CIE XYZ of `reflectance` under `light`, scaled so a perfect white reflector has Y = 1. */
export function xyzOf(reflectance: Spectrum, light: Spectrum): Vec3 {
  const y = dot(ONES, light, CMF[1]);
  return [
    dot(reflectance, light, CMF[0]) / y,
    dot(reflectance, light, CMF[1]) / y,
    dot(reflectance, light, CMF[2]) / y,
  ];
}

/** Raw camera response to `reflectance` under `light`, scaled like `xyzOf` (same light, same units). */
export function cameraOf(reflectance: Spectrum, light: Spectrum): Vec3 {
  const y = dot(ONES, light, CMF[1]);
  return [
    dot(reflectance, light, CAMERA[0]) / y,
    dot(reflectance, light, CAMERA[1]) / y,
    dot(reflectance, light, CAMERA[2]) / y,
  ];
}

export function chromaticity(light: Spectrum): [number, number] {
  const [x, y, z] = xyzOf(ONES, light);
  return [x / (x + y + z), y / (x + y + z)];
}

/** Planck's law, relative (λ in nm, T in kelvin). */
export const planck = (temperature: number): Spectrum =>
  spectrum((nm) => {
    const m = nm * 1e-9;
    return 1 / (m ** 5 * (Math.exp(1.4388e-2 / (m * temperature)) - 1)) / 1e30;
  });

/**
 * Multiplies `base` by a smooth tilt exp(k1·t + k2·t²), t = (λ − 560)/100, with k1, k2 solved so
 * the light's chromaticity is `target`: how each lamp is put exactly on its nominal white point.
 */
export function tiltToChromaticity(base: Spectrum, target: readonly [number, number]): Spectrum {
  const tilt = (k: readonly number[]): Spectrum =>
    Float64Array.from(base, (v, i) => {
      const t = (WAVELENGTHS[i]! - 560) / 100;
      return v * Math.exp(k[0]! * t + k[1]! * t * t);
    });
  let k = [0, 0];
  for (let iter = 0; iter < 30; iter++) {
    const f = (kk: number[]): number[] => {
      const [x, y] = chromaticity(tilt(kk));
      return [x - target[0], y - target[1]];
    };
    const r = f(k);
    if (Math.hypot(r[0]!, r[1]!) < 1e-7) break;
    const e = 1e-4;
    const j0 = f([k[0]! + e, k[1]!]).map((v, i) => (v - r[i]!) / e);
    const j1 = f([k[0]!, k[1]! + e]).map((v, i) => (v - r[i]!) / e);
    const det = j0[0]! * j1[1]! - j1[0]! * j0[1]!;
    k = [k[0]! - (j1[1]! * r[0]! - j1[0]! * r[1]!) / det, k[1]! - (j0[0]! * r[1]! - j0[1]! * r[0]!) / det];
  }
  return tilt(k);
}

/** xy of the CIE D65 white point. */
const D65_XY = [0.31271, 0.32902] as const;
/** The reference daylight: a 6504 K spectrum put on D65's chromaticity. */
export const D65_LIGHT: Spectrum = tiltToChromaticity(planck(6504), D65_XY);

/** CIELAB (D65) of a reflectance, the truth every measurement is compared with. */
export function labOf(reflectance: Spectrum): Lab {
  return xyzToLab(xyzOf(reflectance, D65_LIGHT), D65_WHITE);
}

const sigmoid = (x: number): number => 0.5 + x / (2 * Math.sqrt(1 + x * x));

/**
 * A smooth reflectance whose colour under D65 is `target` (Jakob and Hanika's sigmoid-polynomial
 * form, solved by Gauss–Newton in CIELAB). Real surfaces, skin and chart dyes included, have such
 * smooth spectra; their metamerism against the camera is what makes calibration imperfect.
 */
export function reflectanceFor(target: Lab): Spectrum {
  const of = (c: readonly number[]): Spectrum =>
    spectrum((nm) => {
      const t = (nm - 580) / 200;
      return sigmoid(c[0]! * t * t + c[1]! * t + c[2]!);
    });
  const residual = (c: readonly number[]): Vec3 => {
    const lab = labOf(of(c));
    return [lab.L - target.L, lab.a - target.a, lab.b - target.b];
  };
  let c = [0, 0, 0];
  for (let iter = 0; iter < 80; iter++) {
    const r = residual(c);
    if (Math.hypot(...r) < 1e-4) break;
    const e = 1e-5;
    const columns = [0, 1, 2].map((k) => {
      const step = [...c];
      step[k]! += e;
      return residual(step).map((v, i) => (v - r[i]!) / e);
    });
    const jacobian: Mat3 = [
      columns[0]![0]!,
      columns[1]![0]!,
      columns[2]![0]!,
      columns[0]![1]!,
      columns[1]![1]!,
      columns[2]![1]!,
      columns[0]![2]!,
      columns[1]![2]!,
      columns[2]![2]!,
    ];
    const delta = mulMatVec(invert3(jacobian), r);
    const scale = Math.min(1, 2 / Math.max(1e-9, Math.hypot(...delta)));
    c = c.map((v, k) => v - scale * delta[k]!);
  }
  return of(c);
}

/** A constant reflectance (a perfect grey); `xyzOf(grey(1), light)` is the light's white. */
export const grey = (level: number): Spectrum => spectrum(() => level);
