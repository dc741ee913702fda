import { toAttributeValue, type AttributeInput } from './attributes';
import { encodeModel } from './onnx-encoder';
import type {
  Dimension,
  ElementType,
  GraphSpec,
  ModelSpec,
  NodeSpec,
  OpsetImport,
  TensorValue,
  ValueInfo,
} from './onnx-types';

/** Options for one node. */
export interface NodeOptions {
  /** Node name; defaults to `<OpType>_<n>`. */
  readonly name?: string;
  /** Output value names; default names are derived from the node name. */
  readonly outputs?: readonly string[];
  /** Operator domain; `''` is the default ai.onnx domain. */
  readonly domain?: string;
  readonly docString?: string;
}

/** Model-level settings for `toBytes` / `toModel`. */
export interface ModelOptions {
  /** ai.onnx opset version; 17 unless given. */
  readonly opset?: number;
  /** Extra operator-set imports (custom domains). */
  readonly extraOpsets?: readonly OpsetImport[];
  /** IR version; 8 unless given (readable by onnxruntime ≥ 1.10). */
  readonly irVersion?: number;
  readonly producerName?: string;
  readonly producerVersion?: string;
  readonly domain?: string;
  readonly modelVersion?: number;
  readonly docString?: string;
  /** metadata_props, written in this order. */
  readonly metadata?: readonly (readonly [string, string])[];
}

/**
 * Builds an ONNX graph value by value. Every method returns the name of the value it created, so a
 * graph reads like the computation:
 *
 * ```ts
 * const g = new GraphBuilder('scale');
 * const x = g.input('x', 'float32', [1, 3]);
 * const k = g.initializer('k', floatTensor([1], [2]));
 * g.output(g.node('Mul', [x, k], {}, { outputs: ['y'] }), 'float32', [1, 3]);
 * const bytes = g.toBytes({ opset: 17 });
 * ```
 *
 * Nodes must be added in topological order; an input that names no known value is an error at once.
 * No clock or random value is used, so the same calls always yield the same bytes.
 */
export class GraphBuilder {
  private readonly nodes: NodeSpec[] = [];
  private readonly initializers: TensorValue[] = [];
  private readonly inputs: ValueInfo[] = [];
  private readonly outputs: ValueInfo[] = [];
  private readonly valueInfos: ValueInfo[] = [];
  private readonly known = new Set<string>();
  private readonly nodeNames = new Set<string>();
  private readonly opCounters = new Map<string, number>();

  constructor(
    readonly name: string,
    private readonly docString?: string,
  ) {}

  /** Declares a graph input; a string dimension is symbolic (e.g. `'batch'`). */
  input(name: string, elementType: ElementType, shape: readonly Dimension[], docString?: string): string {
    this.define(name);
    this.inputs.push({
      name,
      elementType,
      shape: [...shape],
      ...(docString === undefined ? {} : { docString }),
    });
    return name;
  }

  /** Adds a constant tensor (weights, shapes, axes) under `name`. */
  initializer(name: string, tensor: TensorValue): string {
    this.define(name);
    this.initializers.push({ ...tensor, name });
    return name;
  }

  /** Adds a node with exactly one output and returns that output's name. */
  node(
    opType: string,
    inputs: readonly string[],
    attributes: Record<string, AttributeInput> = {},
    options: NodeOptions = {},
  ): string {
    if (options.outputs !== undefined && options.outputs.length !== 1) {
      throw new RangeError(`node(): ${opType} must have one output; use nodeMulti() for more`);
    }
    const [output] = this.nodeMulti(opType, inputs, 1, attributes, options);
    return output as string;
  }

