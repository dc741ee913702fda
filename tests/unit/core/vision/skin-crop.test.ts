import { describe, expect, it } from 'vitest';
import {
  applyAffine,
  invertAffine,
  rectToImageTransform,
} from '../../../../electron/core/vision/affine-transform';
import { FACE_OVAL } from '../../../../electron/core/vision/face-mesh-topology';
import { eyeLineAngle, skinCropRect } from '../../../../electron/core/vision/skin-crop';
import { canonicalFace } from './canonical-face';

describe('skin crop', () => {
  it.each([0, 0.3, -0.5])(
    'levels the eyes of a face rolled by %s rad and keeps the whole outline inside',
    (roll) => {
      const face = canonicalFace(400, 300, 200, roll);
      expect(eyeLineAngle(face)).toBeCloseTo(roll, 1);
      const rect = skinCropRect(face);
      expect(rect.rotation).toBeCloseTo(eyeLineAngle(face), 12);
      const toCrop = invertAffine(rectToImageTransform(rect, 256, 256));
      const inCrop = FACE_OVAL.map((i) => applyAffine(toCrop, face[i]![0], face[i]![1]));
      for (const [x, y] of inCrop) {
        expect(x).toBeGreaterThan(0);
        expect(x).toBeLessThan(256);
        expect(y).toBeGreaterThan(0);
        expect(y).toBeLessThan(256);
      }
      // In the crop the eyes are level whatever the roll in the image.
      const [rx, ry] = applyAffine(toCrop, face[33]![0], face[33]![1]);
      const [lx, ly] = applyAffine(toCrop, face[263]![0], face[263]![1]);
      expect(Math.abs(ly - ry) / (lx - rx)).toBeLessThan(0.02);
    },
  );

  it('sizes the crop from the face, not the image', () => {
    expect(skinCropRect(canonicalFace(100, 100, 100)).width * 2).toBeCloseTo(
      skinCropRect(canonicalFace(500, 500, 200)).width,
      6,
    );
  });
});
