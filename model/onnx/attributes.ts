import type { AttributeValue, GraphSpec, TensorValue } from './onnx-types';

/**
 * What `GraphBuilder.node` accepts for an attribute: a tagged value from `Attr`, or a shorthand.
 * Shorthands: an integer number → INT, a non-integer number → FLOAT, a string → STRING, a number
 * array → INTS when every entry is an integer (else FLOATS), a string array → STRINGS, a tensor
 * → TENSOR. A float attribute whose value happens to be whole (e.g. `alpha: 1`) must use
 * `Attr.float(1)`, otherwise it would be written as INT and rejected by the runtime.
 */
export type AttributeInput =
  AttributeValue | number | bigint | string | readonly number[] | readonly string[] | TensorValue;

/** Explicit constructors for every attribute kind. */
export const Attr = {
  float: (value: number): AttributeValue => ({ kind: 'float', value }),
  int: (value: number | bigint): AttributeValue => ({ kind: 'int', value }),
  string: (value: string | Uint8Array): AttributeValue => ({ kind: 'string', value }),
  tensor: (value: TensorValue): AttributeValue => ({ kind: 'tensor', value }),
  graph: (value: GraphSpec): AttributeValue => ({ kind: 'graph', value }),
  floats: (value: readonly number[]): AttributeValue => ({ kind: 'floats', value: [...value] }),
  ints: (value: readonly (number | bigint)[]): AttributeValue => ({ kind: 'ints', value: [...value] }),
  strings: (value: readonly string[]): AttributeValue => ({ kind: 'strings', value: [...value] }),
  tensors: (value: readonly TensorValue[]): AttributeValue => ({ kind: 'tensors', value: [...value] }),
  graphs: (value: readonly GraphSpec[]): AttributeValue => ({ kind: 'graphs', value: [...value] }),
} as const;

const ATTRIBUTE_KINDS = new Set([
  'float',
  'int',
  'string',
  'tensor',
  'graph',
  'floats',
  'ints',
  'strings',
  'tensors',
  'graphs',
]);

function isTagged(input: object): input is AttributeValue {
  return (
    'kind' in input && 'value' in input && ATTRIBUTE_KINDS.has(String((input as { kind: unknown }).kind))
  );
}

function isTensor(input: object): input is TensorValue {
  return 'elementType' in input && 'dims' in input && 'rawData' in input;
}

/** Resolves a shorthand to a tagged attribute value; `name` only improves the error message. */
export function toAttributeValue(name: string, input: AttributeInput): AttributeValue {
  if (typeof input === 'bigint') return Attr.int(input);
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return Attr.float(input);
    return Number.isInteger(input) ? Attr.int(input) : Attr.float(input);
  }
  if (typeof input === 'string') return Attr.string(input);
  if (Array.isArray(input)) {
    if (input.length === 0) {
      throw new TypeError(
        `attribute '${name}': an empty list is ambiguous; use Attr.ints([]) or Attr.floats([])`,
      );
    }
    if (input.every((item) => typeof item === 'string')) return Attr.strings(input as string[]);
    if (input.every((item) => typeof item === 'number')) {
      const numbers = input as number[];
      return numbers.every(Number.isInteger) ? Attr.ints(numbers) : Attr.floats(numbers);
    }
    throw new TypeError(`attribute '${name}': a list must hold only numbers or only strings`);
  }
  const object = input as object;
  if (isTagged(object)) return object;
  if (isTensor(object)) return Attr.tensor(object);
  throw new TypeError(`attribute '${name}': unsupported value`);
}
