import type { QualityReport } from '../../shared/schemas/analysis-schemas';
import { estimateHeadPose } from '../vision/head-pose';
import type { RgbaImage } from '../vision/image-types';
import { assertRgbaImage } from '../vision/image-types';
import { assessQuality, DEFAULT_QUALITY_THRESHOLDS, type QualityThresholds } from '../vision/quality-gate';
import type { FaceFinder } from './face-finder';
import type { FaceModelsIo } from './face-models-io';
import { measureFace } from './face-measures';

/** FaceMesh's face-presence probability below which the crop is not treated as a face. */
export const MIN_FACE_FLAG = 0.5;

/**
 * Live guidance for one preview frame: detection, then — for exactly one face — landmarks, pose,
 * lighting and focus, judged by the quality gate. Nothing of the frame is kept.
 */
export async function assessPreviewFrame(
  finder: FaceFinder,
  io: FaceModelsIo,
  frame: RgbaImage,
  thresholds: QualityThresholds = DEFAULT_QUALITY_THRESHOLDS,
): Promise<QualityReport> {
  assertRgbaImage(frame);
  const faces = await finder.detect(frame);
  const first = faces[0];
  if (faces.length !== 1 || !first) return assessQuality(frame, faces.length, null, thresholds);
  const face = await finder.landmarks(frame, first);
  if (face.faceScore < MIN_FACE_FLAG) return assessQuality(frame, 0, null, thresholds);
  return assessQuality(
    frame,
    1,
    {
      box: first,
      score: first.score,
      pose: estimateHeadPose(face.points),
      measures: measureFace(face, io.landmarks.input),
    },
    thresholds,
  );
}
