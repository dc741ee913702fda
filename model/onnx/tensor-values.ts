import type { ElementType, TensorValue } from './onnx-types';

/** Bytes per element of each element type in `raw_data`. */
export const ELEMENT_SIZE: Record<ElementType, number> = {
  float32: 4,
  uint8: 1,
  int8: 1,
  int32: 4,
  int64: 8,
  bool: 1,
  float16: 2,
  float64: 8,
};

/** Number of elements a shape holds (1 for a scalar). */
export function elementCount(dims: readonly number[]): number {
  return dims.reduce((product, dim) => {
    if (!Number.isInteger(dim) || dim < 0) throw new RangeError(`invalid tensor dimension ${dim}`);
    return product * dim;
  }, 1);
}

function checkCount(dims: readonly number[], length: number, what: string): void {
  const expected = elementCount(dims);
  if (expected !== length) {
    throw new RangeError(
      `${what} tensor of shape [${dims.join(', ')}] needs ${expected} values, got ${length}`,
    );
  }
}

/** A float32 tensor; values are written little-endian regardless of the host. */
export function floatTensor(dims: readonly number[], values: ArrayLike<number>): TensorValue {
  checkCount(dims, values.length, 'float32');
  const rawData = new Uint8Array(values.length * 4);
  const view = new DataView(rawData.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i] as number, true);
  return { elementType: 'float32', dims: [...dims], rawData };
}

/** An int64 tensor (shapes, axes, pads); accepts numbers or bigints. */
export function int64Tensor(dims: readonly number[], values: ArrayLike<number | bigint>): TensorValue {
  checkCount(dims, values.length, 'int64');
  const rawData = new Uint8Array(values.length * 8);
  const view = new DataView(rawData.buffer);
  for (let i = 0; i < values.length; i++) view.setBigInt64(i * 8, BigInt(values[i] as number | bigint), true);
  return { elementType: 'int64', dims: [...dims], rawData };
}

/** An int32 tensor. */
export function int32Tensor(dims: readonly number[], values: ArrayLike<number>): TensorValue {
  checkCount(dims, values.length, 'int32');
  const rawData = new Uint8Array(values.length * 4);
  const view = new DataView(rawData.buffer);
  for (let i = 0; i < values.length; i++) view.setInt32(i * 4, values[i] as number, true);
  return { elementType: 'int32', dims: [...dims], rawData };
}

/** A bool tensor (one byte per element). */
export function boolTensor(dims: readonly number[], values: ArrayLike<boolean>): TensorValue {
  checkCount(dims, values.length, 'bool');
  return { elementType: 'bool', dims: [...dims], rawData: Uint8Array.from(values, (v) => (v ? 1 : 0)) };
}

/** A tensor from bytes already laid out little-endian (e.g. float16 bit patterns). */
export function rawTensor(
  elementType: ElementType,
  dims: readonly number[],
  rawData: Uint8Array,
): TensorValue {
  checkCount(dims, rawData.length / ELEMENT_SIZE[elementType], elementType);
  return { elementType, dims: [...dims], rawData };
}
