import { CHART_COLS, CHART_ROWS, COLOR_CHECKER_LINEAR } from '../../../../electron/core/color/color-checker';
import {
  applyHomography,
  fitHomography,
  type Homography,
  type Point,
} from '../../../../electron/core/color/homography';
import { mulMatVec, type Mat3, type Vec3 } from '../../../../electron/core/color/matrix3';
import { putLinear } from './synthetic-frames';
import { rng } from '../../../support/seeded-random';

/** How a test chart is drawn: where its grid corners are, what the camera does, what surrounds it. */
export interface ChartScene {
  readonly width: number;
  readonly height: number;
  /** The grid's corners (dark-skin patch corner first, clockwise) in frame pixels. */
  readonly corners: readonly Point[];
  /** Camera: linear reference → linear camera values. */
  readonly camera: Mat3;
  /** Per-patch linear colours; the ColorChecker's unless given. */
  readonly patches?: readonly Vec3[];
  /** Linear value of the wall behind the chart. */
  readonly wall?: Vec3;
  /** Relative noise per pixel (0.01 = 1 %). */
  readonly noise?: number;
  /** Coloured squares scattered over the wall (clutter), drawn before the chart. */
  readonly clutter?: number;
  readonly seed?: number;
}

/** Axis-aligned corners of a grid with its top-left at (x, y) and patch pitch `cell`. */
export const gridAt = (x: number, y: number, cell: number): Point[] => [
  [x, y],
  [x + CHART_COLS * cell, y],
  [x + CHART_COLS * cell, y + CHART_ROWS * cell],
  [x, y + CHART_ROWS * cell],
];

/** The same corners turned by `radians` about their centre. */
export function turned(corners: readonly Point[], radians: number): Point[] {
  const cx = corners.reduce((s, p) => s + p[0], 0) / 4;
  const cy = corners.reduce((s, p) => s + p[1], 0) / 4;
  return corners.map(([x, y]) => [
    cx + (x - cx) * Math.cos(radians) - (y - cy) * Math.sin(radians),
    cy + (x - cx) * Math.sin(radians) + (y - cy) * Math.cos(radians),
  ]);
}

/** Renders the scene: wall, optional clutter, then the chart card with black gaps and border. */
export function renderChartScene(scene: ChartScene): Uint8Array {
  const { width, height } = scene;
  const rgba = new Uint8Array(width * height * 4);
  const random = rng(scene.seed ?? 3);
  const wall = scene.wall ?? [0.45, 0.42, 0.38];
  const patches = scene.patches ?? COLOR_CHECKER_LINEAR;
  const toGrid = fitHomography(scene.corners, [
    [0, 0],
    [CHART_COLS, 0],
    [CHART_COLS, CHART_ROWS],
    [0, CHART_ROWS],
  ]) as Homography;
  const clutter = Array.from({ length: scene.clutter ?? 0 }, () => ({
    x: random() * width,
    y: random() * height,
    s: 6 + random() * 30,
    c: [random(), random(), random()] as Vec3,
  }));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [u, v] = applyHomography(toGrid, x + 0.5, y + 0.5);
      let ref: Vec3 = wall;
      for (const c of clutter) if (Math.abs(x - c.x) < c.s && Math.abs(y - c.y) < c.s) ref = c.c;
      if (u > -0.3 && v > -0.3 && u < CHART_COLS + 0.3 && v < CHART_ROWS + 0.3) {
        const col = Math.floor(u);
        const row = Math.floor(v);
        const inPatch =
          col >= 0 &&
          row >= 0 &&
          col < CHART_COLS &&
          row < CHART_ROWS &&
          u - col > 0.08 &&
          u - col < 0.92 &&
          v - row > 0.08 &&
          v - row < 0.92;
        ref = inPatch ? patches[row * CHART_COLS + col]! : [0.03, 0.03, 0.03];
      }
      const cam = mulMatVec(scene.camera, ref);
      const n = 1 + (scene.noise ?? 0.01) * (random() * 2 - 1);
      putLinear(rgba, y * width + x, [cam[0] * n, cam[1] * n, cam[2] * n]);
    }
  }
  return rgba;
}
