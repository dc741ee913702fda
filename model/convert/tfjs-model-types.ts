/**
 * The parts of a TensorFlow.js graph-model `model.json` the converter reads. Field names follow the
 * tfjs-converter output format (a TensorFlow GraphDef rendered as JSON plus a weights manifest).
 */

/** A TensorFlow AttrValue as JSON; `s` strings are base64, integers are decimal strings. */
export interface TfAttrValue {
  readonly s?: string;
  readonly i?: string | number;
  readonly f?: number;
  readonly b?: boolean;
  readonly type?: string;
  readonly shape?: {
    readonly dim?: readonly { readonly size?: string | number }[];
    readonly unknownRank?: boolean;
  };
  readonly tensor?: {
    readonly dtype?: string;
    readonly tensorShape?: { readonly dim?: readonly { readonly size?: string | number }[] };
  };
  readonly list?: {
    readonly s?: readonly string[];
    readonly i?: readonly (string | number)[];
    readonly f?: readonly number[];
  };
}

/** One GraphDef node. Inputs are `name`, `name:k` (output k) or `^name` (control dependency). */
export interface TfNodeDef {
  readonly name: string;
  readonly op: string;
  readonly input?: readonly string[];
  readonly attr?: Readonly<Record<string, TfAttrValue>>;
  readonly device?: string;
}

/** tfjs weight quantisation: float16 halves, or uint8/uint16 affine (`value = q × scale + min`). */
interface TfWeightQuantization {
  readonly dtype: 'float16' | 'uint8' | 'uint16';
  readonly original_dtype?: string;
  readonly scale?: number;
  readonly min?: number;
}

/** One tensor in the weights manifest; its bytes follow the previous entry's in the shard stream. */
export interface TfWeightEntry {
  readonly name: string;
  readonly shape: readonly number[];
  readonly dtype: 'float32' | 'int32' | 'bool' | 'string' | 'complex64';
  readonly quantization?: TfWeightQuantization;
}

/** A group of weights stored in one or more `.bin` shards (concatenated in order). */
export interface TfWeightGroup {
  readonly paths: readonly string[];
  readonly weights: readonly TfWeightEntry[];
}

/** The `model.json` of a graph model. */
export interface TfjsModelJson {
  readonly format?: string;
  readonly generatedBy?: string;
  readonly convertedBy?: string;
  readonly modelTopology: { readonly node: readonly TfNodeDef[] };
  readonly weightsManifest: readonly TfWeightGroup[];
  readonly signature?: TfSignature;
  readonly userDefinedMetadata?: { readonly signature?: TfSignature };
}

/** Serving signature: named inputs and outputs mapped to `node:index` tensor names. */
interface TfSignature {
  readonly inputs?: Readonly<Record<string, { readonly name: string }>>;
  readonly outputs?: Readonly<Record<string, { readonly name: string }>>;
}

/** A decoded constant: float32 (also dequantised weights) or int32. */
export type ConstTensor =
  | { readonly dtype: 'float32'; readonly shape: readonly number[]; readonly values: Float32Array }
  | { readonly dtype: 'int32'; readonly shape: readonly number[]; readonly values: Int32Array };

/** A graph model with its weights decoded, ready to convert. */
export interface TfjsGraphModel {
  readonly json: TfjsModelJson;
  readonly weights: ReadonlyMap<string, ConstTensor>;
}
