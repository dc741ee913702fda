import { QualityHint, type QualityReport } from '../../shared/schemas/analysis-schemas';
import type { HeadPose } from './head-pose';
import type { FaceImageMeasures } from './image-measures';

/** Face box in image pixels. */
interface FaceBox {
  readonly xmin: number;
  readonly ymin: number;
  readonly xmax: number;
  readonly ymax: number;
}

/** What the gate knows about the one face in view. */
export interface GateFace {
  /** The face outline's bounds in image pixels. */
  readonly box: FaceBox;
  /** FaceMesh's face-presence probability. */
  readonly score: number;
  readonly pose: HeadPose;
  readonly measures: FaceImageMeasures;
}

/** Limits of each check; docs/analysis.md explains how they were chosen. */
export interface QualityThresholds {
  /** Face outline width (landmark bounds) over the frame's shorter side. */
  readonly minFaceFraction: number;
  readonly maxFaceFraction: number;
  /** Largest offset of the box centre from the frame centre, as a fraction of width / height. */
  readonly maxCenterOffsetX: number;
  readonly maxCenterOffsetY: number;
  /** Degrees. */
  readonly maxYaw: number;
  readonly maxPitch: number;
  readonly maxRoll: number;
  /**
   * Mean skin luma, 0–255. The lower limit is for darkness, not for dark skin: the deepest Monk
   * swatch reads about 36 at an exposure that keeps a 90 % white unclipped (docs/analysis.md).
   */
  readonly minBrightness: number;
  readonly maxBrightness: number;
  readonly maxHighlightClip: number;
  readonly maxShadowClip: number;
  readonly maxUnevenness: number;
  /** Variance of the Laplacian on the 192-px face crop. */
  readonly minSharpness: number;
}

export const DEFAULT_QUALITY_THRESHOLDS: QualityThresholds = {
  minFaceFraction: 0.25,
  maxFaceFraction: 0.7,
  maxCenterOffsetX: 0.15,
  maxCenterOffsetY: 0.2,
  maxYaw: 15,
  maxPitch: 15,
  maxRoll: 15,
  minBrightness: 30,
  maxBrightness: 210,
  maxHighlightClip: 0.05,
  maxShadowClip: 0.1,
  maxUnevenness: 0.3,
  minSharpness: 20,
};

/** Hints in the order a shopper should fix them: the contract enum's order. */
const PRIORITY: readonly QualityHint[] = QualityHint.options;

/**
 * Judges one preview frame: no face or several faces stop there; otherwise every check runs and
 * all failing hints are returned in priority order, so the screen shows the most important first.
 * `ready` is true only when nothing fails.
 */
export function assessQuality(
  frame: { readonly width: number; readonly height: number },
  faceCount: number,
  face: GateFace | null,
  t: QualityThresholds = DEFAULT_QUALITY_THRESHOLDS,
): QualityReport {
  const faceBox = face
    ? {
        x: face.box.xmin / frame.width,
        y: face.box.ymin / frame.height,
        width: (face.box.xmax - face.box.xmin) / frame.width,
        height: (face.box.ymax - face.box.ymin) / frame.height,
      }
    : null;
  if (faceCount > 1) return { faceCount, faceBox, hints: ['one_person'], ready: false, measures: {} };
  if (faceCount === 0 || !face)
    return { faceCount: 0, faceBox: null, hints: ['no_face'], ready: false, measures: {} };

  const { box, pose, measures: m } = face;
  const faceFraction = (box.xmax - box.xmin) / Math.min(frame.width, frame.height);
  const offsetX = (box.xmin + box.xmax) / 2 / frame.width - 0.5;
  const offsetY = (box.ymin + box.ymax) / 2 / frame.height - 0.5;
  const failing = new Set<QualityHint>();
  if (faceFraction < t.minFaceFraction) failing.add('move_closer');
  if (faceFraction > t.maxFaceFraction) failing.add('move_back');
  if (Math.abs(offsetX) > t.maxCenterOffsetX || Math.abs(offsetY) > t.maxCenterOffsetY)
    failing.add('center_face');
  if (Math.abs(pose.yaw) > t.maxYaw || Math.abs(pose.pitch) > t.maxPitch) failing.add('look_straight');
  if (Math.abs(pose.roll) > t.maxRoll) failing.add('level_head');
  if (m.brightness < t.minBrightness || m.shadowClip > t.maxShadowClip) failing.add('more_light');
  if (m.brightness > t.maxBrightness || m.highlightClip > t.maxHighlightClip) failing.add('less_light');
  if (m.unevenness > t.maxUnevenness) failing.add('even_light');
  if (m.sharpness < t.minSharpness) failing.add('hold_still');
  const hints = PRIORITY.filter((h) => failing.has(h));
  return {
    faceCount,
    faceBox,
    hints,
    ready: hints.length === 0,
    measures: {
      faceScore: face.score,
      faceFraction,
      offsetX,
      offsetY,
      yaw: pose.yaw,
      pitch: pose.pitch,
      roll: pose.roll,
      brightness: m.brightness,
      highlightClip: m.highlightClip,
      shadowClip: m.shadowClip,
      unevenness: m.unevenness,
      sharpness: m.sharpness,
    },
  };
}
