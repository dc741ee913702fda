import { describe, expect, it } from 'vitest';
import {
  laplacianVariance,
  lumaPlane,
  measureFaceImage,
} from '../../../../electron/core/vision/image-measures';

const W = 64;
const square = (x0: number, y0: number, x1: number, y1: number) => [x0, y0, x1, y0, x1, y1, x0, y1];
const regions = {
  skin: [square(8, 8, 56, 56)],
  excluded: [square(28, 28, 36, 36)],
  inner: square(4, 4, 60, 60),
  midline: [32, 0, 32, 64] as [number, number, number, number],
};

/** An NHWC [0,1] tensor from a per-pixel grey level 0–255. */
function grey(level: (x: number, y: number) => number): Float32Array {
  const t = new Float32Array(W * W * 3);
  for (let y = 0; y < W; y++)
    for (let x = 0; x < W; x++) t.fill(level(x, y) / 255, 3 * (y * W + x), 3 * (y * W + x) + 3);
  return t;
}

describe('measureFaceImage', () => {
  it('measures mean skin luma and no clipping on an even grey face', () => {
    const m = measureFaceImage(
      grey(() => 120),
      W,
      W,
      'NHWC',
      [0, 1],
      regions,
    );
    expect(m.brightness).toBeCloseTo(120, 3);
    expect(m.highlightClip).toBe(0);
    expect(m.shadowClip).toBe(0);
    expect(m.unevenness).toBeCloseTo(0, 6);
    expect(m.sharpness).toBeCloseTo(0, 6);
  });

  it('reads one side lit and the other in shadow as uneven', () => {
    const m = measureFaceImage(
      grey((x) => (x < 32 ? 60 : 180)),
      W,
      W,
      'NHWC',
      [0, 1],
      regions,
    );
    expect(m.unevenness).toBeCloseTo(120 / 180, 3);
  });

  it('counts blown highlights and crushed shadows over the skin only', () => {
    // Blown pixels inside the excluded square (an eye) do not count.
    const t = grey((x, y) =>
      x >= 28 && x < 36 && y >= 28 && y < 36 ? 255 : y < 20 ? 255 : y > 50 ? 5 : 128,
    );
    const m = measureFaceImage(t, W, W, 'NHWC', [0, 1], regions);
    const skinPixels = 48 * 48 - 64;
    expect(m.highlightClip).toBeCloseTo((12 * 48) / skinPixels, 6);
    expect(m.shadowClip).toBeCloseTo((5 * 48) / skinPixels, 6);
  });

  it('scores a sharp pattern far above the same pattern blurred', () => {
    const sharp = grey((x, y) => (((x >> 1) + (y >> 1)) % 2 ? 200 : 60));
    const soft = grey((x, y) => 130 + 35 * Math.sin((x + y) / 6));
    const a = measureFaceImage(sharp, W, W, 'NHWC', [0, 1], regions).sharpness;
    const b = measureFaceImage(soft, W, W, 'NHWC', [0, 1], regions).sharpness;
    expect(a).toBeGreaterThan(100 * b);
  });

  it('reads the same focus on light and deep skin: the same relative texture, a quarter the brightness', () => {
    const texture = (x: number, y: number) => 1 + 0.15 * (((x >> 1) + (y >> 1)) % 2 ? 1 : -1);
    const light = measureFaceImage(
      grey((x, y) => 160 * texture(x, y)),
      W,
      W,
      'NHWC',
      [0, 1],
      regions,
    );
    const deep = measureFaceImage(
      grey((x, y) => 40 * texture(x, y)),
      W,
      W,
      'NHWC',
      [0, 1],
      regions,
    );
    expect(deep.brightness).toBeCloseTo(light.brightness / 4, 0);
    expect(deep.sharpness).toBeCloseTo(light.sharpness, 0);
    expect(deep.sharpness).toBeGreaterThan(20);
  });
});

describe('lumaPlane and laplacianVariance', () => {
  it('converts NCHW and NHWC the same way, with Rec. 709 weights', () => {
    const nchw = new Float32Array([1, 0, 0, 1, 0, 0]);
    const nhwc = new Float32Array([1, 0, 0, 0, 1, 0]);
    expect([...lumaPlane(nchw, 2, 1, 'NCHW', [0, 1])].map((v) => +v.toFixed(3))).toEqual([54.213, 182.376]);
    expect([...lumaPlane(nhwc, 2, 1, 'NHWC', [0, 1])].map((v) => +v.toFixed(3))).toEqual([54.213, 182.376]);
    expect(lumaPlane(new Float32Array([1, 1, 1]), 1, 1, 'NHWC', [-1, 1])[0]).toBeCloseTo(255, 3);
  });

  it('is the variance of the 4-neighbour Laplacian inside the mask', () => {
    const luma = new Float32Array(9);
    luma[4] = 10;
    const mask = new Uint8Array(9).fill(1);
    // One interior pixel: Laplacian −40, variance 0 (a single sample).
    expect(laplacianVariance(luma, 3, 3, mask)).toBe(0);
    mask[1] = 0;
    expect(laplacianVariance(luma, 3, 3, mask)).toBe(0);
  });
});
