/**
 * Plain-data description of the ONNX ModelProto subset this project writes. The encoder turns these
 * objects into bytes; the graph builder produces them. Field meanings follow onnx/onnx.proto.
 */

/** ONNX TensorProto.DataType values used by this project. */
export const TensorDataType = {
  float32: 1,
  uint8: 2,
  int8: 3,
  int32: 6,
  int64: 7,
  bool: 9,
  float16: 10,
  float64: 11,
} as const;

/** Element type name accepted by the builder (`float32`, `int64`, ...). */
export type ElementType = keyof typeof TensorDataType;

/** A dimension: a fixed size, or a symbolic name such as `'batch'`. */
export type Dimension = number | string;

/** A tensor with its values, stored little-endian in `raw_data`. */
export interface TensorValue {
  readonly elementType: ElementType;
  readonly dims: readonly number[];
  /** Little-endian element bytes, length = product(dims) × element size. */
  readonly rawData: Uint8Array;
  readonly name?: string;
  readonly docString?: string;
}

/** A named graph value with its element type and shape (input, output or value_info). */
export interface ValueInfo {
  readonly name: string;
  readonly elementType: ElementType;
  /** `undefined` leaves the rank unknown. */
  readonly shape?: readonly Dimension[];
  readonly docString?: string;
}

/** Tagged attribute value, one member per ONNX AttributeProto type. */
export type AttributeValue =
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'int'; readonly value: number | bigint }
  | { readonly kind: 'string'; readonly value: string | Uint8Array }
  | { readonly kind: 'tensor'; readonly value: TensorValue }
  | { readonly kind: 'graph'; readonly value: GraphSpec }
  | { readonly kind: 'floats'; readonly value: readonly number[] }
  | { readonly kind: 'ints'; readonly value: readonly (number | bigint)[] }
  | { readonly kind: 'strings'; readonly value: readonly (string | Uint8Array)[] }
  | { readonly kind: 'tensors'; readonly value: readonly TensorValue[] }
  | { readonly kind: 'graphs'; readonly value: readonly GraphSpec[] };

/** One attribute of a node. */
export interface AttributeSpec {
  readonly name: string;
  readonly value: AttributeValue;
  readonly docString?: string;
}

/** One operator invocation. */
export interface NodeSpec {
  readonly opType: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly name?: string;
  readonly domain?: string;
  readonly attributes?: readonly AttributeSpec[];
  readonly docString?: string;
}

/** A graph: nodes in topological order, initializers, and typed inputs/outputs. */
export interface GraphSpec {
  readonly name: string;
  readonly nodes: readonly NodeSpec[];
  readonly initializers: readonly TensorValue[];
  readonly inputs: readonly ValueInfo[];
  readonly outputs: readonly ValueInfo[];
  readonly valueInfo?: readonly ValueInfo[];
  readonly docString?: string;
}

/** An operator-set import; the default domain is `''` (ai.onnx). */
export interface OpsetImport {
  readonly domain: string;
  readonly version: number;
}

/** The whole model file. */
export interface ModelSpec {
  readonly irVersion: number;
  readonly opsetImports: readonly OpsetImport[];
  readonly graph: GraphSpec;
  readonly producerName?: string;
  readonly producerVersion?: string;
  readonly domain?: string;
  readonly modelVersion?: number;
  readonly docString?: string;
  /** Written in the given order, so the bytes stay deterministic. */
  readonly metadata?: readonly (readonly [key: string, value: string])[];
}
