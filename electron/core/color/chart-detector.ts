import { CHART_COLS, CHART_ROWS } from './color-checker';
import { downscale, squareRegions, type SquareRegion } from './chart-regions';
import { applyHomography, fitHomography, type Homography, type Point } from './homography';

/**
 * Finds a 24-patch colour chart anywhere in a frame, at any position, size, rotation and moderate
 * perspective: flat square regions are found first (`chart-regions.ts`), then the 6 × 4 lattice
 * that most of them sit on. The result maps chart grid coordinates to frame pixels; which corner
 * is the chart's top left is left to the colour check (`chart-calibration.ts`), since only the
 * patch colours tell.
 */

export interface ChartDetection {
  /** Grid coordinates (column 0–6 across, row 0–4 down) → frame pixels. */
  readonly homography: Homography;
  /** Patches that were found as regions on the lattice (the others are sampled where they must be). */
  readonly matched: number;
}

/** Working resolution: a chart a sixth of the frame wide still has patches of 10 px or more. */
const WORK_SIDE = 400;
/**
 * Fewer matched patches than this is a coincidence of squares, not a chart (a chart in view shows
 * 22–23: its black patch merges with the card; glare may cost a few more).
 */
const MIN_MATCHED = 16;
/** A patch covers 0.84² of its cell on the ColorChecker; a region far off that is not a patch. */
const PATCH_AREA = { min: 0.35, max: 1.05 };
/** A region within this share of a cell from a lattice point belongs to it. */
const SNAP = 0.3;

interface Cell {
  readonly i: number;
  readonly j: number;
  readonly region: SquareRegion;
}

/** Lattice coordinates of `p` in the basis (d1, d2) from `origin`, or null if off-lattice. */
function latticeCoords(origin: SquareRegion, d1: Point, d2: Point, p: SquareRegion): [number, number] | null {
  const det = d1[0] * d2[1] - d1[1] * d2[0];
  const dx = p.x - origin.x;
  const dy = p.y - origin.y;
  const u = (dx * d2[1] - dy * d2[0]) / det;
  const v = (d1[0] * dy - d1[1] * dx) / det;
  const i = Math.round(u);
  const j = Math.round(v);
  return Math.hypot(u - i, v - j) <= SNAP ? [i, j] : null;
}

/** The 6 × 4 (or 4 × 6) window of lattice cells holding the most cells; cells keyed "i,j". */
function bestWindow(cells: Map<string, Cell>): Cell[] {
  let best: Cell[] = [];
  const list = [...cells.values()];
  for (const [cols, rows] of [
    [CHART_COLS, CHART_ROWS],
    [CHART_ROWS, CHART_COLS],
  ] as const) {
    for (const anchor of list) {
      for (let oi = 0; oi < cols; oi++) {
        for (let oj = 0; oj < rows; oj++) {
          const i0 = anchor.i - oi;
          const j0 = anchor.j - oj;
          const inside = list.filter((c) => c.i >= i0 && c.i < i0 + cols && c.j >= j0 && c.j < j0 + rows);
          if (inside.length > best.length) {
            // Express the window as chart columns across the longer side.
            best = inside.map((c) =>
              cols === CHART_COLS ? { ...c, i: c.i - i0, j: c.j - j0 } : { ...c, i: c.j - j0, j: c.i - i0 },
            );
          }
        }
      }
    }
  }
  return best;
}

/** Area in pixels of grid cell (i, j) under `h` (shoelace formula over its four corners). */
function cellArea(h: Homography, i: number, j: number): number {
  const p = [
    [i, j],
    [i + 1, j],
    [i + 1, j + 1],
    [i, j + 1],
  ].map(([u, v]) => applyHomography(h, u!, v!));
  let twice = 0;
  for (let k = 0; k < 4; k++) twice += p[k]![0] * p[(k + 1) % 4]![1] - p[(k + 1) % 4]![0] * p[k]![1];
  return Math.abs(twice) / 2;
}

/** Refits the grid homography on the cells it explains, re-snapping every region to it. */
function refine(h: Homography, regions: readonly SquareRegion[]): { h: Homography; cells: Cell[] } | null {
  let current = h;
  let cells: Cell[] = [];
  for (let pass = 0; pass < 3; pass++) {
    const inverse = fitHomography(
      [
        [0, 0],
        [CHART_COLS, 0],
        [CHART_COLS, CHART_ROWS],
        [0, CHART_ROWS],
      ].map(([x, y]) => applyHomography(current, x!, y!)),
      [
        [0, 0],
        [CHART_COLS, 0],
        [CHART_COLS, CHART_ROWS],
        [0, CHART_ROWS],
      ],
    );
    if (!inverse) return null;
    const taken = new Map<string, Cell>();
    for (const region of regions) {
      const [u, v] = applyHomography(inverse, region.x, region.y);
      const i = Math.floor(u);
      const j = Math.floor(v);
      if (i < 0 || j < 0 || i >= CHART_COLS || j >= CHART_ROWS) continue;
      if (Math.hypot(u - (i + 0.5), v - (j + 0.5)) > SNAP) continue;
      const share = region.area / cellArea(current, i, j);
      if (share < PATCH_AREA.min || share > PATCH_AREA.max) continue;
      const key = `${i},${j}`;
      const prior = taken.get(key);
      if (!prior || prior.region.area < region.area) taken.set(key, { i, j, region });
    }
    cells = [...taken.values()];
    const next = fitHomography(
      cells.map((c) => [c.i + 0.5, c.j + 0.5] as const),
      cells.map((c) => [c.region.x, c.region.y] as const),
    );
    if (!next) return null;
    current = next;
  }
  return { h: current, cells };
}

