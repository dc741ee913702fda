import { SRGB_TO_XYZ } from '../../../electron/core/color/color-spaces';
import { invert3, mulMat, type Mat3, type Vec3 } from '../../../electron/core/color/matrix3';
import {
  cameraOf,
  chromaticity,
  D65_LIGHT,
  planck,
  tiltToChromaticity,
  WAVELENGTHS,
  xyzOf,
  type Spectrum,
} from './spectral-model';

/**
 * The four lights of the tone benchmark and the kiosk camera that sees them. Lamps are modelled by
 * their spectra (so metamerism is real), each put exactly on its nominal white point.
 */

const gauss = (mu: number, sigma: number): Spectrum =>
  Float64Array.from(WAVELENGTHS, (nm) => Math.exp(-0.5 * ((nm - mu) / sigma) ** 2));
const sum = (...parts: [number, Spectrum][]): Spectrum =>
  Float64Array.from(WAVELENGTHS, (_, i) => parts.reduce((s, [w, p]) => s + w * p[i]!, 0));

/** CIE 1960 uv ↔ xy, for putting a lamp a given distance off the Planckian locus (Duv). */
const toUv = ([x, y]: readonly [number, number]): [number, number] => {
  const d = -2 * x + 12 * y + 3;
  return [(4 * x) / d, (6 * y) / d];
};
const toXy = ([u, v]: readonly [number, number]): [number, number] => {
  const d = 2 * u - 8 * v + 4;
  return [(3 * u) / d, (2 * v) / d];
};

/** Chromaticity of a black body at `kelvin`, moved `duv` off the locus (positive: greener). */
function planckianXy(kelvin: number, duv = 0): [number, number] {
  const uv = toUv(chromaticity(planck(kelvin)));
  if (duv === 0) return toXy(uv);
  const a = toUv(chromaticity(planck(kelvin - 20)));
  const b = toUv(chromaticity(planck(kelvin + 20)));
  const t = [b[0] - a[0], b[1] - a[1]];
  const n = Math.hypot(t[0]!, t[1]!);
  let normal: [number, number] = [-t[1]! / n, t[0]! / n];
  if (normal[1] < 0) normal = [-normal[0], -normal[1]];
  return toXy([uv[0] + duv * normal[0], uv[1] + duv * normal[1]]);
}

export interface Light {
  readonly name: string;
  readonly label: string;
  readonly spectrum: Spectrum;
}

export const LIGHTS: readonly Light[] = [
  { name: 'd65', label: 'D65 daylight', spectrum: D65_LIGHT },
  { name: 'a2850', label: 'incandescent ~2850 K', spectrum: planck(2856) },
  {
    // Cool-white fluorescent: a broad halophosphate band plus the mercury lines.
    name: 'f4100',
    label: 'fluorescent ~4100 K',
    spectrum: tiltToChromaticity(
      sum(
        [1, gauss(585, 55)],
        [0.35, gauss(470, 30)],
        [0.5, gauss(405, 3)],
        [1.2, gauss(436, 3)],
        [1.6, gauss(546, 3)],
        [0.8, gauss(578, 3)],
      ),
      planckianXy(4100),
    ),
  },
  {
    // White LED: a blue pump and a broad yellow phosphor, 0.008 Duv green of the locus.
    name: 'led6500g',
    label: 'LED ~6500 K, green tint',
    spectrum: tiltToChromaticity(sum([1, gauss(450, 10)], [1.1, gauss(560, 55)]), planckianXy(6500, 0.008)),
  },
];

/**
 * Three smooth spectra that reproduce the sRGB primaries under D65: background, hair, clothes and
 * eyes of the face photos are given the spectrum Σ ρₖ·Bₖ of their linear sRGB value ρ.
 */
const BASIS: readonly Spectrum[] = (() => {
  const f = [gauss(455, 38), gauss(545, 40), gauss(612, 45)];
  const columns = f.map((s) => xyzOf(s, D65_LIGHT));
  const F: Mat3 = [
    columns[0]![0],
    columns[1]![0],
    columns[2]![0],
    columns[0]![1],
    columns[1]![1],
    columns[2]![1],
    columns[0]![2],
    columns[1]![2],
    columns[2]![2],
  ];
  const weights = mulMat(invert3(F), SRGB_TO_XYZ);
  return [0, 1, 2].map((k) =>
    Float64Array.from(WAVELENGTHS, (_, i) => f.reduce((s, fj, j) => s + fj[i]! * weights[3 * j + k]!, 0)),
  );
})();

/** Raw camera response to linear-sRGB-described surfaces under `light`: raw = P·ρ. */
export function basisResponse(light: Spectrum): Mat3 {
  const c = BASIS.map((b) => cameraOf(b, light));
  return [c[0]![0], c[1]![0], c[2]![0], c[0]![1], c[1]![1], c[2]![1], c[0]![2], c[1]![2], c[2]![2]];
}

/**
 * The camera's own processing with white balance locked on its daylight preset: raw → linear sRGB
 * exact for D65-lit basis surfaces. Under any other lamp the picture has that lamp's colour cast.
 */
export const CAMERA_PROCESSING: Mat3 = invert3(basisResponse(D65_LIGHT));

/** A perfect white at exposure 1 lands at 70 % of full scale: headroom for speculars and ×1.2. */
export const NOMINAL_EXPOSURE = 0.7;

/** The camera's processed linear RGB for a raw response at `exposure` (before clipping). */
export function processed(raw: Vec3, exposure: number): Vec3 {
  const k = NOMINAL_EXPOSURE * exposure;
  const m = CAMERA_PROCESSING;
  return [
    k * (m[0] * raw[0] + m[1] * raw[1] + m[2] * raw[2]),
    k * (m[3] * raw[0] + m[4] * raw[1] + m[5] * raw[2]),
    k * (m[6] * raw[0] + m[7] * raw[1] + m[8] * raw[2]),
  ];
}
