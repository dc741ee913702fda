import type { QualityReport } from '../../shared/schemas/analysis-schemas';
import type { RotatedRect } from '../vision/affine-transform';
import { landmarkBounds, type Point3 } from '../vision/facemesh-decoder';
import { FACE_OVAL } from '../vision/face-mesh-topology';
import { landmarksToRoi } from '../vision/face-roi';
import { estimateHeadPose } from '../vision/head-pose';
import { assertRgbaImage, type RgbaImage } from '../vision/image-types';
import { assessQuality, DEFAULT_QUALITY_THRESHOLDS, type QualityThresholds } from '../vision/quality-gate';
import { FACE_FLAG_THRESHOLD, type FaceFinder, type FaceLandmarks } from './face-finder';
import type { FaceModelsIo } from './face-models-io';
import { measureFace } from './face-measures';

/** FaceMesh's face-presence probability below which the crop is not treated as a face. */
export const MIN_FACE_FLAG = FACE_FLAG_THRESHOLD;

export interface PreviewGuidanceOptions {
  readonly thresholds?: QualityThresholds;
  /**
   * Longest time the detector is skipped while a face is tracked. Detection also catches a second
   * person stepping in, so this bounds how late "one person at a time" can appear.
   */
  readonly redetectMs?: number;
  /** Milliseconds, monotonic. */
  readonly now: () => number;
}

interface Track {
  readonly roi: RotatedRect;
  readonly width: number;
  readonly height: number;
  readonly detectedAt: number;
}

/**
 * Live guidance on preview frames. Like MediaPipe's face tracking, the detector runs when there is
 * no tracked face or every `redetectMs`; in between, the landmark crop follows the previous frame's
 * landmarks, which is what keeps the loop well above 30 frames per second on two cores. Only the
 * crop position is carried between frames; no pixels are kept.
 */
export class PreviewGuidance {
  private track: Track | null = null;
  private readonly thresholds: QualityThresholds;
  private readonly redetectMs: number;

  constructor(
    private readonly finder: FaceFinder,
    private readonly io: FaceModelsIo,
    private readonly options: PreviewGuidanceOptions,
  ) {
    this.thresholds = options.thresholds ?? DEFAULT_QUALITY_THRESHOLDS;
    this.redetectMs = options.redetectMs ?? 250;
  }

  /** Forgets the tracked face (new shopper, camera restarted). */
  reset(): void {
    this.track = null;
  }

  async assess(frame: RgbaImage): Promise<QualityReport> {
    assertRgbaImage(frame);
    const now = this.options.now();
    const t = this.track;
    if (t && t.width === frame.width && t.height === frame.height && now - t.detectedAt < this.redetectMs) {
      const face = await this.finder.landmarksInRoi(frame, t.roi);
      if (face.faceScore >= MIN_FACE_FLAG) {
        this.track = { ...t, roi: landmarksToRoi(face.points) };
        return this.report(frame, face);
      }
    }
    return this.detectAndAssess(frame, now);
  }

  private async detectAndAssess(frame: RgbaImage, now: number): Promise<QualityReport> {
    this.track = null;
    const faces = await this.finder.detect(frame);
    const first = faces[0];
    if (faces.length !== 1 || !first) return assessQuality(frame, faces.length, null, this.thresholds);
    const face = await this.finder.landmarks(frame, first);
    if (face.faceScore < MIN_FACE_FLAG) return assessQuality(frame, 0, null, this.thresholds);
    this.track = {
      roi: landmarksToRoi(face.points),
      width: frame.width,
      height: frame.height,
      detectedAt: now,
    };
    return this.report(frame, face);
  }

  private report(frame: RgbaImage, face: FaceLandmarks): QualityReport {
    return assessQuality(
      frame,
      1,
      {
        box: faceOutline(face.points),
        score: face.faceScore,
        pose: estimateHeadPose(face.points),
        measures: measureFace(face, this.io.landmarks.input),
      },
      this.thresholds,
    );
  }
}

/** The face outline's bounds: the same box on detected and tracked frames, and the oval guide's shape. */
export function faceOutline(points: readonly Point3[]): {
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
} {
  return landmarkBounds(points, FACE_OVAL);
}
