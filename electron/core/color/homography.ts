/**
 * Plane-to-plane projective maps (homographies) for locating a colour chart in a frame: chart grid
 * coordinates (patch columns and rows) → image pixels. A held chart is seen in perspective, so an
 * affine map is not enough once it tilts.
 */

/** Row-major 3×3 with h[8] = 1: (x, y) ↦ ((h0 x + h1 y + h2)/w, (h3 x + h4 y + h5)/w), w = h6 x + h7 y + 1. */
export type Homography = readonly [number, number, number, number, number, number, number, number, number];

export type Point = readonly [number, number];

export function applyHomography(h: Homography, x: number, y: number): [number, number] {
  const w = h[6] * x + h[7] * y + h[8];
  return [(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w];
}

/** Solves A·x = b by Gaussian elimination with partial pivoting; null when A is singular. */
function solveLinear(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    if (Math.abs(m[pivot]![col]!) < 1e-12) return null;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]!;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = m[r]!;
      const f = row[col]! / p[col]!;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) row[c]! -= f * p[c]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/** Translation + scale that moves points to their centroid at mean distance √2 (Hartley). */
function normaliser(points: readonly Point[]): { s: number; cx: number; cy: number } {
  const cx = points.reduce((t, p) => t + p[0], 0) / points.length;
  const cy = points.reduce((t, p) => t + p[1], 0) / points.length;
  const d = points.reduce((t, p) => t + Math.hypot(p[0] - cx, p[1] - cy), 0) / points.length;
  return { s: d > 0 ? Math.SQRT2 / d : 1, cx, cy };
}

/**
 * The homography mapping each `from` point onto its `to` point, by least squares over all pairs
 * (direct linear transform on normalised coordinates). Needs four or more pairs, not all on a line;
 * returns null otherwise.
 */
export function fitHomography(from: readonly Point[], to: readonly Point[]): Homography | null {
  if (from.length !== to.length || from.length < 4) return null;
  const nf = normaliser(from);
  const nt = normaliser(to);
  const ata = Array.from({ length: 8 }, () => new Array<number>(8).fill(0));
  const atb = new Array<number>(8).fill(0);
  const add = (row: number[], rhs: number): void => {
    for (let i = 0; i < 8; i++) {
      atb[i]! += row[i]! * rhs;
      for (let j = 0; j < 8; j++) ata[i]![j]! += row[i]! * row[j]!;
    }
  };
  from.forEach((f, k) => {
    const x = (f[0] - nf.cx) * nf.s;
    const y = (f[1] - nf.cy) * nf.s;
    const u = (to[k]![0] - nt.cx) * nt.s;
    const v = (to[k]![1] - nt.cy) * nt.s;
    add([x, y, 1, 0, 0, 0, -u * x, -u * y], u);
    add([0, 0, 0, x, y, 1, -v * x, -v * y], v);
  });
  const h = solveLinear(ata, atb);
  if (!h || h.some((v) => !Number.isFinite(v))) return null;
  // Undo the normalisations: H = T_to⁻¹ · Hn · T_from.
  const hn = [...h, 1];
  const tFrom = [nf.s, 0, -nf.s * nf.cx, 0, nf.s, -nf.s * nf.cy, 0, 0, 1];
  const tToInv = [1 / nt.s, 0, nt.cx, 0, 1 / nt.s, nt.cy, 0, 0, 1];
  const full = mul3(tToInv, mul3(hn, tFrom));
  const w = full[8]!;
  if (Math.abs(w) < 1e-12) return null;
  return full.map((v) => v / w) as unknown as Homography;
}

function mul3(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++)
      out.push(a[3 * i]! * b[j]! + a[3 * i + 1]! * b[3 + j]! + a[3 * i + 2]! * b[6 + j]!);
  return out;
}

/**
 * The homography that puts a `cols × rows` grid's outer corners on four image points, given in the
 * order top-left, top-right, bottom-right, bottom-left of the chart as it is meant to be read.
 */
export function gridHomographyFromCorners(
  corners: readonly Point[],
  cols: number,
  rows: number,
): Homography | null {
  if (corners.length !== 4) return null;
  return fitHomography(
    [
      [0, 0],
      [cols, 0],
      [cols, rows],
      [0, rows],
    ],
    corners,
  );
}
