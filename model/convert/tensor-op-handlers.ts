import { ConversionError } from './conversion-error';
import { emitActivation } from './activation';
import { int64ShapeTensor, type ConversionContext, type TensorRef } from './conversion-context';
import { broadcastConstantToNchw, nhwcAxisToNchw } from './layout';
import type { TfNodeDef } from './tfjs-model-types';

type Handler = (node: TfNodeDef, ctx: ConversionContext) => void;

/** NumPy broadcasting of two TensorFlow shapes (-1 = dynamic). */
function broadcastShapes(node: TfNodeDef, a: readonly number[], b: readonly number[]): number[] {
  const rank = Math.max(a.length, b.length);
  return Array.from({ length: rank }, (_, i) => {
    const x = a[a.length - rank + i] ?? 1;
    const y = b[b.length - rank + i] ?? 1;
    if (x === y || y === 1) return x;
    if (x === 1) return y;
    if (x < 0 || y < 0) return -1;
    throw new ConversionError(
      `node '${node.name}' (${node.op}): shapes [${a.join(', ')}] and [${b.join(', ')}] do not broadcast`,
    );
  });
}

/**
 * Elementwise binary op. Two channels-first tensors combine directly; a constant is re-laid out to
 * broadcast against a channels-first tensor; anything else is brought back to TensorFlow layout.
 */
function binary(onnxOp: string): Handler {
  return (node, ctx) => {
    const a = ctx.input(node, 0);
    const b = ctx.input(node, 1);
    const tensors = [a, b].filter((v) => v.kind === 'tensor').map((v) => (v as { ref: TensorRef }).ref);
    const channelsFirst = tensors.length > 0 && tensors.every((t) => t.layout === 'nchw');
    const operand = (index: number): { name: string; shape: readonly number[] } => {
      const value = index === 0 ? a : b;
      if (value.kind === 'tensor')
        return { name: channelsFirst ? value.ref.onnxName : ctx.asTf(value.ref), shape: value.ref.shape };
      const { tensor } = value;
      if (tensor.dtype !== 'float32')
        throw new ConversionError(`node '${node.name}' (${node.op}): constant operand must be float32`);
      if (!channelsFirst) return { name: ctx.constInitializer(value.name, '', tensor), shape: tensor.shape };
      const laidOut = broadcastConstantToNchw(tensor.values, tensor.shape);
      return {
        name: ctx.constInitializer(value.name, '/nchw', { dtype: 'float32', ...laidOut }),
        shape: tensor.shape,
      };
    };
    const left = operand(0);
    const right = operand(1);
    ctx.builder.node(onnxOp, [left.name, right.name], {}, { name: node.name, outputs: [node.name] });
    ctx.defineTensor(
      node.name,
      node.name,
      broadcastShapes(node, left.shape, right.shape),
      channelsFirst ? 'nchw' : 'tf',
    );
  };
}

/** Elementwise activation that keeps the input's layout. */
function unary(activation: string): Handler {
  return (node, ctx) => {
    const x = ctx.tensorInput(node, 0);
    emitActivation(ctx, node, {
      activation,
      input: x.onnxName,
      output: node.name,
      channelsFirst: x.layout === 'nchw',
    });
    ctx.defineTensor(node.name, node.name, x.shape, x.layout);
  };
}

const prelu: Handler = (node, ctx) => {
  const x = ctx.tensorInput(node, 0);
  const alpha = ctx.constInput(node, 1, 'the PReLU slope');
  if (alpha.dtype !== 'float32')
    throw new ConversionError(`node '${node.name}': the PReLU slope must be float32`);
  const alphaName = (node.input ?? [])[1] ?? `${node.name}/alpha`;
  emitActivation(ctx, node, {
    activation: 'Prelu',
    input: x.onnxName,
    output: node.name,
    channelsFirst: x.layout === 'nchw',
    alpha: { name: alphaName, values: alpha.values, shape: alpha.shape },
  });
  ctx.defineTensor(node.name, node.name, x.shape, x.layout);
};

/** Output shape of a TensorFlow Reshape; -1 stays dynamic when the input has a dynamic batch. */
function reshapeOutputShape(nodeName: string, input: readonly number[], target: readonly number[]): number[] {
  if (target.some((d) => d === 0 || d < -1) || target.filter((d) => d === -1).length > 1) {
    throw new ConversionError(`node '${nodeName}': Reshape target [${target.join(', ')}] is not supported`);
  }
  if (input.some((d) => d < 0) || !target.includes(-1)) return [...target];
  const total = input.reduce((a, b) => a * b, 1);
  const known = target.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
  if (total % known !== 0)
    throw new ConversionError(
      `node '${nodeName}': cannot reshape [${input.join(', ')}] to [${target.join(', ')}]`,
    );
  return target.map((d) => (d === -1 ? total / known : d));
}

/** Reshape works on TensorFlow's element order, so a channels-first input goes back to NHWC first. */
const reshape: Handler = (node, ctx) => {
  const x = ctx.tensorInput(node, 0);
  const target = ctx.intConstInput(node, 1, 'the target shape');
  const shape = reshapeOutputShape(node.name, x.shape, target);
  const shapeName = ctx.builder.initializer(ctx.freshName(`${node.name}/shape`), int64ShapeTensor(target));
  ctx.builder.node('Reshape', [ctx.asTf(x), shapeName], {}, { name: node.name, outputs: [node.name] });
  ctx.defineTensor(node.name, node.name, shape, 'tf');
};

/** ConcatV2: the axis is remapped when every input is channels-first, else inputs return to NHWC. */
const concat: Handler = (node, ctx) => {
  const count = ctx.inputCount(node) - 1;
  const parts = Array.from({ length: count }, (_, i) => ctx.tensorInput(node, i));
  const [axisValue] = ctx.intConstInput(node, count, 'the axis');
  const first = parts[0];
  if (first === undefined || axisValue === undefined)
    throw new ConversionError(`node '${node.name}': ConcatV2 needs inputs and an axis`);
  const rank = first.shape.length;
  const axis = axisValue < 0 ? axisValue + rank : axisValue;
  const channelsFirst = parts.every((p) => p.layout === 'nchw');
  const names = parts.map((p) => (channelsFirst ? p.onnxName : ctx.asTf(p)));
  ctx.builder.node(
    'Concat',
    names,
    { axis: channelsFirst ? nhwcAxisToNchw(axis) : axis },
    { name: node.name, outputs: [node.name] },
  );
  const shape = first.shape.map((dim, i) =>
    i !== axis
      ? dim
      : parts.reduce(
          (sum, p) => (sum < 0 || (p.shape[i] as number) < 0 ? -1 : sum + (p.shape[i] as number)),
          0,
        ),
  );
  ctx.defineTensor(node.name, node.name, shape, channelsFirst ? 'nchw' : 'tf');
};

const identity: Handler = (node, ctx) => ctx.define(node.name, ctx.input(node, 0));

/** Handlers for elementwise, activation and shape ops, keyed by TensorFlow op name. */
export const tensorOpHandlers: Record<string, Handler> = {
  AddV2: binary('Add'),
  Add: binary('Add'),
  Sub: binary('Sub'),
  Mul: binary('Mul'),
  Relu: unary('Relu'),
  Relu6: unary('Relu6'),
  Sigmoid: unary('Sigmoid'),
  Tanh: unary('Tanh'),
  Prelu: prelu,
  Reshape: reshape,
  ConcatV2: concat,
  Identity: identity,
};