  /** Adds a node with `outputCount` outputs (e.g. Split, TopK) and returns their names. */
  nodeMulti(
    opType: string,
    inputs: readonly string[],
    outputCount: number,
    attributes: Record<string, AttributeInput> = {},
    options: NodeOptions = {},
  ): string[] {
    const name = options.name ?? this.nextNodeName(opType);
    if (this.nodeNames.has(name)) throw new Error(`duplicate node name '${name}'`);
    for (const input of inputs) {
      if (input !== '' && !this.known.has(input)) {
        throw new Error(
          `node '${name}' (${opType}) reads '${input}', which no input, initializer or earlier node defines`,
        );
      }
    }
    const outputs = options.outputs
      ? [...options.outputs]
      : Array.from({ length: outputCount }, (_, i) => (outputCount === 1 ? name : `${name}:${i}`));
    if (outputs.length !== outputCount)
      throw new RangeError(`node '${name}': ${outputs.length} output names for ${outputCount} outputs`);
    outputs.forEach((output) => this.define(output));
    this.nodeNames.add(name);
    this.nodes.push({
      opType,
      inputs: [...inputs],
      outputs,
      name,
      ...(options.domain === undefined ? {} : { domain: options.domain }),
      ...(options.docString === undefined ? {} : { docString: options.docString }),
      attributes: Object.entries(attributes).map(([attrName, value]) => ({
        name: attrName,
        value: toAttributeValue(attrName, value),
      })),
    });
    return outputs;
  }

  /** Marks an existing value as a graph output with its type and shape. */
  output(name: string, elementType: ElementType, shape: readonly Dimension[], docString?: string): string {
    if (!this.known.has(name)) throw new Error(`output '${name}' is not defined in graph '${this.name}'`);
    this.outputs.push({
      name,
      elementType,
      shape: [...shape],
      ...(docString === undefined ? {} : { docString }),
    });
    return name;
  }

  /** Records the type and shape of an intermediate value (value_info), useful for inspection tools. */
  valueInfo(name: string, elementType: ElementType, shape: readonly Dimension[]): void {
    if (!this.known.has(name)) throw new Error(`value_info '${name}' is not defined in graph '${this.name}'`);
    this.valueInfos.push({ name, elementType, shape: [...shape] });
  }

  /**
   * Makes a value of an enclosing graph readable here, for subgraphs (If/Loop bodies) that use
   * outer-scope values.
   */
  outerValue(name: string): string {
    this.known.add(name);
    return name;
  }

  /** Whether a value of this name already exists. */
  has(name: string): boolean {
    return this.known.has(name);
  }

  /** The graph as plain data (also usable as a subgraph attribute). */
  toGraph(): GraphSpec {
    if (this.outputs.length === 0) throw new Error(`graph '${this.name}' has no outputs`);
    return {
      name: this.name,
      nodes: [...this.nodes],
      initializers: [...this.initializers],
      inputs: [...this.inputs],
      outputs: [...this.outputs],
      valueInfo: [...this.valueInfos],
      ...(this.docString === undefined ? {} : { docString: this.docString }),
    };
  }

  /** The whole model as plain data. */
  toModel(options: ModelOptions = {}): ModelSpec {
    const { opset = 17, extraOpsets = [], irVersion = 8, metadata, ...rest } = options;
    return {
      irVersion,
      opsetImports: [{ domain: '', version: opset }, ...extraOpsets],
      graph: this.toGraph(),
      ...rest,
      ...(metadata === undefined ? {} : { metadata: [...metadata] }),
    };
  }

  /** Serialised ONNX bytes, ready for `InferenceSession.create(bytes)` or a file. */
  toBytes(options: ModelOptions = {}): Uint8Array {
    return encodeModel(this.toModel(options));
  }

  private define(name: string): void {
    if (name === '') throw new Error('value names must not be empty');
    if (this.known.has(name)) throw new Error(`value '${name}' is defined twice in graph '${this.name}'`);
    this.known.add(name);
  }

  private nextNodeName(opType: string): string {
    let count = this.opCounters.get(opType) ?? 0;
    let name: string;
    do {
      name = `${opType}_${count++}`;
    } while (this.nodeNames.has(name) || this.known.has(name));
    this.opCounters.set(opType, count);
    return name;
  }
}
