import { SKIN_ZONES, ZONE_FEATURES } from '../../electron/core/skin/skin-metrics-io';
import { gaborKernels, gaussianTaps, mirrorIndex, upsampleSource } from './skin-filter-kernels';
import {
  LAB_EPSILON,
  LAB_KAPPA,
  SKIN_METRICS_PARAMS as P,
  SRGB_THRESHOLD,
  SRGB_TO_XYZ_N,
} from './skin-metrics-params';

/**
 * The skin-metrics network computed with plain loops in double precision: direct convolutions
 * instead of the graph's MatMul/Conv arrangement. It exists to check the ONNX graph (tests compare
 * the two on small inputs) and to document the math in executable form. Not for production use.
 */

type Plane = Float64Array;
const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));
const step = (v: number, t: number, w: number): number => sigmoid((v - t) / w);

/** Separable blur with reflect borders (index −1 reads 1). */
function blur(src: Plane, n: number, sigma: number): Plane {
  const taps = gaussianTaps(sigma);
  const r = (taps.length - 1) / 2;
  const rows = new Float64Array(n * n);
  const out = new Float64Array(n * n);
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      let s = 0;
      taps.forEach((t, k) => (s += t * src[y * n + mirrorIndex(x + k - r, n)]!));
      rows[y * n + x] = s;
    }
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      let s = 0;
      taps.forEach((t, k) => (s += t * rows[mirrorIndex(y + k - r, n) * n + x]!));
      out[y * n + x] = s;
    }
  return out;
}

/** G(v·S) / max(G(S), floor), with `vs` = v·S already multiplied. */
function normalisedBlur(vs: Plane, s: Plane, n: number, sigma: number): Plane {
  const num = blur(vs, n, sigma);
  const den = blur(s, n, sigma);
  return num.map((v, i) => v / Math.max(den[i]!, P.maskFloor));
}

function pool(src: Plane, n: number, f: number): Plane {
  const m = n / f;
  const out = new Float64Array(m * m);
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) out[Math.floor(y / f) * m + Math.floor(x / f)]! += src[y * n + x]! / (f * f);
  return out;
}

function upsample(src: Plane, m: number, f: number): Plane {
  const n = m * f;
  const out = new Float64Array(n * n);
  for (let y = 0; y < n; y++) {
    const sy = upsampleSource(y, f, m);
    for (let x = 0; x < n; x++) {
      const sx = upsampleSource(x, f, m);
      const at = (yy: number, xx: number) => src[yy * m + xx]!;
      out[y * n + x] =
        (1 - sy.w) * ((1 - sx.w) * at(sy.i0, sx.i0) + sx.w * at(sy.i0, sx.i1)) +
        sy.w * ((1 - sx.w) * at(sy.i1, sx.i0) + sx.w * at(sy.i1, sx.i1));
    }
  }
  return out;
}

const mulVec = (m: readonly number[], v: readonly number[]) =>
  [0, 1, 2].map((i) => m[3 * i]! * v[0]! + m[3 * i + 1]! * v[1]! + m[3 * i + 2]! * v[2]!);
