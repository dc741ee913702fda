/**
 * Flat, square-ish regions of a frame: the candidates for colour-chart patches. Neighbouring pixels
 * whose colours differ by no more than a noise-scaled tolerance are joined (union-find); a region is
 * kept when its area and second moments are those of a filled square seen at a moderate angle.
 */

/** A working copy of the frame: 8-bit RGB, possibly box-downscaled. */
export interface SmallImage {
  readonly width: number;
  readonly height: number;
  readonly rgb: Uint8Array;
  /** Frame pixels per working pixel. */
  readonly scale: number;
}

export interface SquareRegion {
  /** Centroid in working-image pixels. */
  readonly x: number;
  readonly y: number;
  readonly area: number;
}

/** Box-averages the frame so its longer side is at most `maxSide` pixels. */
export function downscale(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  maxSide: number,
): SmallImage {
  const scale = Math.max(1, Math.ceil(Math.max(width, height) / maxSide));
  const w = Math.floor(width / scale);
  const h = Math.floor(height / scale);
  const rgb = new Uint8Array(w * h * 3);
  const n = scale * scale;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let dy = 0; dy < scale; dy++) {
        let i = ((y * scale + dy) * width + x * scale) * 4;
        for (let dx = 0; dx < scale; dx++, i += 4) {
          r += rgba[i]!;
          g += rgba[i + 1]!;
          b += rgba[i + 2]!;
        }
      }
      const o = (y * w + x) * 3;
      rgb[o] = Math.round(r / n);
      rgb[o + 1] = Math.round(g / n);
      rgb[o + 2] = Math.round(b / n);
    }
  }
  return { width: w, height: h, rgb, scale };
}

const diff = (rgb: Uint8Array, i: number, j: number): number =>
  Math.max(
    Math.abs(rgb[i]! - rgb[j]!),
    Math.abs(rgb[i + 1]! - rgb[j + 1]!),
    Math.abs(rgb[i + 2]! - rgb[j + 2]!),
  );

/**
 * The join tolerance: three times the typical difference between horizontal neighbours (the median
 * of the green channel's absolute differences, which flat areas dominate), at least 6 levels.
 */
function tolerance(img: SmallImage): number {
  const histogram = new Uint32Array(256);
  let count = 0;
  for (let i = 0; i + 3 < img.rgb.length; i += 3 * 7) {
    histogram[Math.abs(img.rgb[i + 1]! - img.rgb[i + 4]!)]!++;
    count++;
  }
  let seen = 0;
  let median = 0;
  while (median < 255 && (seen += histogram[median]!) < count / 2) median++;
  return Math.max(6, 3 * median);
}

function find(parent: Int32Array, i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
}

/** Every region that looks like a flat, filled square of at least `minArea` working pixels. */
export function squareRegions(img: SmallImage, minArea = 12): SquareRegion[] {
  const { width: w, height: h, rgb } = img;
  const t = tolerance(img);
  const parent = Int32Array.from({ length: w * h }, (_, i) => i);
  const join = (a: number, b: number): void => {
    const ra = find(parent, a);
    const rb = find(parent, b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      if (x + 1 < w && diff(rgb, 3 * p, 3 * p + 3) <= t) join(p, p + 1);
      if (y + 1 < h && diff(rgb, 3 * p, 3 * (p + w)) <= t) join(p, p + w);
    }
  }
  // Moments per region: count, Σx, Σy, Σx², Σy², Σxy.
  const m = new Float64Array(w * h * 6);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const r = find(parent, y * w + x) * 6;
      m[r]! += 1;
      m[r + 1]! += x;
      m[r + 2]! += y;
      m[r + 3]! += x * x;
      m[r + 4]! += y * y;
      m[r + 5]! += x * y;
    }
  }
  const maxArea = 0.04 * w * h;
  const regions: SquareRegion[] = [];
  for (let p = 0; p < w * h; p++) {
    const n = m[p * 6]!;
    if (n < minArea || n > maxArea) continue;
    const cx = m[p * 6 + 1]! / n;
    const cy = m[p * 6 + 2]! / n;
    const sxx = m[p * 6 + 3]! / n - cx * cx + 1 / 12;
    const syy = m[p * 6 + 4]! / n - cy * cy + 1 / 12;
    const sxy = m[p * 6 + 5]! / n - cx * cy;
    const mean = (sxx + syy) / 2;
    const spread = Math.sqrt(((sxx - syy) / 2) ** 2 + sxy * sxy);
    const l1 = mean + spread;
    const l2 = mean - spread;
    if (!(l2 > 0)) continue;
    // A filled rectangle of sides a, b has variances a²/12 and b²/12, so area = 12·√(λ1·λ2).
    const fill = n / (12 * Math.sqrt(l1 * l2));
    if (l1 / l2 > 3.2 || fill < 0.8 || fill > 1.2) continue;
    regions.push({ x: cx + 0.5, y: cy + 0.5, area: n });
  }
  return regions;
}
