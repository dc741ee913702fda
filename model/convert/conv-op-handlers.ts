import { int64Tensor } from '../onnx';
import { ConversionError, UnsupportedOpError } from './conversion-error';
import { emitActivation } from './activation';
import type { ConversionContext } from './conversion-context';
import { depthwiseToGroupedOihw, hwioToOihw } from './layout';
import { tfPads2d, type TfPadding } from './padding';
import { TfNodeAttributes } from './tf-node-attributes';
import type { TfNodeDef } from './tfjs-model-types';

/** Window geometry of a TensorFlow conv/pool node, in ONNX terms. */
interface Window {
  readonly strides: [number, number];
  readonly dilations: [number, number];
  readonly pads: [number, number, number, number];
  readonly outputSize: [number, number];
}

function spatialPair(node: TfNodeDef, values: number[], what: string): [number, number] {
  const [n, h, w, c] = values;
  if (values.length !== 4 || n !== 1 || c !== 1 || h === undefined || w === undefined) {
    throw new ConversionError(
      `node '${node.name}' (${node.op}): ${what} [${values.join(', ')}] must be [1, h, w, 1]`,
    );
  }
  return [h, w];
}

function windowOf(node: TfNodeDef, inputShape: readonly number[], kernel: [number, number]): Window {
  const attrs = new TfNodeAttributes(node);
  attrs.requireNhwc();
  const strides = spatialPair(node, attrs.ints('strides'), 'strides');
  const dilations = spatialPair(node, attrs.ints('dilations', [1, 1, 1, 1]), 'dilations');
  const height = inputShape[1];
  const width = inputShape[2];
  if (inputShape.length !== 4 || height === undefined || width === undefined || height < 1 || width < 1) {
    throw new ConversionError(
      `node '${node.name}' (${node.op}) needs a static NHWC input, got [${inputShape.join(', ')}]`,
    );
  }
  const padding = attrs.string('padding');
  if (padding === 'EXPLICIT') {
    // explicit_paddings is NHWC pairs: [0, 0, top, bottom, left, right, 0, 0].
    const [, , top = 0, bottom = 0, left = 0, right = 0] = attrs.ints('explicit_paddings');
    const size = (input: number, k: number, s: number, d: number, before: number, after: number): number =>
      Math.floor((input + before + after - (k - 1) * d - 1) / s) + 1;
    return {
      strides,
      dilations,
      pads: [top, left, bottom, right],
      outputSize: [
        size(height, kernel[0], strides[0], dilations[0], top, bottom),
        size(width, kernel[1], strides[1], dilations[1], left, right),
      ],
    };
  }
  if (padding !== 'SAME' && padding !== 'VALID')
    throw new UnsupportedOpError(node.op, node.name, `padding '${padding}'`);
  const { pads, outputSize } = tfPads2d(padding as TfPadding, [height, width], kernel, strides, dilations);
  return { strides, dilations, pads, outputSize };
}

/**
 * Conv2D / DepthwiseConv2dNative and their `_Fused*` forms (BiasAdd followed by an optional
 * activation). The filter is rearranged to OIHW once; the bias rides in Conv's third input.
 */
function convertConvolution(node: TfNodeDef, ctx: ConversionContext, depthwise: boolean): void {
  const x = ctx.tensorInput(node, 0);
  const filterTensor = ctx.constInput(node, 1, 'the filter');
  if (filterTensor.dtype !== 'float32')
    throw new ConversionError(`node '${node.name}': the filter must be float32`);
  const filter = depthwise
    ? depthwiseToGroupedOihw(filterTensor.values, filterTensor.shape)
    : hwioToOihw(filterTensor.values, filterTensor.shape);
  const [kh, kw, inChannels] = filterTensor.shape as [number, number, number, number];
  const channels = x.shape[3];
  if (channels !== inChannels)
    throw new ConversionError(
      `node '${node.name}': input has ${channels} channels, the filter expects ${inChannels}`,
    );
  const window = windowOf(node, x.shape, [kh, kw]);
  const filterName = ctx.constInitializer(nameOf(node, 1), depthwise ? '/grouped_oihw' : '/oihw', {
    dtype: 'float32',
    shape: filter.shape,
    values: filter.values,
  });
  const outChannels = filter.shape[0] as number;

  const fused = new TfNodeAttributes(node).strings('fused_ops');
  const isFused = node.op.includes('Fused');
  if (!isFused && fused.length > 0)
    throw new ConversionError(`node '${node.name}' lists fused_ops but is not a fused op`);
  if (isFused && fused[0] !== 'BiasAdd')
    throw new UnsupportedOpError(
      `${node.op}[${fused.join(',')}]`,
      node.name,
      'only BiasAdd followed by an optional activation can be fused',
    );
  if (fused.length > 2)
    throw new UnsupportedOpError(
      `${node.op}[${fused.join(',')}]`,
      node.name,
      'at most one activation after BiasAdd',
    );
  const inputs = [ctx.asNchw(x), filterName];
  if (isFused) {
    const bias = ctx.floatConstInput(node, 2, 'the bias');
    if (bias.length !== outChannels)
      throw new ConversionError(
        `node '${node.name}': bias has ${bias.length} values for ${outChannels} channels`,
      );
    inputs.push(
      ctx.constInitializer(nameOf(node, 2), '', { dtype: 'float32', shape: [outChannels], values: bias }),
    );
  }
  const activation = fused[1];
  const convOutput = activation === undefined ? node.name : ctx.freshName(`${node.name}/conv`);
  ctx.builder.node(
    'Conv',
    inputs,
    {
      kernel_shape: [kh, kw],
      strides: window.strides,
      dilations: window.dilations,
      pads: window.pads,
      group: depthwise ? (channels as number) : 1,
    },
    { name: convOutput, outputs: [convOutput] },
  );
  if (activation !== undefined) {
    const alphaIndex = 3;
    const alpha =
      activation === 'Prelu'
        ? {
            name: nameOf(node, alphaIndex),
            values: ctx.floatConstInput(node, alphaIndex, 'the PReLU slope'),
            shape: ctx.constInput(node, alphaIndex, 'the PReLU slope').shape,
          }
        : undefined;
    emitActivation(ctx, node, {
      activation,
      input: convOutput,
      output: node.name,
      channelsFirst: true,
      ...(alpha ? { alpha } : {}),
    });
  }
  ctx.defineTensor(node.name, node.name, [x.shape[0] as number, ...window.outputSize, outChannels], 'nchw');
}

