import { floatTensor, int32Tensor, int64Tensor, type GraphBuilder, type TensorValue } from '../onnx';
import { ConversionError } from './conversion-error';
import { NCHW_TO_NHWC, NHWC_TO_NCHW, permuteShape } from './layout';
import type { ConstTensor, TfNodeDef } from './tfjs-model-types';

/**
 * A tensor produced by the converted graph. `shape` is always TensorFlow's (NHWC for rank 4, -1
 * for the dynamic batch); `layout` says how the ONNX value stores it: `'tf'` in TensorFlow's order,
 * `'nchw'` channels-first (only rank-4 values that came out of Conv/Pool).
 */
export interface TensorRef {
  readonly onnxName: string;
  readonly shape: readonly number[];
  readonly layout: 'tf' | 'nchw';
}

/** What a TensorFlow node evaluates to: a runtime tensor or a constant known at conversion time. */
export type ConvertedValue =
  | { readonly kind: 'tensor'; readonly ref: TensorRef }
  | { readonly kind: 'const'; readonly name: string; readonly tensor: ConstTensor };

/** Splits a GraphDef input reference into node name and output index. */
export function parseInputRef(ref: string): { node: string; index: number } {
  const match = /^(.*?)(?::(\d+))?$/.exec(ref.startsWith('^') ? ref.slice(1) : ref);
  return { node: match?.[1] ?? ref, index: Number(match?.[2] ?? 0) };
}

/** Conversion state shared by the op handlers: converted values, layout changes and initializers. */
export class ConversionContext {
  private readonly values = new Map<string, ConvertedValue>();
  private readonly layoutCache = new Map<string, string>();
  private readonly initializerCache = new Map<string, string>();

  constructor(readonly builder: GraphBuilder) {}

  /** Records what TensorFlow node `tfName` evaluates to. */
  define(tfName: string, value: ConvertedValue): void {
    this.values.set(tfName, value);
  }

  /** Defines a node's output as a new tensor. */
  defineTensor(
    tfName: string,
    onnxName: string,
    shape: readonly number[],
    layout: TensorRef['layout'],
  ): TensorRef {
    const ref = { onnxName, shape: [...shape], layout };
    this.define(tfName, { kind: 'tensor', ref });
    return ref;
  }

  /** The converted value of `node`'s data input `index` (control inputs are skipped). */
  input(node: TfNodeDef, index: number): ConvertedValue {
    const refs = (node.input ?? []).filter((ref) => !ref.startsWith('^'));
    const ref = refs[index];
    if (ref === undefined)
      throw new ConversionError(`node '${node.name}' (${node.op}) has no input ${index}`);
    const { node: source, index: outputIndex } = parseInputRef(ref);
    if (outputIndex !== 0)
      throw new ConversionError(
        `node '${node.name}' reads output ${outputIndex} of '${source}'; only single-output ops are supported`,
      );
    const value = this.values.get(source);
    if (value === undefined)
      throw new ConversionError(`node '${node.name}' reads '${source}', which was not converted`);
    return value;
  }

  /** Number of data inputs of `node`. */
  inputCount(node: TfNodeDef): number {
    return (node.input ?? []).filter((ref) => !ref.startsWith('^')).length;
  }

  /** Input `index` as a runtime tensor; a constant becomes an initializer in TensorFlow layout. */
  tensorInput(node: TfNodeDef, index: number): TensorRef {
    return this.asTensor(this.input(node, index));
  }

  /** The converted value of TensorFlow node `tfName` as a runtime tensor; `reader` names who asks. */
  tensorValue(tfName: string, reader: string): TensorRef {
    const value = this.values.get(parseInputRef(tfName).node);
    if (value === undefined) throw new ConversionError(`${reader} read '${tfName}', which was not converted`);
    return this.asTensor(value);
  }

  private asTensor(value: ConvertedValue): TensorRef {
    if (value.kind === 'tensor') return value.ref;
    return {
      onnxName: this.constInitializer(value.name, '', value.tensor),
      shape: value.tensor.shape,
      layout: 'tf',
    };
  }

