/**
 * Layout helpers. TensorFlow.js graphs are NHWC with HWIO filters; ONNX Conv/Pool want NCHW with
 * OIHW filters. Weights are rearranged once at conversion time; activations get Transpose nodes
 * only where a layout-sensitive op needs TensorFlow's order.
 */

/** Permutation taking an NHWC tensor to NCHW. */
export const NHWC_TO_NCHW = [0, 3, 1, 2] as const;
/** Permutation taking an NCHW tensor to NHWC. */
export const NCHW_TO_NHWC = [0, 2, 3, 1] as const;

/** Shape after `Transpose(perm)`. */
export function permuteShape<T>(shape: readonly T[], perm: readonly number[]): T[] {
  if (perm.length !== shape.length)
    throw new RangeError(`permutation of rank ${perm.length} for a shape of rank ${shape.length}`);
  return perm.map((axis) => {
    const dim = shape[axis];
    if (dim === undefined) throw new RangeError(`permutation axis ${axis} out of range`);
    return dim;
  });
}

/** Row-major transpose of `values` (shape `shape`), equal to ONNX/NumPy `transpose(perm)`. */
export function transposeValues<T extends Float32Array | Int32Array>(
  values: T,
  shape: readonly number[],
  perm: readonly number[],
): T {
  const outShape = permuteShape(shape, perm);
  const rank = shape.length;
  const inStrides = new Array<number>(rank).fill(1);
  for (let axis = rank - 2; axis >= 0; axis--)
    inStrides[axis] = (inStrides[axis + 1] as number) * (shape[axis + 1] as number);
  // Stride in the source for each output axis.
  const strides = perm.map((axis) => inStrides[axis] as number);
  const out = new (values.constructor as new (length: number) => T)(values.length);
  const index = new Array<number>(rank).fill(0);
  for (let flat = 0; flat < values.length; flat++) {
    let source = 0;
    for (let axis = 0; axis < rank; axis++) source += (index[axis] as number) * (strides[axis] as number);
    out[flat] = values[source] as number;
    for (let axis = rank - 1; axis >= 0; axis--) {
      index[axis] = (index[axis] as number) + 1;
      if ((index[axis] as number) < (outShape[axis] as number)) break;
      index[axis] = 0;
    }
  }
  return out;
}

/** Conv2D filter [kh, kw, in, out] (HWIO) → ONNX Conv weight [out, in, kh, kw] (OIHW). */
export function hwioToOihw(
  values: Float32Array,
  shape: readonly number[],
): { values: Float32Array; shape: number[] } {
  if (shape.length !== 4) throw new RangeError(`Conv2D filter must be rank 4, got [${shape.join(', ')}]`);
  const perm = [3, 2, 0, 1];
  return { values: transposeValues(values, shape, perm), shape: permuteShape(shape, perm) };
}

/**
 * DepthwiseConv2dNative filter [kh, kw, channels, multiplier] → grouped ONNX Conv weight
 * [channels × multiplier, 1, kh, kw] with group = channels. TensorFlow numbers output channel
 * `c × multiplier + m`, which is exactly ONNX's group-major order.
 */
export function depthwiseToGroupedOihw(
  values: Float32Array,
  shape: readonly number[],
): { values: Float32Array; shape: number[] } {
  const [kh, kw, channels, multiplier] = shape;
  if (
    shape.length !== 4 ||
    kh === undefined ||
    kw === undefined ||
    channels === undefined ||
    multiplier === undefined
  ) {
    throw new RangeError(`depthwise filter must be rank 4, got [${shape.join(', ')}]`);
  }
  // [kh, kw, c, m] → [c, m, kh, kw] is already [c·m, 1, kh, kw] in row-major order.
  const transposed = transposeValues(values, shape, [2, 3, 0, 1]);
  return { values: transposed, shape: [channels * multiplier, 1, kh, kw] };
}

/** Where NHWC axis `axis` (negative counts from the end) lands in NCHW. */
export function nhwcAxisToNchw(axis: number): number {
  const normalized = axis < 0 ? axis + 4 : axis;
  const mapped = [0, 2, 3, 1][normalized];
  if (mapped === undefined) throw new RangeError(`axis ${axis} is out of range for a rank-4 tensor`);
  return mapped;
}

/**
 * Reshapes a constant that broadcasts against an NHWC tensor (e.g. a PReLU alpha [1, 1, C] or a
 * bias [C]) into the shape that broadcasts the same way against the NCHW tensor.
 */
export function broadcastConstantToNchw(
  values: Float32Array,
  shape: readonly number[],
): { values: Float32Array; shape: number[] } {
  if (shape.length > 4)
    throw new RangeError(`cannot broadcast a rank-${shape.length} constant against a rank-4 tensor`);
  const padded = [...new Array<number>(4 - shape.length).fill(1), ...shape];
  return { values: transposeValues(values, padded, NHWC_TO_NCHW), shape: permuteShape(padded, NHWC_TO_NCHW) };
}
