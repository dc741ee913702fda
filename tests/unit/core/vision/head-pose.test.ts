import { describe, expect, it } from 'vitest';
import type { Point3 } from '../../../../electron/core/vision/facemesh-decoder';
import { estimateHeadPose } from '../../../../electron/core/vision/head-pose';
import { canonicalUv } from './canonical-face';

const DEG = Math.PI / 180;

/** The canonical layout wrapped on an ellipsoid (nose toward the camera, −z), 200 px across. */
function head(): Point3[] {
  return canonicalUv().map(([u, v]) => {
    const x = (u - 0.5) * 200;
    const y = (v - 0.5) * 200;
    const z = -90 * Math.sqrt(Math.max(0, 1 - (x / 110) ** 2 - (y / 130) ** 2));
    return [x, y, z] as const;
  });
}

/** Yaw about y (nose toward +x), then pitch about x (nose down), then roll about z (left eye down). */
function rotate(points: readonly Point3[], yaw: number, pitch: number, roll: number): Point3[] {
  return points.map(([x0, y0, z0]) => {
    const x1 = x0 * Math.cos(yaw) - z0 * Math.sin(yaw);
    const z1 = x0 * Math.sin(yaw) + z0 * Math.cos(yaw);
    const y2 = y0 * Math.cos(pitch) - z1 * Math.sin(pitch);
    const z2 = y0 * Math.sin(pitch) + z1 * Math.cos(pitch);
    const x3 = x1 * Math.cos(roll) - y2 * Math.sin(roll);
    const y3 = x1 * Math.sin(roll) + y2 * Math.cos(roll);
    return [x3 + 320, y3 + 240, z2] as const;
  });
}

describe('estimateHeadPose', () => {
  const base = estimateHeadPose(rotate(head(), 0, 0, 0), 0);

  it('reads a frontal synthetic head as level and straight', () => {
    expect(Math.abs(base.yaw)).toBeLessThan(1);
    expect(Math.abs(base.roll)).toBeLessThan(1);
  });

  it.each([
    ['yaw', 20, 0, 0],
    ['yaw', -12, 0, 0],
    ['pitch', 0, 15, 0],
    ['pitch', 0, -20, 0],
    ['roll', 0, 0, 25],
    ['roll', 0, 0, -10],
  ] as const)('recovers %s (%i, %i, %i degrees)', (axis, yaw, pitch, roll) => {
    const pose = estimateHeadPose(rotate(head(), yaw * DEG, pitch * DEG, roll * DEG), 0);
    expect(pose.yaw - base.yaw).toBeCloseTo(yaw, 0);
    expect(pose.pitch - base.pitch).toBeCloseTo(pitch, 0);
    expect(pose.roll - base.roll).toBeCloseTo(roll, 0);
    expect(axis).toBeTruthy();
  });

  it('does not read a tilted head as turned', () => {
    const pose = estimateHeadPose(rotate(head(), 10 * DEG, 0, 30 * DEG), 0);
    expect(pose.yaw - base.yaw).toBeCloseTo(10, 0);
    expect(pose.roll - base.roll).toBeCloseTo(30, 0);
  });

  it('subtracts the neutral pitch offset', () => {
    const points = rotate(head(), 0, 0, 0);
    expect(estimateHeadPose(points, 10).pitch).toBeCloseTo(estimateHeadPose(points, 0).pitch - 10, 9);
  });
});
