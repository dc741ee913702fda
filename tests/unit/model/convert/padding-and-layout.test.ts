import { describe, expect, it } from 'vitest';
import {
  broadcastConstantToNchw,
  depthwiseToGroupedOihw,
  hwioToOihw,
  nhwcAxisToNchw,
  permuteShape,
  transposeValues,
} from '../../../../model/convert/layout';
import { tfAxisPadding, tfPads2d } from '../../../../model/convert/padding';

describe('TensorFlow padding', () => {
  it('puts the odd extra SAME padding after (bottom/right)', () => {
    // BlazeFace's first layer: 5×5 kernel, stride 2 on 256 → 128 outputs, 3 padding: 1 before, 2 after.
    expect(tfAxisPadding('SAME', 256, 5, 2)).toEqual({ before: 1, after: 2, outputSize: 128 });
    expect(tfAxisPadding('SAME', 6, 3, 2)).toEqual({ before: 0, after: 1, outputSize: 3 });
    expect(tfAxisPadding('SAME', 5, 3, 2)).toEqual({ before: 1, after: 1, outputSize: 3 });
    expect(tfAxisPadding('SAME', 7, 3, 1)).toEqual({ before: 1, after: 1, outputSize: 7 });
    expect(tfAxisPadding('SAME', 4, 2, 2)).toEqual({ before: 0, after: 0, outputSize: 2 });
    expect(tfAxisPadding('SAME', 1, 3, 2)).toEqual({ before: 1, after: 1, outputSize: 1 });
  });

  it('accounts for dilation and computes VALID output sizes', () => {
    expect(tfAxisPadding('SAME', 7, 3, 1, 2)).toEqual({ before: 2, after: 2, outputSize: 7 });
    expect(tfAxisPadding('VALID', 7, 3, 2)).toEqual({ before: 0, after: 0, outputSize: 3 });
    expect(tfAxisPadding('VALID', 8, 3, 1, 3)).toEqual({ before: 0, after: 0, outputSize: 2 });
    expect(() => tfAxisPadding('VALID', 2, 3, 1)).toThrow(/larger than the input/);
    expect(() => tfAxisPadding('SAME', 0, 3, 1)).toThrow(/positive/);
  });

  it('returns ONNX pads in [top, left, bottom, right] order', () => {
    expect(tfPads2d('SAME', [6, 5], [3, 3], [2, 2])).toEqual({ pads: [0, 1, 1, 1], outputSize: [3, 3] });
  });
});

describe('layout transposes', () => {
  it('transposes like NumPy for NHWC → NCHW', () => {
    // [1, 2, 2, 3] NHWC with value = 100h + 10w + c.
    const nhwc = Float32Array.from([0, 1, 2, 10, 11, 12, 100, 101, 102, 110, 111, 112]);
    expect(Array.from(transposeValues(nhwc, [1, 2, 2, 3], [0, 3, 1, 2]))).toEqual([
      0, 10, 100, 110, 1, 11, 101, 111, 2, 12, 102, 112,
    ]);
    expect(permuteShape([1, 2, 2, 3], [0, 3, 1, 2])).toEqual([1, 3, 2, 2]);
    expect(() => permuteShape([1, 2], [0, 1, 2])).toThrow(RangeError);
  });

  it('round-trips through NHWC → NCHW → NHWC and keeps the array type', () => {
    const values = Int32Array.from({ length: 60 }, (_, i) => i * 7);
    const there = transposeValues(values, [1, 3, 4, 5], [0, 3, 1, 2]);
    expect(there).toBeInstanceOf(Int32Array);
    expect(transposeValues(there, [1, 5, 3, 4], [0, 2, 3, 1])).toEqual(values);
  });

  it('moves Conv2D filters from HWIO to OIHW', () => {
    // [kh=1, kw=2, in=2, out=3], value = 1000kh + 100kw + 10i + o.
    const shape = [1, 2, 2, 3];
    const values = Float32Array.from({ length: 12 }, (_, flat) => {
      const o = flat % 3;
      const i = Math.floor(flat / 3) % 2;
      const kw = Math.floor(flat / 6);
      return 100 * kw + 10 * i + o;
    });
    const out = hwioToOihw(values, shape);
    expect(out.shape).toEqual([3, 2, 1, 2]);
    // OIHW element [o=2, i=1, 0, kw=1] sits at ((2·2 + 1)·1 + 0)·2 + 1 = 11.
    expect(out.values[11]).toBe(112);
    expect(out.values[0]).toBe(0);
  });

  it('groups depthwise filters as channel × multiplier', () => {
    // [kh=1, kw=1, channels=2, multiplier=2], value = 10c + m.
    const out = depthwiseToGroupedOihw(Float32Array.from([0, 1, 10, 11]), [1, 1, 2, 2]);
    expect(out.shape).toEqual([4, 1, 1, 1]);
    expect(Array.from(out.values)).toEqual([0, 1, 10, 11]);
    const spatial = depthwiseToGroupedOihw(Float32Array.from([0, 10, 1, 11]), [2, 1, 2, 1]);
    expect(spatial.shape).toEqual([2, 1, 2, 1]);
    expect(Array.from(spatial.values)).toEqual([0, 1, 10, 11]);
  });

  it('maps NHWC axes and broadcast constants to channels-first', () => {
    expect([0, 1, 2, 3, -1, -3].map(nhwcAxisToNchw)).toEqual([0, 2, 3, 1, 1, 2]);
    expect(() => nhwcAxisToNchw(4)).toThrow(RangeError);
    const alpha = broadcastConstantToNchw(Float32Array.from([1, 2, 3]), [1, 1, 3]);
    expect(alpha.shape).toEqual([1, 3, 1, 1]);
    expect(Array.from(alpha.values)).toEqual([1, 2, 3]);
    expect(broadcastConstantToNchw(Float32Array.from([5]), []).shape).toEqual([1, 1, 1, 1]);
  });
});
