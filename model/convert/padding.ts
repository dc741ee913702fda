import { ConversionError } from './conversion-error';

/** TensorFlow's padding modes for convolutions and pooling. */
export type TfPadding = 'SAME' | 'VALID';

/** Padding before and after one spatial axis, and the resulting output size. */
export interface AxisPadding {
  readonly before: number;
  readonly after: number;
  readonly outputSize: number;
}

/**
 * TensorFlow's padding for one spatial axis. SAME keeps `ceil(in / stride)` outputs and, when the
 * total padding is odd, puts the extra row/column AFTER (bottom/right) — unlike a symmetric pad, so
 * the converter writes explicit ONNX pads instead of relying on a runtime's auto_pad rules.
 */
export function tfAxisPadding(
  padding: TfPadding,
  inputSize: number,
  kernel: number,
  stride: number,
  dilation = 1,
): AxisPadding {
  if (![inputSize, kernel, stride, dilation].every((v) => Number.isInteger(v) && v > 0)) {
    throw new ConversionError(
      `padding needs positive sizes (input ${inputSize}, kernel ${kernel}, stride ${stride}, dilation ${dilation})`,
    );
  }
  const effectiveKernel = (kernel - 1) * dilation + 1;
  if (padding === 'VALID') {
    if (inputSize < effectiveKernel)
      throw new ConversionError(`VALID window ${effectiveKernel} is larger than the input ${inputSize}`);
    return { before: 0, after: 0, outputSize: Math.floor((inputSize - effectiveKernel) / stride) + 1 };
  }
  const outputSize = Math.ceil(inputSize / stride);
  const total = Math.max((outputSize - 1) * stride + effectiveKernel - inputSize, 0);
  const before = Math.floor(total / 2);
  return { before, after: total - before, outputSize };
}

/** ONNX `pads` ([top, left, bottom, right]) and output size for a 2-D window over an H×W input. */
export function tfPads2d(
  padding: TfPadding,
  input: readonly [height: number, width: number],
  kernel: readonly [number, number],
  strides: readonly [number, number],
  dilations: readonly [number, number] = [1, 1],
): { pads: [number, number, number, number]; outputSize: [number, number] } {
  const rows = tfAxisPadding(padding, input[0], kernel[0], strides[0], dilations[0]);
  const cols = tfAxisPadding(padding, input[1], kernel[1], strides[1], dilations[1]);
  return {
    pads: [rows.before, cols.before, rows.after, cols.after],
    outputSize: [rows.outputSize, cols.outputSize],
  };
}
