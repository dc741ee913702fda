import { describe, expect, it } from 'vitest';
import { IDENTITY, rectToImageTransform } from '../../../../electron/core/vision/affine-transform';
import { boxReduce, insideImageMask, sampleTensor } from '../../../../electron/core/vision/bilinear-sampler';
import type { RgbaImage } from '../../../../electron/core/vision/image-types';

function image(
  width: number,
  height: number,
  pixel: (x: number, y: number) => [number, number, number],
): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      data.set([r, g, b, 255], (y * width + x) * 4);
    }
  return { width, height, data };
}

describe('sampleTensor', () => {
  const img = image(4, 3, (x, y) => [x * 10, y * 20, 200]);

  it('reproduces the pixels exactly through the identity, in both layouts', () => {
    const nhwc = sampleTensor(img, IDENTITY, { width: 4, height: 3, layout: 'NHWC', range: [0, 255] });
    const nchw = sampleTensor(img, IDENTITY, { width: 4, height: 3, layout: 'NCHW', range: [0, 255] });
    for (let y = 0; y < 3; y++)
      for (let x = 0; x < 4; x++) {
        const i = y * 4 + x;
        expect([nhwc[3 * i], nhwc[3 * i + 1], nhwc[3 * i + 2]]).toEqual([x * 10, y * 20, 200]);
        expect([nchw[i], nchw[12 + i], nchw[24 + i]]).toEqual([x * 10, y * 20, 200]);
      }
  });

  it('maps levels into the requested range', () => {
    const t = sampleTensor(
      image(1, 1, () => [0, 255, 127.5]),
      IDENTITY,
      { width: 1, height: 1, layout: 'NHWC', range: [-1, 1] },
    );
    expect(t[0]).toBeCloseTo(-1, 6);
    expect(t[1]).toBeCloseTo(1, 6);
  });

  it('interpolates between pixel centres', () => {
    // Output pixel centre 0.5 maps to image x = 1.0: halfway between pixels 0 and 1.
    const shift = { a: 1, b: 0, c: 0.5, d: 0, e: 1, f: 0 };
    const t = sampleTensor(img, shift, { width: 1, height: 1, layout: 'NHWC', range: [0, 255] });
    expect(t[0]).toBeCloseTo(5, 6);
  });

  it('reads black outside the image', () => {
    const far = { a: 1, b: 0, c: 100, d: 0, e: 1, f: 100 };
    const t = sampleTensor(img, far, { width: 2, height: 2, layout: 'NCHW', range: [-1, 1] });
    expect([...t].every((v) => v === -1)).toBe(true);
  });

  it('rotates: a 90° crop turns columns into rows', () => {
    const m = rectToImageTransform({ cx: 2, cy: 2, width: 4, height: 4, rotation: Math.PI / 2 }, 4, 4);
    const sq = image(4, 4, (x, y) => [x * 50, y * 50, 0]);
    const t = sampleTensor(sq, m, { width: 4, height: 4, layout: 'NHWC', range: [0, 255] });
    // Crop x runs along image +y: red (image x) is constant along a crop row's x, green grows with it.
    expect(t[3 * 1 + 1]! - t[3 * 0 + 1]!).toBeCloseTo(50, 4);
    expect(t[3 * 1]).toBeCloseTo(t[0]!, 4);
  });

  it('box-filters before shrinking, so fine texture does not alias with the sampling phase', () => {
    const checker = image(64, 64, (x, y) => ((x + y) % 2 === 0 ? [255, 255, 255] : [0, 0, 0]));
    // Half a pixel off so single taps land on pixel centres rather than between two pixels.
    const base = rectToImageTransform({ cx: 32, cy: 32, width: 64, height: 64, rotation: 0 }, 16, 16);
    const shrink = { ...base, c: base.c + 0.5, f: base.f + 0.5 };
    const shifted = { ...shrink, c: shrink.c + 1 };
    const spec = { width: 16, height: 16, layout: 'NHWC' as const, range: [0, 1] as const };
    const mean = (t: Float32Array) => t.reduce((s, v) => s + v, 0) / t.length;
    // One tap per pixel: moving the crop by one image pixel flips the whole output from white to black.
    expect(
      Math.abs(mean(sampleTensor(checker, shrink, spec)) - mean(sampleTensor(checker, shifted, spec))),
    ).toBeGreaterThan(0.9);
    const a = sampleTensor(checker, shrink, { ...spec, supersample: 4 });
    const b = sampleTensor(checker, shifted, { ...spec, supersample: 4 });
    // Interior pixels (the region border meets black padding) are a flat 50 % grey either way.
    for (const t of [a, b])
      for (let y = 2; y < 14; y++)
        for (let x = 2; x < 14; x++) expect(t[3 * (y * 16 + x)]).toBeCloseTo(0.5, 2);
  });

  it('gives the same values on the unrotated fast path as on the general one', () => {
    const noisy = image(37, 23, (x, y) => [(x * 37 + y * 11) % 256, (x * y) % 256, (x + 3 * y) % 256]);
    const scaled = { a: 0.7, b: 0, c: -3.2, d: 0, e: 1.3, f: 2.1 };
    const nearly = { ...scaled, b: 1e-13 };
    const spec = { width: 50, height: 20, layout: 'NCHW' as const, range: [0, 1] as const };
    const fast = sampleTensor(noisy, scaled, spec);
    const general = sampleTensor(noisy, nearly, spec);
    fast.forEach((v, i) => expect(v).toBeCloseTo(general[i]!, 6));
  });

  it('rejects a buffer of the wrong size', () => {
    expect(() =>
      sampleTensor(
        img,
        IDENTITY,
        { width: 4, height: 3, layout: 'NHWC', range: [0, 1] },
        new Float32Array(5),
      ),
    ).toThrow(RangeError);
  });
});

describe('boxReduce', () => {
  it('averages whole blocks of the region', () => {
    const img = image(4, 2, (x) => [x * 40, 0, 0]);
    const r = boxReduce(img, 0, 0, 4, 2, 2);
    expect([r.width, r.height]).toEqual([2, 1]);
    expect(r.data[0]).toBe(20);
    expect(r.data[4]).toBe(100);
  });
});

describe('insideImageMask', () => {
  it('marks crop pixels that land inside the image', () => {
    const m = { a: 1, b: 0, c: -2, d: 0, e: 1, f: 0 };
    const mask = insideImageMask(4, 1, m, 4, 1);
    expect([...mask]).toEqual([0, 0, 1, 1]);
  });
});
