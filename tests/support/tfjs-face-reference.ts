/**
 * Reference implementation of the face models in TensorFlow.js (wasm or cpu backend), loaded
 * offline from the same `@vladmandic/human` files the ONNX models are converted from. Used by the
 * parity test and by the analysis bench to time TensorFlow.js against ONNX Runtime.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

// Both packages' `exports` hide these files from require.resolve, so they are found from the repo root.
const nodeModules = fileURLToPath(new URL('../../node_modules/', import.meta.url));
/** Folder of the TensorFlow.js models shipped in `@vladmandic/human`. */
export const HUMAN_MODELS_DIR = join(nodeModules, '@vladmandic/human/models');
const wasmDirectory = join(nodeModules, '@tensorflow/tfjs-backend-wasm/dist');

/** BlazeFace outputs in the ONNX model's order: 512 anchors of the 16×16 grid, then 384 of the 8×8 grid. */
export interface BlazeFaceReferenceOutput {
  /** [896] raw logits. */
  readonly logits: Float32Array;
  /** [896] sigmoid(logits). */
  readonly scores: Float32Array;
  /** [896 × 16] box and keypoint regressors, pixels of the 256×256 input. */
  readonly boxes: Float32Array;
}

/** FaceMesh outputs for a batch. */
export interface FaceMeshReferenceOutput {
  /** [batch × 468 × 3] x, y in pixels of the 192×192 input, z relative depth. */
  readonly landmarks: Float32Array;
  /** [batch] face presence probability. */
  readonly faceFlag: Float32Array;
}

/** Iris outputs for a batch: [batch × 76 × 3] (71 eye/brow contour points, then 5 iris points). */
export interface IrisReferenceOutput {
  readonly landmarks: Float32Array;
}

/** Loaded TensorFlow.js models; call `dispose()` when done. */
export interface TfjsFaceReference {
  readonly backend: string;
  /** `input`: [1, 256, 256, 3] NHWC RGB scaled to [-1, 1]. */
  runBlazeFace(input: Float32Array): BlazeFaceReferenceOutput;
  /** `input`: [batch, 192, 192, 3] NHWC RGB scaled to [0, 1]. */
  runFaceMesh(input: Float32Array, batch?: number): FaceMeshReferenceOutput;
  /** `input`: [batch, 64, 64, 3] NHWC RGB scaled to [0, 1]. */
  runIris(input: Float32Array, batch?: number): IrisReferenceOutput;
  dispose(): void;
}

function loadGraphModel(name: string): Promise<tf.GraphModel> {
  const json = JSON.parse(readFileSync(join(HUMAN_MODELS_DIR, `${name}.json`), 'utf8')) as {
    modelTopology: object;
    weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
    format?: string;
    generatedBy?: string;
    convertedBy?: string;
    signature?: object;
    userDefinedMetadata?: Record<string, object>;
  };
  const weightSpecs = json.weightsManifest.flatMap((group) => group.weights);
  const bin = Buffer.concat(
    json.weightsManifest.flatMap((group) =>
      group.paths.map((path) => readFileSync(join(HUMAN_MODELS_DIR, path))),
    ),
  );
  const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
  return tf.loadGraphModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs,
      weightData,
      ...(json.format === undefined ? {} : { format: json.format }),
      ...(json.signature === undefined ? {} : { signature: json.signature }),
      ...(json.userDefinedMetadata === undefined ? {} : { userDefinedMetadata: json.userDefinedMetadata }),
    }),
  );
}

function execute(
  model: tf.GraphModel,
  input: Float32Array,
  shape: number[],
  outputs: string[],
): Float32Array[] {
  return tf.tidy(() => {
    const results = model.execute(tf.tensor(input, shape, 'float32'), outputs);
    return (Array.isArray(results) ? results : [results]).map((t) => t.dataSync() as Float32Array);
  });
}

function concatRows(first: Float32Array, second: Float32Array): Float32Array {
  const out = new Float32Array(first.length + second.length);
  out.set(first);
  out.set(second, first.length);
  return out;
}

/** Initialises the backend (wasm by default, files from node_modules) and loads the three models. */
export async function createTfjsFaceReference(
  options: { backend?: 'wasm' | 'cpu' } = {},
): Promise<TfjsFaceReference> {
  const backend = options.backend ?? 'wasm';
  if (backend === 'wasm') {
    // Single-threaded SIMD build: Node cannot start the threaded build's web workers.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    setWasmPaths(`${wasmDirectory}/`);
  }
  if (!(await tf.setBackend(backend)))
    throw new Error(`TensorFlow.js backend '${backend}' failed to initialise`);
  await tf.ready();
  const [blazeface, facemesh, iris] = await Promise.all([
    loadGraphModel('blazeface'),
    loadGraphModel('facemesh'),
    loadGraphModel('iris'),
  ]);
  return {
    backend: tf.getBackend(),
    runBlazeFace(input) {
      // Identity/Identity_2: 16×16 grid (512 anchors); Identity_1/Identity_3: 8×8 grid (384 anchors).
      const [logits512, logits384, boxes512, boxes384] = execute(
        blazeface,
        input,
        [1, 256, 256, 3],
        ['Identity', 'Identity_1', 'Identity_2', 'Identity_3'],
      ) as [Float32Array, Float32Array, Float32Array, Float32Array];
      const logits = concatRows(logits512, logits384);
      return {
        logits,
        scores: logits.map((x) => 1 / (1 + Math.exp(-x))),
        boxes: concatRows(boxes512, boxes384),
      };
    },
    runFaceMesh(input, batch = 1) {
      const [landmarks, faceFlag] = execute(
        facemesh,
        input,
        [batch, 192, 192, 3],
        ['Identity_2', 'Identity_1'],
      ) as [Float32Array, Float32Array];
      return { landmarks, faceFlag };
    },
    runIris(input, batch = 1) {
      const [landmarks] = execute(iris, input, [batch, 64, 64, 3], ['Identity']) as [Float32Array];
      return { landmarks };
    },
    dispose() {
      for (const model of [blazeface, facemesh, iris]) model.dispose();
    },
  };
}
