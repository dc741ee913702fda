import { XYZ_TO_SRGB } from './color-spaces';
import { mulMatVec, type Vec3 } from './matrix3';

/**
 * The colours of real light sources in the log-chroma plane of linear sRGB (ln R/G, ln B/G), where
 * a light's colour cast is a shift: black bodies (incandescent and warm lamps, 2000–5000 K) and CIE
 * daylight (4000–12 000 K, a little greener than black bodies). Lamps sit on or near these curves;
 * the uncalibrated illuminant estimate is held close to them.
 */

/** Log-chroma (ln R/G, ln B/G) of a linear RGB colour. */
export type LogChroma = readonly [number, number];

export function logChroma(rgb: Vec3): LogChroma {
  const g = Math.max(rgb[1], 1e-9);
  return [Math.log(Math.max(rgb[0], 1e-9) / g), Math.log(Math.max(rgb[2], 1e-9) / g)];
}

/**
 * CIE xy of a black body at `kelvin` (1667–25 000 K) by the cubic approximation of Kim et al.
 * (2002, US patent 7024034), within 0.001 of the exact Planckian locus.
 */
export function planckianXy(kelvin: number): [number, number] {
  const t = kelvin;
  const x =
    t <= 4000
      ? -0.2661239e9 / t ** 3 - 0.234358e6 / t ** 2 + 0.8776956e3 / t + 0.17991
      : -3.0258469e9 / t ** 3 + 2.1070379e6 / t ** 2 + 0.2226347e3 / t + 0.24039;
  const y =
    t <= 2222
      ? -1.1063814 * x ** 3 - 1.3481102 * x ** 2 + 2.18555832 * x - 0.20219683
      : t <= 4000
        ? -0.9549476 * x ** 3 - 1.37418593 * x ** 2 + 2.09137015 * x - 0.16748867
        : 3.081758 * x ** 3 - 5.8733867 * x ** 2 + 3.75112997 * x - 0.37001483;
  return [x, y];
}

/** Linear sRGB of the white of a light with chromaticity xy, at luminance 1. */
export function whiteOfXy([x, y]: readonly [number, number]): Vec3 {
  return mulMatVec(XYZ_TO_SRGB, [x / y, 1, (1 - x - y) / y]);
}

/** CIE xy of daylight at correlated colour temperature `kelvin` (4000–25 000 K), CIE 15. */
function daylightXy(kelvin: number): [number, number] {
  const t = kelvin;
  const x =
    t <= 7000
      ? -4.607e9 / t ** 3 + 2.9678e6 / t ** 2 + 0.09911e3 / t + 0.244063
      : -2.0064e9 / t ** 3 + 1.9018e6 / t ** 2 + 0.24748e3 / t + 0.23704;
  return [x, -3 * x * x + 2.87 * x - 0.275];
}

/** `count` points from `from` to `to` kelvin, evenly spaced in mired (perceptually even). */
const curve = (from: number, to: number, count: number, xy: (k: number) => [number, number]): LogChroma[] =>
  Array.from({ length: count }, (_, k) => {
    const mired = 1e6 / from - (k * (1e6 / from - 1e6 / to)) / (count - 1);
    return logChroma(whiteOfXy(xy(1e6 / mired)));
  });

/** Black bodies from 2000 K to 5000 K and daylight from 4000 K to 12 000 K. */
const LIGHT_LOCI: readonly (readonly LogChroma[])[] = [
  curve(2000, 5000, 31, planckianXy),
  curve(4000, 12000, 25, daylightXy),
];

/** Distance in log-chroma from `p` to the nearest point of either locus. */
export function distanceToLocus(p: LogChroma): number {
  return Math.min(...LIGHT_LOCI.map((locus) => distanceToCurve(p, locus)));
}

function distanceToCurve(p: LogChroma, locus: readonly LogChroma[]): number {
  let best = Infinity;
  for (let k = 1; k < locus.length; k++) {
    const a = locus[k - 1]!;
    const b = locus[k]!;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const t = Math.min(1, Math.max(0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy));
  }
  return best;
}