  /** Input `index` as a constant; a runtime tensor here is a conversion error. */
  constInput(node: TfNodeDef, index: number, what: string): ConstTensor {
    const value = this.input(node, index);
    if (value.kind !== 'const')
      throw new ConversionError(`node '${node.name}' (${node.op}): ${what} must be a constant`);
    return value.tensor;
  }

  /** Input `index` as a float32 constant. */
  floatConstInput(node: TfNodeDef, index: number, what: string): Float32Array {
    const tensor = this.constInput(node, index, what);
    if (tensor.dtype !== 'float32')
      throw new ConversionError(`node '${node.name}' (${node.op}): ${what} must be float32`);
    return tensor.values;
  }

  /** Input `index` as integer constants (shapes, paddings, axes). */
  intConstInput(node: TfNodeDef, index: number, what: string): number[] {
    const tensor = this.constInput(node, index, what);
    if (tensor.dtype !== 'int32')
      throw new ConversionError(`node '${node.name}' (${node.op}): ${what} must be int32`);
    return Array.from(tensor.values);
  }

  /** The ONNX value holding `ref` channels-first (adds one shared Transpose when needed). */
  asNchw(ref: TensorRef): string {
    if (ref.layout === 'nchw') return ref.onnxName;
    if (ref.shape.length !== 4)
      throw new ConversionError(
        `'${ref.onnxName}' has rank ${ref.shape.length}; a channels-first view needs rank 4`,
      );
    return this.relayout(ref, NHWC_TO_NCHW, '/nchw');
  }

  /** The ONNX value holding `ref` in TensorFlow's layout (adds one shared Transpose when needed). */
  asTf(ref: TensorRef): string {
    return ref.layout === 'tf' ? ref.onnxName : this.relayout(ref, NCHW_TO_NHWC, '/nhwc');
  }

  /** A float32 or int32 initializer built once per (name, variant). */
  constInitializer(
    baseName: string,
    variant: string,
    tensor: {
      readonly dtype: 'float32' | 'int32';
      readonly shape: readonly number[];
      readonly values: Float32Array | Int32Array;
    },
  ): string {
    const key = baseName + variant;
    const cached = this.initializerCache.get(key);
    if (cached !== undefined) return cached;
    const value =
      tensor.dtype === 'float32'
        ? floatTensor(tensor.shape, tensor.values)
        : int32Tensor(tensor.shape, tensor.values);
    const name = this.builder.initializer(key, value);
    this.initializerCache.set(key, name);
    return name;
  }

  /** A name not yet used in the graph, derived from `base`. */
  freshName(base: string): string {
    let name = base;
    for (let n = 1; this.builder.has(name); n++) name = `${base}_${n}`;
    return name;
  }

  private relayout(ref: TensorRef, perm: readonly number[], suffix: string): string {
    const key = ref.onnxName + suffix;
    const cached = this.layoutCache.get(key);
    if (cached !== undefined) return cached;
    const name = this.freshName(key);
    const [, height, width, channels] = ref.shape;
    if (channels === 1 || (height === 1 && width === 1)) {
      // With one channel or a 1×1 map both layouts hold the same element order: a Reshape is free.
      const target = ref.layout === 'tf' ? permuteShape(ref.shape, NHWC_TO_NCHW) : ref.shape;
      const shapeName = this.builder.initializer(this.freshName(`${name}/shape`), int64ShapeTensor(target));
      this.builder.node('Reshape', [ref.onnxName, shapeName], {}, { name, outputs: [name] });
    } else {
      this.builder.node('Transpose', [ref.onnxName], { perm: [...perm] }, { name, outputs: [name] });
    }
    this.layoutCache.set(key, name);
    return name;
  }
}

/** A Reshape target; the dynamic batch (-1 in TensorFlow) becomes 0, ONNX's "copy this dimension". */
export function int64ShapeTensor(shape: readonly number[]): TensorValue {
  return int64Tensor(
    [shape.length],
    shape.map((dim, axis) => (dim < 0 && axis === 0 ? 0 : dim)),
  );
}
