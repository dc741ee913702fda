import { GraphBuilder, type Dimension } from '../onnx';
import { ConversionContext, parseInputRef } from './conversion-context';
import { ConversionError, UnsupportedOpError } from './conversion-error';
import { convOpHandlers } from './conv-op-handlers';
import { tensorOpHandlers } from './tensor-op-handlers';
import { TfNodeAttributes } from './tf-node-attributes';
import type { TfjsGraphModel, TfNodeDef } from './tfjs-model-types';

const handlers = { ...convOpHandlers, ...tensorOpHandlers };

/** TensorFlow ops the converter translates (besides `Placeholder` and `Const`). */
const SUPPORTED_OPS: readonly string[] = Object.keys(handlers).sort();

/** What to convert and how to name the graph's inputs. */
export interface ConvertOptions {
  /** ONNX graph name. */
  readonly graphName: string;
  /** TensorFlow node names (optionally `name:0`) whose values the caller needs; only their ancestors are converted. */
  readonly outputs: readonly string[];
  /** ONNX names for TensorFlow placeholders; unlisted ones keep their TensorFlow name. */
  readonly inputNames?: Readonly<Record<string, string>>;
  /** Symbolic name written for a dynamic (-1) batch dimension; `'batch'` unless given. */
  readonly batchDimension?: string;
}

/** A converted tensor in TensorFlow layout, with its ONNX value name and shape. */
interface ConvertedTensor {
  readonly name: string;
  readonly shape: readonly Dimension[];
}

/** The converted graph, open for the caller to add heads and declare outputs. */
export interface ConvertedGraph {
  readonly builder: GraphBuilder;
  /** Graph inputs (NHWC, as TensorFlow declares them). */
  readonly inputs: readonly ConvertedTensor[];
  /** The value of TensorFlow node `tfName` in TensorFlow layout (NHWC for rank 4). */
  tensor(tfName: string): ConvertedTensor;
  /** How many nodes of each TensorFlow op were converted. */
  readonly opCounts: Readonly<Record<string, number>>;
}

/** Nodes needed for `outputs`, dependencies first. */
function reachableInOrder(nodes: ReadonlyMap<string, TfNodeDef>, outputs: readonly string[]): TfNodeDef[] {
  const order: TfNodeDef[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, from: string): void => {
    const current = state.get(name);
    if (current === 'done') return;
    if (current === 'visiting') throw new ConversionError(`the graph has a cycle through '${name}'`);
    const node = nodes.get(name);
    if (node === undefined)
      throw new ConversionError(`'${from}' refers to '${name}', which is not in the graph`);
    state.set(name, 'visiting');
    // An explicit stack would be needed for very deep graphs; these models are a few hundred nodes deep.
    for (const ref of node.input ?? []) if (!ref.startsWith('^')) visit(parseInputRef(ref).node, name);
    state.set(name, 'done');
    order.push(node);
  };
  for (const output of outputs) visit(parseInputRef(output).node, 'the requested outputs');
  return order;
}

/**
 * Converts a TensorFlow.js graph model to an ONNX graph under construction. Activations run
 * channels-first inside the graph; inputs stay NHWC as in TensorFlow and `tensor()` hands values
 * back in TensorFlow layout, so callers never see the internal layout.
 */
export function convertTfjsGraph(model: TfjsGraphModel, options: ConvertOptions): ConvertedGraph {
  const nodes = new Map(model.json.modelTopology.node.map((node) => [node.name, node]));
  const builder = new GraphBuilder(options.graphName);
  const ctx = new ConversionContext(builder);
  const batch = options.batchDimension ?? 'batch';
  const toDims = (shape: readonly number[]): Dimension[] => shape.map((d) => (d < 0 ? batch : d));
  const inputs: ConvertedTensor[] = [];
  const opCounts: Record<string, number> = {};

  for (const node of reachableInOrder(nodes, options.outputs)) {
    opCounts[node.op] = (opCounts[node.op] ?? 0) + 1;
    if (node.op === 'Const') {
      const tensor = model.weights.get(node.name);
      if (tensor === undefined)
        throw new ConversionError(`constant '${node.name}' has no entry in the weights manifest`);
      ctx.define(node.name, { kind: 'const', name: node.name, tensor });
    } else if (node.op === 'Placeholder') {
      const attrs = new TfNodeAttributes(node);
      if (attrs.type('dtype') !== 'DT_FLOAT')
        throw new UnsupportedOpError(
          'Placeholder',
          node.name,
          `input dtype ${attrs.type('dtype')} (only float32)`,
        );
      const shape = attrs.shape('shape');
      if (shape.slice(1).some((d) => d < 0))
        throw new ConversionError(
          `input '${node.name}' must have static dimensions after the batch, got [${shape.join(', ')}]`,
        );
      const name = builder.input(options.inputNames?.[node.name] ?? node.name, 'float32', toDims(shape));
      inputs.push({ name, shape: toDims(shape) });
      ctx.defineTensor(node.name, name, shape, 'tf');
    } else {
      const handler = handlers[node.op];
      if (handler === undefined)
        throw new UnsupportedOpError(node.op, node.name, `supported ops: ${SUPPORTED_OPS.join(', ')}`);
      handler(node, ctx);
    }
  }

  return {
    builder,
    inputs,
    opCounts,
    tensor(tfName: string): ConvertedTensor {
      const ref = ctx.tensorValue(tfName, 'the requested outputs');
      return { name: ctx.asTf(ref), shape: toDims(ref.shape) };
    },
  };
}
