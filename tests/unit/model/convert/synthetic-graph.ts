/**
 * Test helper: writes small TensorFlow.js graph models by hand (same JSON shape as tfjs-converter
 * output), so the converter can be checked op by op against TensorFlow.js itself.
 */
import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import {
  convertTfjsGraph,
  parseTfjsGraphModel,
  type TfjsModelJson,
  type TfNodeDef,
} from '../../../../model/convert';
import type { TfAttrValue, TfWeightEntry } from '../../../../model/convert/tfjs-model-types';

const b64 = (text: string): string => Buffer.from(text).toString('base64');

/** Attribute helpers in the JSON encoding tfjs-converter writes. */
export const attr = {
  s: (value: string): TfAttrValue => ({ s: b64(value) }),
  ints: (values: number[]): TfAttrValue => ({ list: { i: values.map(String) } }),
  strings: (values: string[]): TfAttrValue => ({ list: { s: values.map(b64) } }),
  f: (value: number): TfAttrValue => ({ f: value }),
};

/** Builds a graph model: a float NHWC placeholder `x`, constants and op nodes. */
export class SyntheticGraph {
  private readonly nodes: TfNodeDef[] = [];
  private readonly entries: TfWeightEntry[] = [];
  private readonly chunks: Buffer[] = [];

  constructor(readonly inputShape: number[]) {
    this.nodes.push({
      name: 'x',
      op: 'Placeholder',
      attr: {
        dtype: { type: 'DT_FLOAT' },
        shape: { shape: { dim: inputShape.map((size) => ({ size: String(size) })) } },
      },
    });
  }

  /** A float32 (optionally float16-stored) or int32 constant. */
  constant(
    name: string,
    shape: number[],
    values: number[],
    dtype: 'float32' | 'int32' = 'float32',
    float16 = false,
  ): string {
    const dt = dtype === 'float32' ? 'DT_FLOAT' : 'DT_INT32';
    this.nodes.push({
      name,
      op: 'Const',
      attr: {
        dtype: { type: dt },
        value: { tensor: { dtype: dt, tensorShape: { dim: shape.map((size) => ({ size: String(size) })) } } },
      },
    });
    if (float16) {
      const bytes = Buffer.alloc(values.length * 2);
      values.forEach((v, i) => bytes.writeUInt16LE(toHalfBits(v), i * 2));
      this.entries.push({
        name,
        shape,
        dtype: 'float32',
        quantization: { dtype: 'float16', original_dtype: 'float32' },
      });
      this.chunks.push(bytes);
    } else {
      const array = dtype === 'float32' ? Float32Array.from(values) : Int32Array.from(values);
      this.entries.push({ name, shape, dtype });
      this.chunks.push(Buffer.from(array.buffer));
    }
    return name;
  }

  /** An op node. */
  op(name: string, op: string, inputs: string[], attrs: Record<string, TfAttrValue> = {}): string {
    this.nodes.push({ name, op, input: inputs, attr: { T: { type: 'DT_FLOAT' }, ...attrs } });
    return name;
  }

  json(): TfjsModelJson {
    return {
      format: 'graph-model',
      modelTopology: { node: this.nodes },
      weightsManifest: [{ paths: ['weights.bin'], weights: this.entries }],
    };
  }

  bin(): Uint8Array {
    return new Uint8Array(Buffer.concat(this.chunks));
  }

  /** Runs the graph in TensorFlow.js (cpu backend) and returns the named outputs. */
  async runTfjs(input: Float32Array, outputs: string[]): Promise<Float32Array[]> {
    await tf.setBackend('cpu');
    const bin = this.bin();
    const model = await tf.loadGraphModel(
      tf.io.fromMemory({
        modelTopology: { ...this.json().modelTopology, versions: {} },
        weightSpecs: this.entries as tf.io.WeightsManifestEntry[],
        weightData: bin.slice().buffer,
        format: 'graph-model',
      }),
    );
    const result = tf.tidy(() => {
      const out = model.execute(tf.tensor(input, this.inputShape), outputs);
      return (Array.isArray(out) ? out : [out]).map((t) => t.dataSync() as Float32Array);
    });
    model.dispose();
    return result;
  }

  /** Converts the graph and runs it in onnxruntime; also returns the declared output shapes. */
  async runOnnx(
    input: Float32Array,
    outputs: string[],
  ): Promise<{ values: Float32Array[]; dims: number[][]; shapes: (number | string)[][] }> {
    const bin = this.bin();
    const model = parseTfjsGraphModel(JSON.stringify(this.json()), () => bin);
    const graph = convertTfjsGraph(model, { graphName: 'synthetic', outputs });
    const shapes = outputs.map((name, i) => {
      const tensor = graph.tensor(name);
      graph.builder.node('Identity', [tensor.name], {}, { outputs: [`out${i}`] });
      graph.builder.output(`out${i}`, 'float32', tensor.shape);
      return [...tensor.shape];
    });
    const session = await ort.InferenceSession.create(graph.builder.toBytes(), {
      executionProviders: ['cpu'],
    });
    try {
      const result = await session.run({ x: new ort.Tensor('float32', input, this.inputShape) });
      return {
        values: outputs.map((_, i) => result[`out${i}`]?.data as Float32Array),
        dims: outputs.map((_, i) => [...(result[`out${i}`]?.dims ?? [])]),
        shapes,
      };
    } finally {
      await session.release();
    }
  }
}

/** Round-to-nearest-even float32 → float16 bits (test data only needs normal numbers). */
export function toHalfBits(value: number): number {
  const f32 = new Float32Array([value]);
  const bits = new Uint32Array(f32.buffer)[0] as number;
  const sign = (bits >>> 16) & 0x8000;
  const exponent = ((bits >>> 23) & 0xff) - 127 + 15;
  const mantissa = bits & 0x7fffff;
  if (value === 0) return sign;
  if (exponent <= 0 || exponent >= 0x1f) throw new RangeError(`${value} is outside the normal float16 range`);
  let half = sign | (exponent << 10) | (mantissa >>> 13);
  const rest = mantissa & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && (half & 1) === 1)) half += 1;
  return half;
}

/** Deterministic pseudo-random values in [-1, 1). */
export function noise(count: number, seed: number): number[] {
  let state = seed >>> 0;
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 31 - 1;
  });
}

/** Largest absolute difference between two arrays of equal length. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`lengths differ: ${a.length} vs ${b.length}`);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs((a[i] as number) - (b[i] as number)));
  return max;
}
