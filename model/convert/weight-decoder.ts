import { ConversionError } from './conversion-error';
import type { ConstTensor, TfWeightEntry, TfWeightGroup } from './tfjs-model-types';

/** Converts one IEEE 754 half-precision bit pattern to a number (exact: every half is a float32). */
export function float16BitsToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24; // zero and subnormals
  if (exponent === 0x1f) return fraction === 0 ? sign * Infinity : NaN;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

const elementCount = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** Bytes one stored element of `entry` occupies in the shard stream. */
function storedBytesPerElement(entry: TfWeightEntry): number {
  const quantized = entry.quantization?.dtype;
  if (quantized === 'float16' || quantized === 'uint16') return 2;
  if (quantized === 'uint8') return 1;
  if (entry.dtype === 'float32' || entry.dtype === 'int32') return 4;
  throw new ConversionError(
    `weight '${entry.name}' has dtype '${entry.dtype}', which the converter does not support`,
  );
}

/** Decodes one weight from its stored bytes (little-endian, as tfjs writes them). */
export function decodeWeight(entry: TfWeightEntry, bytes: Uint8Array): ConstTensor {
  const count = elementCount(entry.shape);
  const expected = count * storedBytesPerElement(entry);
  if (bytes.length !== expected) {
    throw new ConversionError(`weight '${entry.name}' needs ${expected} bytes, got ${bytes.length}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const quantization = entry.quantization;
  if (quantization === undefined) {
    if (entry.dtype === 'int32') {
      return {
        dtype: 'int32',
        shape: entry.shape,
        values: Int32Array.from({ length: count }, (_, i) => view.getInt32(i * 4, true)),
      };
    }
    return {
      dtype: 'float32',
      shape: entry.shape,
      values: Float32Array.from({ length: count }, (_, i) => view.getFloat32(i * 4, true)),
    };
  }
  if (quantization.dtype === 'float16') {
    if (entry.dtype !== 'float32')
      throw new ConversionError(
        `weight '${entry.name}': float16 quantisation of ${entry.dtype} is not supported`,
      );
    return {
      dtype: 'float32',
      shape: entry.shape,
      values: Float32Array.from({ length: count }, (_, i) =>
        float16BitsToNumber(view.getUint16(i * 2, true)),
      ),
    };
  }
  const { scale, min } = quantization;
  if (scale === undefined || min === undefined) {
    throw new ConversionError(
      `weight '${entry.name}' is ${quantization.dtype}-quantised but lacks 'scale' and 'min'`,
    );
  }
  const read =
    quantization.dtype === 'uint8'
      ? (i: number) => view.getUint8(i)
      : (i: number) => view.getUint16(i * 2, true);
  if (entry.dtype === 'int32') {
    return {
      dtype: 'int32',
      shape: entry.shape,
      values: Int32Array.from({ length: count }, (_, i) => Math.round(read(i) * scale + min)),
    };
  }
  return {
    dtype: 'float32',
    shape: entry.shape,
    values: Float32Array.from({ length: count }, (_, i) => read(i) * scale + min),
  };
}

/**
 * Decodes every weight of a manifest. `readShards(paths)` returns the concatenated bytes of one
 * group's shard files; weights are laid out back to back in manifest order.
 */
export function decodeWeightGroups(
  groups: readonly TfWeightGroup[],
  readShards: (paths: readonly string[]) => Uint8Array,
): Map<string, ConstTensor> {
  const weights = new Map<string, ConstTensor>();
  for (const group of groups) {
    const data = readShards(group.paths);
    let offset = 0;
    for (const entry of group.weights) {
      const size = elementCount(entry.shape) * storedBytesPerElement(entry);
      if (offset + size > data.length) {
        throw new ConversionError(
          `weight '${entry.name}' runs past the end of ${group.paths.join(', ')} (${data.length} bytes)`,
        );
      }
      weights.set(entry.name, decodeWeight(entry, data.subarray(offset, offset + size)));
      offset += size;
    }
    if (offset !== data.length) {
      throw new ConversionError(
        `${group.paths.join(', ')} holds ${data.length} bytes but the manifest describes ${offset}`,
      );
    }
  }
  return weights;
}
