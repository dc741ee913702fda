import { describe, expect, it } from 'vitest';
import { eyeEvidence, type EyeOpening } from '../../../../electron/core/color/eye-evidence';
import { srgbToLinear } from '../../../../electron/core/color/color-spaces';

const W = 120;
const H = 80;
/** An almond eye opening 60 px wide, iris of radius 10 at its centre. */
const EYE: EyeOpening = {
  lid: [30, 40, 45, 52, 60, 56, 75, 52, 90, 40, 75, 27, 60, 23, 45, 27],
  iris: { x: 60, y: 40, r: 10 },
};

/** Skin around, a warm-white sclera, a brown iris with a 2×2 catchlight of `lamp`. */
function eyeImage(lamp: readonly [number, number, number]): Uint8Array {
  const data = new Uint8Array(W * H * 4);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const d = Math.hypot(x + 0.5 - 60, y + 0.5 - 40);
      const px = x >= 62 && x < 64 && y >= 36 && y < 38 ? lamp : d < 10 ? [70, 45, 30] : [225, 215, 205];
      data.set([...px, 255], (y * W + x) * 4);
    }
  return data;
}

describe('eye evidence', () => {
  it('reads the sclera outside the iris and the catchlight inside it', () => {
    const seen = eyeEvidence({ width: W, height: H, data: eyeImage([235, 235, 245]) }, EYE);
    expect(seen.sclera!.count).toBeGreaterThan(100);
    seen.sclera!.linear.forEach((v, c) => expect(v).toBeCloseTo(srgbToLinear([225, 215, 205][c]! / 255), 2));
    seen.catchlight!.forEach((v, c) => expect(v).toBeCloseTo(srgbToLinear([235, 235, 245][c]! / 255), 2));
  });

  it('gives no catchlight when the lamp reflection is blown, and nothing for a shut eye', () => {
    expect(eyeEvidence({ width: W, height: H, data: eyeImage([255, 255, 255]) }, EYE).catchlight).toBeNull();
    const shut: EyeOpening = { lid: [58, 40, 62, 40, 62, 41, 58, 41], iris: EYE.iris };
    expect(eyeEvidence({ width: W, height: H, data: eyeImage([235, 235, 245]) }, shut)).toEqual({
      sclera: null,
      catchlight: null,
    });
  });
});
