import { SKIN_METRICS_PARAMS } from './skin-metrics-params';

/**
 * Filter weights shared by the graph and the reference implementation: Gaussian taps, the border
 * rule, the upsampling matrix, the Hessian differences and the Gabor bank.
 */

/**
 * 3×3 finite differences giving 2(Ixx + Iyy), 2(Ixx − Iyy) and 4·Ixy: half the Hessian's trace and
 * its two anisotropy terms, each × σ² = 4, so blob = first − √(second² + third²) = 4·λmin.
 */
export const BLOB_KERNELS = [
  [0, 2, 0, 2, -8, 2, 0, 2, 0],
  [0, -2, 0, 2, 0, 2, 0, -2, 0],
  [1, 0, -1, 0, 0, 0, -1, 0, 1],
].flat();

/** Normalised 1-D Gaussian taps from −r to r, r = ceil(truncate · σ). */
export function gaussianTaps(sigma: number, truncate: number = SKIN_METRICS_PARAMS.truncate): number[] {
  const radius = Math.ceil(truncate * sigma);
  const taps = Array.from({ length: 2 * radius + 1 }, (_, k) =>
    Math.exp(-((k - radius) ** 2) / (2 * sigma * sigma)),
  );
  const sum = taps.reduce((s, t) => s + t, 0);
  return taps.map((t) => t / sum);
}

/** ONNX `Pad` mode `reflect`: index −1 reads 1 and index n reads n − 2 (the edge is not repeated). */
export function mirrorIndex(i: number, n: number): number {
  if (n === 1) return 0;
  const period = 2 * (n - 1);
  let k = ((i % period) + period) % period;
  if (k >= n) k = period - k;
  return k;
}

/** Source position of output pixel i when upsampling by `factor` (half-pixel centres, clamped). */
export function upsampleSource(
  i: number,
  factor: number,
  small: number,
): { i0: number; i1: number; w: number } {
  const src = Math.min(small - 1, Math.max(0, (i + 0.5) / factor - 0.5));
  const i0 = Math.floor(src);
  return { i0, i1: Math.min(i0 + 1, small - 1), w: src - i0 };
}

/** Row-major (small·factor) × small matrix of linear interpolation, for U · Y · Uᵀ. */
export function upsampleMatrix(small: number, factor: number): Float32Array {
  const n = small * factor;
  const m = new Float64Array(n * small);
  for (let i = 0; i < n; i++) {
    const { i0, i1, w } = upsampleSource(i, factor, small);
    m[i * small + i0]! += 1 - w;
    m[i * small + i1]! += w;
  }
  return Float32Array.from(m);
}

/**
 * Even (cosine) Gabor kernels, one per angle, each size × size, row-major [angle][y][x]. The wave
 * vector points at the angle (x right, y down), so 90° responds to horizontal lines. Each kernel is
 * made zero-mean (no response to flat skin) and scaled to respond 1 to a unit cosine of its own
 * wavelength and phase, so squared responses are in (L*)².
 */
export function gaborKernels(): Float32Array {
  const { wavelength, sigma, gamma, size, anglesDeg } = SKIN_METRICS_PARAMS.gabor;
  const r = (size - 1) / 2;
  const out = new Float32Array(anglesDeg.length * size * size);
  anglesDeg.forEach((deg, a) => {
    const t = (deg * Math.PI) / 180;
    const env: number[] = [];
    const wave: number[] = [];
    for (let y = -r; y <= r; y++) {
      for (let x = -r; x <= r; x++) {
        const across = x * Math.cos(t) + y * Math.sin(t);
        const along = -x * Math.sin(t) + y * Math.cos(t);
        env.push(Math.exp(-(across * across + gamma * gamma * along * along) / (2 * sigma * sigma)));
        wave.push(Math.cos((2 * Math.PI * across) / wavelength));
      }
    }
    const envSum = env.reduce((s, e) => s + e, 0);
    const dc = env.reduce((s, e, i) => s + e * wave[i]!, 0) / envSum;
    const kernel = env.map((e, i) => e * (wave[i]! - dc));
    // Correlation with the matching cosine (Conv in ONNX is a correlation).
    const gain = kernel.reduce((s, k, i) => s + k * wave[i]!, 0);
    kernel.forEach((k, i) => {
      out[a * size * size + i] = k / gain;
    });
  });
  return out;
}