/** TensorFlow node name feeding input `index` (used to name initializers after their source). */
function nameOf(node: TfNodeDef, index: number): string {
  const ref = (node.input ?? []).filter((r) => !r.startsWith('^'))[index];
  if (ref === undefined) throw new ConversionError(`node '${node.name}' (${node.op}) has no input ${index}`);
  return ref;
}

/** MaxPool: TensorFlow SAME pads with -inf for max pooling, as ONNX MaxPool does with `pads`. */
function convertMaxPool(node: TfNodeDef, ctx: ConversionContext): void {
  const x = ctx.tensorInput(node, 0);
  const kernel = spatialPair(node, new TfNodeAttributes(node).ints('ksize'), 'ksize');
  const window = windowOf(node, x.shape, kernel);
  if (window.dilations[0] !== 1 || window.dilations[1] !== 1)
    throw new UnsupportedOpError('MaxPool', node.name, 'dilated pooling');
  ctx.builder.node(
    'MaxPool',
    [ctx.asNchw(x)],
    { kernel_shape: kernel, strides: window.strides, pads: window.pads },
    { name: node.name, outputs: [node.name] },
  );
  ctx.defineTensor(
    node.name,
    node.name,
    [x.shape[0] as number, ...window.outputSize, x.shape[3] as number],
    'nchw',
  );
}

/** Pad with zeros; the paddings' rows are reordered when the tensor is stored channels-first. */
function convertPad(node: TfNodeDef, ctx: ConversionContext): void {
  const x = ctx.tensorInput(node, 0);
  const paddings = ctx.intConstInput(node, 1, 'the paddings');
  const rank = x.shape.length;
  if (paddings.length !== rank * 2)
    throw new ConversionError(
      `node '${node.name}': ${paddings.length / 2} padding rows for a rank-${rank} tensor`,
    );
  const axes = x.layout === 'nchw' ? [0, 3, 1, 2] : Array.from({ length: rank }, (_, i) => i);
  const before = axes.map((axis) => paddings[axis * 2] as number);
  const after = axes.map((axis) => paddings[axis * 2 + 1] as number);
  if ([...before, ...after].some((p) => p < 0))
    throw new UnsupportedOpError('Pad', node.name, 'negative paddings');
  const padsName = ctx.builder.initializer(
    ctx.freshName(`${node.name}/pads`),
    int64Tensor([rank * 2], [...before, ...after]),
  );
  ctx.builder.node(
    'Pad',
    [x.onnxName, padsName],
    { mode: 'constant' },
    { name: node.name, outputs: [node.name] },
  );
  const shape = x.shape.map((dim, axis) =>
    dim < 0 ? dim : dim + (paddings[axis * 2] as number) + (paddings[axis * 2 + 1] as number),
  );
  ctx.defineTensor(node.name, node.name, shape, x.layout);
}

/** Handlers for convolution, pooling and padding ops, keyed by TensorFlow op name. */
export const convOpHandlers: Record<string, (node: TfNodeDef, ctx: ConversionContext) => void> = {
  Conv2D: (node, ctx) => convertConvolution(node, ctx, false),
  _FusedConv2D: (node, ctx) => convertConvolution(node, ctx, false),
  DepthwiseConv2dNative: (node, ctx) => convertConvolution(node, ctx, true),
  DepthwiseConv2d: (node, ctx) => convertConvolution(node, ctx, true),
  FusedDepthwiseConv2dNative: (node, ctx) => convertConvolution(node, ctx, true),
  MaxPool: convertMaxPool,
  Pad: convertPad,
};
