import { CHART_COLS, CHART_ROWS } from '../../../electron/core/color/color-checker';
import { applyHomography, fitHomography, type Point } from '../../../electron/core/color/homography';
import type { FaceScene } from './face-scene';

/**
 * Where the colour chart is held in a face photo and which pixel shows what of it. The chart is
 * put in the corner of the frame that covers the least skin, about a third of the frame wide,
 * slightly turned and in mild perspective (a hand-held chart), so its detection is exercised too.
 */

/** Label of a sub-sample: 0–23 a patch, SURROUND the chart's black frame and gaps. */
export const SURROUND = 24;
/** Black card of the chart, around and between the patches. */
export const SURROUND_REFLECTANCE = 0.035;
/** Patch side as a share of the patch pitch. */
const PATCH = 0.84;
/** Border of the card around the patch grid, in pitches. */
const BORDER = 0.3;

export interface ChartPlacement {
  /** Frame pixels the chart covers at least in part. */
  readonly pixels: Int32Array;
  /** Four sub-samples per pixel: a patch index, SURROUND, or 255 for the photo behind the card. */
  readonly labels: Uint8Array;
  /** The card's corners in frame pixels (top left of the dark-skin patch corner first, clockwise). */
  readonly corners: readonly Point[];
}

function skinOverlap(scene: FaceScene, x0: number, y0: number, x1: number, y1: number): number {
  let count = 0;
  for (const i of scene.skin) {
    const x = i % scene.width;
    const y = Math.floor(i / scene.width);
    if (x >= x0 && x < x1 && y >= y0 && y < y1) count++;
  }
  return count;
}

/** Places the chart for `scene`; `variant` picks the small turn and tilt deterministically. */
export function placeChart(scene: FaceScene, variant: number): ChartPlacement {
  const { width, height } = scene;
  const pitch = (0.22 * Math.min(width, height)) / CHART_ROWS;
  const cardW = (CHART_COLS + 2 * BORDER) * pitch;
  const cardH = (CHART_ROWS + 2 * BORDER) * pitch;
  const margin = 0.03 * Math.min(width, height);
  const corners: [number, number][] = [
    [margin, margin],
    [width - margin - cardW, margin],
    [margin, height - margin - cardH],
    [width - margin - cardW, height - margin - cardH],
  ];
  const [cx, cy] = corners
    .map((c) => ({ c, overlap: skinOverlap(scene, c[0], c[1], c[0] + cardW, c[1] + cardH) }))
    .sort((a, b) => a.overlap - b.overlap)[0]!.c;
  const turn = ((variant % 5) - 2) * 0.03;
  const tilt = ((variant % 3) - 1) * 0.04;
  const centre: Point = [cx + cardW / 2, cy + cardH / 2];
  const rotate = ([x, y]: Point): Point => {
    const dx = x - centre[0];
    const dy = y - centre[1];
    return [
      centre[0] + dx * Math.cos(turn) - dy * Math.sin(turn),
      centre[1] + dx * Math.sin(turn) + dy * Math.cos(turn),
    ];
  };
  // Card corners with a keystone: the top edge a little shorter than the bottom one.
  const keystone: Point[] = [
    [cx + tilt * cardW, cy],
    [cx + cardW - tilt * cardW, cy],
    [cx + cardW, cy + cardH],
    [cx, cy + cardH],
  ];
  const card = keystone.map(rotate);
  const toImage = fitHomography(
    [
      [-BORDER, -BORDER],
      [CHART_COLS + BORDER, -BORDER],
      [CHART_COLS + BORDER, CHART_ROWS + BORDER],
      [-BORDER, CHART_ROWS + BORDER],
    ],
    card,
  )!;
  const toChart = fitHomography(card, [
    [-BORDER, -BORDER],
    [CHART_COLS + BORDER, -BORDER],
    [CHART_COLS + BORDER, CHART_ROWS + BORDER],
    [-BORDER, CHART_ROWS + BORDER],
  ])!;
  const xs = card.map((p) => p[0]);
  const ys = card.map((p) => p[1]);
  const pixels: number[] = [];
  const labels: number[] = [];
  for (
    let y = Math.max(0, Math.floor(Math.min(...ys)));
    y < Math.min(height, Math.ceil(Math.max(...ys)));
    y++
  ) {
    for (
      let x = Math.max(0, Math.floor(Math.min(...xs)));
      x < Math.min(width, Math.ceil(Math.max(...xs)));
      x++
    ) {
      const sub = [0.25, 0.75].flatMap((sy) =>
        [0.25, 0.75].map((sx) => labelAt(applyHomography(toChart, x + sx, y + sy))),
      );
      if (sub.every((l) => l === 255)) continue;
      pixels.push(y * width + x);
      labels.push(...sub);
    }
  }
  const grid = [
    [0, 0],
    [CHART_COLS, 0],
    [CHART_COLS, CHART_ROWS],
    [0, CHART_ROWS],
  ].map(([u, v]) => applyHomography(toImage, u!, v!));
  return { pixels: Int32Array.from(pixels), labels: Uint8Array.from(labels), corners: grid };
}

function labelAt([u, v]: readonly [number, number]): number {
  if (u < -BORDER || v < -BORDER || u >= CHART_COLS + BORDER || v >= CHART_ROWS + BORDER) return 255;
  const col = Math.floor(u);
  const row = Math.floor(v);
  if (col < 0 || row < 0 || col >= CHART_COLS || row >= CHART_ROWS) return SURROUND;
  const gap = (1 - PATCH) / 2;
  const inside = u - col > gap && u - col < 1 - gap && v - row > gap && v - row < 1 - gap;
  return inside ? row * CHART_COLS + col : SURROUND;
}
