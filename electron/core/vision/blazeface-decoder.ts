import type { Anchor } from './ssd-anchors';

/** A face box with keypoints, in whatever coordinate space the caller works in. */
export interface Detection {
  readonly score: number;
  readonly xmin: number;
  readonly ymin: number;
  readonly xmax: number;
  readonly ymax: number;
  /** BlazeFace's six keypoints: right eye, left eye, nose tip, mouth, right ear, left ear (subject's sides). */
  readonly keypoints: ReadonlyArray<readonly [number, number]>;
}

/** The subset of MediaPipe's `TensorsToDetectionsCalculatorOptions` BlazeFace uses. */
export interface BlazeFaceDecodeOptions {
  readonly numCoords: number;
  readonly numKeypoints: number;
  readonly xScale: number;
  readonly yScale: number;
  readonly wScale: number;
  readonly hScale: number;
  readonly minScoreThresh: number;
}

/** MediaPipe's values for the 256×256 model; the score threshold is the kiosk's (see docs/analysis.md). */
const BLAZEFACE_256_DECODE: BlazeFaceDecodeOptions = {
  numCoords: 16,
  numKeypoints: 6,
  xScale: 256,
  yScale: 256,
  wScale: 256,
  hScale: 256,
  minScoreThresh: 0.5,
};

/**
 * Decodes raw regressors (`anchors.length × numCoords`, x/y/w/h then keypoint x/y, "reverse output
 * order" in MediaPipe's terms) and per-anchor face probabilities into detections in normalised
 * input coordinates, as MediaPipe's TensorsToDetectionsCalculator does: threshold the score, offset
 * the box centre and keypoints from the anchor, sizes relative to the anchor. The converted model
 * already ends in the sigmoid MediaPipe applies to the logits (`sigmoid_score`).
 */
export function decodeBlazeFace(
  regressors: Float32Array,
  scores: Float32Array,
  anchors: readonly Anchor[],
  o: BlazeFaceDecodeOptions = BLAZEFACE_256_DECODE,
): Detection[] {
  if (scores.length !== anchors.length || regressors.length !== anchors.length * o.numCoords) {
    throw new RangeError(`expected ${anchors.length} scores and ${anchors.length * o.numCoords} regressors`);
  }
  const out: Detection[] = [];
  for (let i = 0; i < anchors.length; i++) {
    const score = scores[i]!;
    if (!(score >= o.minScoreThresh)) continue;
    const anchor = anchors[i]!;
    const r = i * o.numCoords;
    const xc = (regressors[r]! / o.xScale) * anchor.w + anchor.xCenter;
    const yc = (regressors[r + 1]! / o.yScale) * anchor.h + anchor.yCenter;
    const w = (regressors[r + 2]! / o.wScale) * anchor.w;
    const h = (regressors[r + 3]! / o.hScale) * anchor.h;
    const keypoints: Array<[number, number]> = [];
    for (let k = 0; k < o.numKeypoints; k++) {
      keypoints.push([
        (regressors[r + 4 + 2 * k]! / o.xScale) * anchor.w + anchor.xCenter,
        (regressors[r + 5 + 2 * k]! / o.yScale) * anchor.h + anchor.yCenter,
      ]);
    }
    out.push({ score, xmin: xc - w / 2, ymin: yc - h / 2, xmax: xc + w / 2, ymax: yc + h / 2, keypoints });
  }
  return out;
}

/** Intersection over union of two boxes; 0 when either is empty. */
export function iou(p: Detection, q: Detection): number {
  const iw = Math.min(p.xmax, q.xmax) - Math.max(p.xmin, q.xmin);
  const ih = Math.min(p.ymax, q.ymax) - Math.max(p.ymin, q.ymin);
  if (iw <= 0 || ih <= 0) return 0;
  const inter = iw * ih;
  const union = (p.xmax - p.xmin) * (p.ymax - p.ymin) + (q.xmax - q.xmin) * (q.ymax - q.ymin) - inter;
  return union > 0 ? inter / union : 0;
}

/**
 * MediaPipe's weighted non-maximum suppression: take the best remaining detection, gather every
 * detection overlapping it by more than `threshold` (itself included), and replace it with their
 * score-weighted average box and keypoints; the best score is kept. Averaging steadies the box
 * between frames, which plain NMS does not.
 */
export function weightedNms(detections: readonly Detection[], threshold = 0.3): Detection[] {
  let remaining = [...detections].sort((p, q) => q.score - p.score);
  const out: Detection[] = [];
  while (remaining.length > 0) {
    const best = remaining[0]!;
    const candidates: Detection[] = [];
    const rest: Detection[] = [];
    for (const det of remaining) (iou(det, best) > threshold ? candidates : rest).push(det);
    out.push(candidates.length > 0 ? weightedAverage(best, candidates) : best);
    // A degenerate best box overlaps nothing, not even itself; stop rather than loop forever.
    if (rest.length === remaining.length) break;
    remaining = rest;
  }
  return out;
}

function weightedAverage(best: Detection, group: readonly Detection[]): Detection {
  let total = 0;
  let xmin = 0;
  let ymin = 0;
  let xmax = 0;
  let ymax = 0;
  const kps = best.keypoints.map(() => [0, 0] as [number, number]);
  for (const det of group) {
    total += det.score;
    xmin += det.xmin * det.score;
    ymin += det.ymin * det.score;
    xmax += det.xmax * det.score;
    ymax += det.ymax * det.score;
    det.keypoints.forEach(([x, y], k) => {
      kps[k]![0] += x * det.score;
      kps[k]![1] += y * det.score;
    });
  }
  return {
    score: best.score,
    xmin: xmin / total,
    ymin: ymin / total,
    xmax: xmax / total,
    ymax: ymax / total,
    keypoints: kps.map(([x, y]) => [x / total, y / total] as const),
  };
}