/**
 * Cells of the lattice through `seed` with steps `d1`, `d2`: first the seed's immediate neighbours
 * by the affine steps, then, as a homography through the cells found so far is refitted, the cells
 * farther out, so perspective does not throw the far cells off the lattice.
 */
function growLattice(seed: SquareRegion, d1: Point, d2: Point, regions: readonly SquareRegion[]): Cell[] {
  let cells = new Map<string, Cell>();
  for (const r of regions) {
    const ij = latticeCoords(seed, d1, d2, r);
    if (ij && Math.abs(ij[0]) <= 1 && Math.abs(ij[1]) <= 1)
      cells.set(`${ij[0]},${ij[1]}`, { i: ij[0], j: ij[1], region: r });
  }
  for (let pass = 0; pass < 4 && cells.size >= 4; pass++) {
    const list = [...cells.values()];
    const toLattice = fitHomography(
      list.map((c) => [c.region.x, c.region.y] as const),
      list.map((c) => [c.i, c.j] as const),
    );
    if (!toLattice) break;
    const next = new Map<string, Cell & { miss: number }>();
    for (const r of regions) {
      const [u, v] = applyHomography(toLattice, r.x, r.y);
      const i = Math.round(u);
      const j = Math.round(v);
      const miss = Math.hypot(u - i, v - j);
      const key = `${i},${j}`;
      if (miss <= SNAP && (!next.has(key) || next.get(key)!.miss > miss))
        next.set(key, { i, j, region: r, miss });
    }
    if (next.size <= cells.size) break;
    cells = next;
  }
  return [...cells.values()];
}

/** The chart's grid in the frame, or null when no chart is in view. */
export function detectChart(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
): ChartDetection | null {
  const img = downscale(rgba, width, height, WORK_SIDE);
  const regions = squareRegions(img);
  let best: { h: Homography; cells: Cell[] } | null = null;
  for (const seed of regions) {
    const side = Math.sqrt(seed.area);
    const similar = regions.filter((r) => r.area > 0.5 * seed.area && r.area < 2 * seed.area);
    const near = similar
      .filter((r) => r !== seed)
      .map((r) => ({ r, d: Math.hypot(r.x - seed.x, r.y - seed.y) }))
      // A chart's patches fill most of their pitch (0.84 on the ColorChecker): neighbours sit
      // between 1 and 1.8 patch sides apart; scattered squares rarely keep that spacing.
      .filter(({ d }) => d > side && d < 1.8 * side)
      .sort((a, b) => a.d - b.d);
    const first = near[0];
    if (!first) continue;
    const d1: Point = [first.r.x - seed.x, first.r.y - seed.y];
    const second = near.find(({ r }) => {
      const d2x = r.x - seed.x;
      const d2y = r.y - seed.y;
      const cos = (d1[0] * d2x + d1[1] * d2y) / (Math.hypot(...d1) * Math.hypot(d2x, d2y));
      return Math.abs(cos) < 0.35;
    });
    if (!second) continue;
    const d2: Point = [second.r.x - seed.x, second.r.y - seed.y];
    const grown = growLattice(seed, d1, d2, similar);
    if (grown.length < MIN_MATCHED || (best && grown.length <= best.cells.length)) continue;
    const window = bestWindow(new Map(grown.map((c) => [`${c.i},${c.j}`, c])));
    if (window.length < MIN_MATCHED || (best && window.length <= best.cells.length)) continue;
    const h = fitHomography(
      window.map((c) => [c.i + 0.5, c.j + 0.5] as const),
      window.map((c) => [c.region.x, c.region.y] as const),
    );
    const refined = h ? refine(h, similar) : null;
    if (
      refined &&
      refined.cells.length >= MIN_MATCHED &&
      (!best || refined.cells.length > best.cells.length)
    ) {
      best = refined;
      if (best.cells.length === CHART_COLS * CHART_ROWS) break;
    }
  }
  if (!best) return null;
  const s = img.scale;
  const scaled = best.h.map((v, k) => (k < 6 ? v * s : v)) as unknown as Homography;
  return { homography: scaled, matched: best.cells.length };
}
