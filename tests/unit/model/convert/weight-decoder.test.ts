import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { ConversionError, parseTfjsGraphModel } from '../../../../model/convert';
import type { TfWeightEntry } from '../../../../model/convert/tfjs-model-types';
import {
  decodeWeight,
  decodeWeightGroups,
  float16BitsToNumber,
} from '../../../../model/convert/weight-decoder';
import { noise, toHalfBits } from './synthetic-graph';

const halves = (values: number[]): Uint8Array => {
  const bytes = Buffer.alloc(values.length * 2);
  values.forEach((bits, i) => bytes.writeUInt16LE(bits, i * 2));
  return new Uint8Array(bytes);
};

describe('float16 decoding', () => {
  it('decodes normal, subnormal and special half-precision values exactly', () => {
    expect(float16BitsToNumber(0x3c00)).toBe(1);
    expect(float16BitsToNumber(0xc000)).toBe(-2);
    expect(float16BitsToNumber(0x3555)).toBe(0.333251953125);
    expect(float16BitsToNumber(0x7bff)).toBe(65504);
    expect(float16BitsToNumber(0x0001)).toBe(2 ** -24);
    expect(float16BitsToNumber(0x03ff)).toBe(1023 * 2 ** -24);
    expect(Object.is(float16BitsToNumber(0x8000), -0)).toBe(true);
    expect(float16BitsToNumber(0x7c00)).toBe(Infinity);
    expect(float16BitsToNumber(0xfc00)).toBe(-Infinity);
    expect(float16BitsToNumber(0x7e00)).toBeNaN();
  });

  it('agrees with TensorFlow.js on every one of the 65,536 bit patterns', async () => {
    const all = Array.from({ length: 0x10000 }, (_, i) => i);
    const entry: TfWeightEntry = {
      name: 'all',
      shape: [all.length],
      dtype: 'float32',
      quantization: { dtype: 'float16', original_dtype: 'float32' },
    };
    const bytes = halves(all);
    const ours = decodeWeight(entry, bytes).values;
    const decoded = tf.io.decodeWeights(bytes.slice().buffer, [entry as tf.io.WeightsManifestEntry]);
    const theirs = await decoded.all!.data();
    // NaN payloads may differ; every other value must be identical, signed zeros included.
    const mismatches = all.filter(
      (i) => !(Object.is(ours[i], theirs[i]) || (Number.isNaN(ours[i]) && Number.isNaN(theirs[i]))),
    );
    expect(mismatches).toEqual([]);
  });
});

describe('weight decoding', () => {
  it('dequantises uint8 and uint16 affine weights like TensorFlow.js', async () => {
    const entries: TfWeightEntry[] = [
      { name: 'u8', shape: [2, 2], dtype: 'float32', quantization: { dtype: 'uint8', scale: 0.5, min: -1 } },
      { name: 'u16', shape: [3], dtype: 'float32', quantization: { dtype: 'uint16', scale: 0.001, min: 2 } },
      { name: 'i8', shape: [2], dtype: 'int32', quantization: { dtype: 'uint8', scale: 1.5, min: -3 } },
    ];
    const u16 = Buffer.alloc(6);
    [0, 1000, 65535].forEach((v, i) => u16.writeUInt16LE(v, i * 2));
    const data = new Uint8Array(Buffer.concat([Buffer.from([0, 2, 5, 255]), u16, Buffer.from([0, 3])]));
    const weights = decodeWeightGroups([{ paths: ['w.bin'], weights: entries }], () => data);
    expect(Array.from(weights.get('u8')!.values)).toEqual([-1, 0, 1.5, 126.5]);
    expect(weights.get('u8')!.shape).toEqual([2, 2]);
    expect(weights.get('i8')).toMatchObject({ dtype: 'int32' });
    expect(Array.from(weights.get('i8')!.values)).toEqual([-3, 2]);
    const reference = tf.io.decodeWeights(data.slice().buffer, entries as tf.io.WeightsManifestEntry[]);
    for (const entry of entries)
      expect(Array.from(weights.get(entry.name)!.values)).toEqual(
        Array.from(await reference[entry.name]!.data()),
      );
  });

  it('reads float32 and int32 weights back to back across concatenated shards', () => {
    const floats = Float32Array.from(noise(6, 3));
    const ints = Int32Array.from([-1, 7, 2 ** 30]);
    const bytes = new Uint8Array(Buffer.concat([Buffer.from(floats.buffer), Buffer.from(ints.buffer)]));
    const shards = [bytes.subarray(0, 10), bytes.subarray(10)];
    const weights = decodeWeightGroups(
      [
        {
          paths: ['a.bin', 'b.bin'],
          weights: [
            { name: 'f', shape: [2, 3], dtype: 'float32' },
            { name: 'i', shape: [3], dtype: 'int32' },
          ],
        },
      ],
      (paths) => {
        expect(paths).toEqual(['a.bin', 'b.bin']);
        return new Uint8Array(Buffer.concat(shards));
      },
    );
    expect(weights.get('f')?.values).toEqual(floats);
    expect(weights.get('i')?.values).toEqual(ints);
  });

  it('fails clearly on truncated data, extra bytes, missing quantisation metadata and string weights', () => {
    const entry: TfWeightEntry = { name: 'w', shape: [4], dtype: 'float32' };
    expect(() =>
      decodeWeightGroups([{ paths: ['w.bin'], weights: [entry] }], () => new Uint8Array(12)),
    ).toThrow(/'w' runs past the end of w.bin/);
    expect(() =>
      decodeWeightGroups([{ paths: ['w.bin'], weights: [entry] }], () => new Uint8Array(20)),
    ).toThrow(/holds 20 bytes but the manifest describes 16/);
    expect(() =>
      decodeWeight(
        { name: 'q', shape: [1], dtype: 'float32', quantization: { dtype: 'uint8' } },
        new Uint8Array(1),
      ),
    ).toThrow(ConversionError);
    expect(() => decodeWeight({ name: 's', shape: [1], dtype: 'string' }, new Uint8Array(4))).toThrow(
      /'s' has dtype 'string'/,
    );
  });

  it('rejects a model.json that is not a graph model', () => {
    expect(() => parseTfjsGraphModel('{not json', () => new Uint8Array())).toThrow(/not valid JSON/);
    expect(() =>
      parseTfjsGraphModel(
        JSON.stringify({ format: 'layers-model', modelTopology: { node: [] }, weightsManifest: [] }),
        () => new Uint8Array(),
      ),
    ).toThrow(/graph model/);
  });

  it('round-trips values through the test helper’s float16 encoder', () => {
    const values = [0.1, -3.75, 1025, 7e-5];
    const decoded = decodeWeight(
      { name: 'r', shape: [4], dtype: 'float32', quantization: { dtype: 'float16' } },
      halves(values.map(toHalfBits)),
    ).values;
    // Half precision keeps 11 significant bits: rounding error is at most half a unit in the last place.
    values.forEach((v, i) =>
      expect(Math.abs((decoded[i] as number) - v)).toBeLessThanOrEqual(Math.abs(v) * 2 ** -11),
    );
  });
});
