import type { TensorValue } from './onnx-types';

/** Number of elements a shape holds (1 for a scalar). */
function elementCount(dims: readonly number[]): number {
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