const linearise = (c: number) => (c <= SRGB_THRESHOLD ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const labF = (t: number) => (t > LAB_EPSILON ? Math.cbrt(t) : (LAB_KAPPA * t + 16) / 116);
/** u = 100·ln Y from L*, and Y itself (white = 1). */
const contrast = (lightness: number) => 300 * Math.log((lightness + 16) / 116);
const luminance = (lightness: number) => Math.exp(contrast(lightness) / 100);
const clippedEnergy = (band: number) => Math.min(Math.abs(band), P.energyClip) ** 2;

/**
 * zone_stats for one crop: `crop` [3,n,n] sRGB, `masks` [7,n,n], `color` 3×3 row-major. Returns the
 * [7 × F] row-major table the network outputs.
 */
export function referenceZoneStats(
  crop: ArrayLike<number>,
  masks: ArrayLike<number>,
  color: ArrayLike<number>,
  n: number,
): Float64Array {
  const hw = n * n;
  const zones = SKIN_ZONES.length;
  const toXyz = [0, 1, 2].flatMap((i) =>
    [0, 1, 2].map((j) =>
      [0, 1, 2].reduce((s, q) => s + SRGB_TO_XYZ_N[3 * i + q]! * Number(color[3 * q + j]), 0),
    ),
  );
  const plane = () => new Float64Array(hw);
  const [L, A, B, U, luma, clip, cover] = [plane(), plane(), plane(), plane(), plane(), plane(), plane()];
  for (let p = 0; p < hw; p++) {
    const rgb = [0, 1, 2].map((c) => Math.min(1, Math.max(0, Number(crop[c * hw + p]))));
    luma[p] = 0.2126 * rgb[0]! + 0.7152 * rgb[1]! + 0.0722 * rgb[2]!;
    const hi = Math.max(...rgb);
    clip[p] = hi >= P.clipHigh || hi <= P.clipLow ? 1 : 0;
    const xyz = mulVec(toXyz, rgb.map(linearise)).map((t) => Math.max(0, t));
    U[p] = 100 * Math.log(Math.max(xyz[1]!, P.luminanceFloor));
    const [fx, fy, fz] = xyz.map(labF);
    L[p] = 116 * fy! - 16;
    A[p] = 500 * (fx! - fy!);
    B[p] = 200 * (fy! - fz!);
    for (let z = 0; z < zones; z++) cover[p]! += Number(masks[z * hw + p]);
  }
  const mask = (z: number, p: number) => Number(masks[z * hw + p]);
  const zoneMean = (v: Plane, z: number) => {
    let s = 0;
    let area = 0;
    for (let p = 0; p < hw; p++) {
      s += mask(z, p) * v[p]!;
      area += mask(z, p);
    }
    return s / Math.max(area, 1);
  };
  const means = [L, A, B].map((v) => SKIN_ZONES.map((_, z) => zoneMean(v, z)));
  const refOf = (c: number) =>
    Float64Array.from(
      { length: hw },
      (_, p) =>
        SKIN_ZONES.reduce((s, _z, z) => s + mask(z, p) * means[c]![z]!, 0) / Math.max(cover[p]!, 1e-6),
    );
  const [Lr, Ar, Br] = [refOf(0), refOf(1), refOf(2)];
  const S = cover.map((c) => Math.min(c, 1));
  const [shine, occluded, tone] = [plane(), plane(), plane()];
  for (let p = 0; p < hw; p++) {
    const chroma = Math.hypot(A[p]!, B[p]!);
    const chromaRef = Math.hypot(Ar[p]!, Br[p]!);
    shine[p] =
      step(Math.exp(U[p]! / 100) - luminance(Lr[p]!), P.shine.luminance, P.shine.luminanceWidth) *
      sigmoid((chromaRef - chroma) / P.shine.chromaWidth);
    const darker = step(contrast(Lr[p]!) - U[p]!, P.occluded.darker, P.occluded.darkerWidth);
    const offHue = step(
      Math.hypot(A[p]! - Ar[p]!, B[p]! - Br[p]!),
      P.occluded.abDistance,
      P.occluded.abWidth,
    );
    occluded[p] = 1 - (1 - darker) * (1 - offHue);
    tone[p] = (1 - shine[p]!) * (1 - occluded[p]!) * (1 - clip[p]!);
  }

  const US = U.map((v, p) => v * S[p]!);
  const AS = A.map((v, p) => v * S[p]!);
  const G1U = normalisedBlur(US, S, n, P.fineSigmas[0]);
  const G2U = normalisedBlur(US, S, n, P.fineSigmas[1]);
  const G2A = normalisedBlur(AS, S, n, P.fineSigmas[1]);
  const m = n / P.poolFactor;
  const pS = pool(S, n, P.poolFactor);
  const G8U = upsample(
    normalisedBlur(pool(US, n, P.poolFactor), pS, m, P.coarseSigmaPooled),
    m,
    P.poolFactor,
  );
  const negSpot = G8U.map((v, p) => v - G2U[p]!);
  const at = (v: Plane, x: number, y: number) => v[mirrorIndex(y, n) * n + mirrorIndex(x, n)]!;
  const blob = plane();
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      const c = at(G2U, x, y);
      const ixx = at(G2U, x + 1, y) - 2 * c + at(G2U, x - 1, y);
      const iyy = at(G2U, x, y + 1) - 2 * c + at(G2U, x, y - 1);
      const ixy =
        (at(G2U, x + 1, y + 1) - at(G2U, x + 1, y - 1) - at(G2U, x - 1, y + 1) + at(G2U, x - 1, y - 1)) / 4;
      blob[y * n + x] = 4 * ((ixx + iyy) / 2 - Math.hypot((ixx - iyy) / 2, ixy));
    }
  const centres = plane();
  const r = (P.spot.nms - 1) / 2;
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      let best = -Infinity;
      for (let dy = -r; dy <= r; dy++)
        for (let dx = -r; dx <= r; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (yy >= 0 && yy < n && xx >= 0 && xx < n) best = Math.max(best, blob[yy * n + xx]!);
        }
      const v = blob[y * n + x]!;
      centres[y * n + x] = v === best && v > P.spot.threshold ? 1 : 0;
    }

  const perPixel: Plane[] = [
    plane().fill(1),
    luma,
    clip,
    L,
    A,
    B,
    shine,
    occluded,
    tone,
    tone.map((w, p) => w * L[p]!),
    tone.map((w, p) => w * A[p]!),
    tone.map((w, p) => w * B[p]!),
    U.map((v, p) => clippedEnergy(v - G1U[p]!)),
    G1U.map((v, p) => clippedEnergy(v - G2U[p]!)),
    G1U.map((v, p) => step(G2U[p]! - v, P.pore.threshold, P.pore.width)),
    blob.map((v) => step(v, P.spot.threshold, P.spot.width)),
    centres,
    G2A.map((v, p) =>
      step(v - Ar[p]! * Math.exp((G2U[p]! - contrast(Lr[p]!)) / 300), P.red.threshold, P.red.width),
    ),
    negSpot.map(clippedEnergy),
  ];
  const ridges = referenceRidges(
    U.map((v, p) => (v - G8U[p]!) * S[p]!),
    n,
  );
  const halfMasks = SKIN_ZONES.map((_, z) =>
    pool(
      Float64Array.from({ length: hw }, (_, p) => mask(z, p)),
      n,
      P.gaborPool,
    ),
  );

  const F = ZONE_FEATURES.length;
  const out = new Float64Array(zones * F);
  SKIN_ZONES.forEach((_, z) => {
    const area = Array.from({ length: hw }, (_, p) => mask(z, p)).reduce((s, v) => s + v, 0);
    out[z * F] = area;
    perPixel.slice(1).forEach((v, f) => (out[z * F + f + 1] = zoneMean(v, z)));
    const hm = halfMasks[z]!;
    const hArea = hm.reduce((s, v) => s + v, 0);
    ridges.forEach((plane, f) => {
      out[z * F + perPixel.length + f] = plane.reduce((s, v, q) => s + v * hm[q]!, 0) / Math.max(hArea, 1e-6);
    });
  });
  return out;
}

/** Dark-line energies relu(−(D ⋆ g_θ))² on the 2×2-pooled detrended contrast, zero-padded. */
function referenceRidges(detrended: Plane, n: number): Plane[] {
  const h = n / P.gaborPool;
  const d = pool(detrended, n, P.gaborPool);
  const kernels = gaborKernels();
  const size = P.gabor.size;
  const r = (size - 1) / 2;
  return P.gabor.anglesDeg.map((_, a) => {
    const out = new Float64Array(h * h);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < h; x++) {
        let s = 0;
        for (let ky = 0; ky < size; ky++)
          for (let kx = 0; kx < size; kx++) {
            const yy = y + ky - r;
            const xx = x + kx - r;
            if (yy >= 0 && yy < h && xx >= 0 && xx < h)
              s += kernels[a * size * size + ky * size + kx]! * d[yy * h + xx]!;
          }
        out[y * h + x] = clippedEnergy(Math.max(0, -s));
      }
    return out;
  });
}
