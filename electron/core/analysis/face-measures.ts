import { EXCLUDED_OUTLINES, outlinePolygon, zonePolygon } from '../vision/face-zones';
import { FACE_OVAL } from '../vision/face-mesh-topology';
import { measureFaceImage, type FaceImageMeasures } from '../vision/image-measures';
import { SKIN_ZONES } from '../skin/skin-metrics-io';
import type { ImageInputSpec } from './face-models-io';
import type { FaceLandmarks } from './face-finder';

/** Share of the face outline, about its centre, judged for focus: the outline itself is a hard edge against the background. */
const INNER_FACE_SCALE = 0.8;

/** Lighting and focus of a face, measured on the landmark crop it was found in. */
export function measureFace(face: FaceLandmarks, spec: ImageInputSpec): FaceImageMeasures {
  const pts = face.cropPoints;
  const oval = outlinePolygon(pts, FACE_OVAL);
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < oval.length; i += 2) {
    cx += oval[i]!;
    cy += oval[i + 1]!;
  }
  cx /= oval.length / 2;
  cy /= oval.length / 2;
  const inner = oval.map((v, i) =>
    i % 2 === 0 ? cx + (v - cx) * INNER_FACE_SCALE : cy + (v - cy) * INNER_FACE_SCALE,
  );
  const at = (i: number) => pts[i] ?? [0, 0, 0];
  // Midline from between the eyes (168) to the chin (152).
  const top = at(168);
  const bottom = at(152);
  return measureFaceImage(face.crop, spec.size, spec.size, spec.layout, spec.range, {
    skin: SKIN_ZONES.map((z) => zonePolygon(pts, z)),
    excluded: Object.values(EXCLUDED_OUTLINES).map((idx) => outlinePolygon(pts, idx)),
    inner,
    midline: [top[0], top[1], bottom[0], bottom[1]],
  });
}
