import type { Point3 } from './facemesh-decoder';
import { POSE_POINTS } from './face-mesh-topology';
import { eyeLineAngle } from './skin-crop';

/** Head rotation in degrees. Zero is a level face looking into the camera. */
export interface HeadPose {
  /** Turn: positive when the subject turns to their left (nose toward the image's right). */
  readonly yaw: number;
  /** Nod: positive when the head tips down (chin toward the chest). */
  readonly pitch: number;
  /** Tilt: positive when the subject's left eye (image right) sits lower than the right. */
  readonly roll: number;
}

const DEG = 180 / Math.PI;

/**
 * FaceMesh places the top of the forehead (10) deeper than the chin (152), so a frontal face reads
 * about 10° "down" on the raw axis; measured on the frontal portraits in the test set (8° and 12°).
 */
const NEUTRAL_PITCH_DEG = 10;

/**
 * Pose from FaceMesh's 3-D landmarks. Roll is the eye line's angle. Yaw and pitch come from the face's
 * own axes: the cheek-to-cheek vector (234 → 454) tips in depth when the head turns, the
 * forehead-to-chin vector (10 → 152) when it nods. Each is measured in the plane it rotates in, so
 * a tilted head does not read as turned.
 */
export function estimateHeadPose(points: readonly Point3[], pitchOffsetDeg = NEUTRAL_PITCH_DEG): HeadPose {
  const at = (i: number): Point3 => points[i] ?? [0, 0, 0];
  const roll = eyeLineAngle(points);
  const cos = Math.cos(roll);
  const sin = Math.sin(roll);
  // Undo the roll so "across" is the image x axis and "down" the image y axis.
  const level = (p: Point3, q: Point3): [number, number, number] => {
    const dx = q[0] - p[0];
    const dy = q[1] - p[1];
    return [cos * dx + sin * dy, -sin * dx + cos * dy, q[2] - p[2]];
  };
  const across = level(at(POSE_POINTS.rightSide), at(POSE_POINTS.leftSide));
  const down = level(at(POSE_POINTS.forehead), at(POSE_POINTS.chin));
  return {
    yaw: Math.atan2(across[2], across[0]) * DEG,
    pitch: Math.atan2(down[2], down[1]) * DEG - pitchOffsetDeg,
    roll: roll * DEG,
  };
}
