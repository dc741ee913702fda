import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertTfjsGraph, loadTfjsGraphModel } from '../convert';
import type { FaceModelRecipe } from './face-model-recipes';
import { sha256Hex, type ModelManifestEntry } from './model-manifest';

/** The npm package the face models are converted from, pinned so a rebuild is byte-identical. */
const SOURCE_PACKAGE = { name: '@vladmandic/human', version: '3.3.6' } as const;

/** ai.onnx opset the converted models import. */
const FACE_MODEL_OPSET = 17;

/** A built model: its bytes and its manifest entry. */
export interface BuiltModel {
  readonly bytes: Uint8Array;
  readonly entry: ModelManifestEntry;
}

/** Fails unless `packageDir` holds exactly the pinned package version. */
export function checkSourcePackage(packageDir: string): void {
  const { name, version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    name?: string;
    version?: string;
  };
  if (name !== SOURCE_PACKAGE.name || version !== SOURCE_PACKAGE.version) {
    throw new Error(
      `model build needs ${SOURCE_PACKAGE.name}@${SOURCE_PACKAGE.version} in ${packageDir}, found ${name}@${version}; run npm ci`,
    );
  }
}

/** Converts one face model from `packageDir/models/<name>.json` (+ .bin) to ONNX bytes and its entry. */
export function buildFaceModel(recipe: FaceModelRecipe, packageDir: string): BuiltModel {
  const jsonPath = join(packageDir, 'models', `${recipe.name}.json`);
  const model = loadTfjsGraphModel(jsonPath);
  const graph = convertTfjsGraph(model, {
    graphName: recipe.name,
    outputs: recipe.tfOutputs,
    inputNames: Object.fromEntries(
      model.json.modelTopology.node.filter((n) => n.op === 'Placeholder').map((n) => [n.name, 'image']),
    ),
  });
  const [input] = graph.inputs;
  if (input === undefined || graph.inputs.length !== 1)
    throw new Error(`${recipe.name}: expected one image input, found ${graph.inputs.length}`);
  const outputs = recipe.addHeads(graph);
  for (const output of outputs) graph.builder.output(output.name, output.dtype, output.shape);

  const sourceFiles = [
    `models/${recipe.name}.json`,
    ...model.json.weightsManifest.flatMap((group) => group.paths.map((path) => `models/${path}`)),
  ];
  const files = sourceFiles.map((path) => ({
    path,
    sha256: sha256Hex(readFileSync(join(packageDir, path))),
  }));
  const quantized = model.json.weightsManifest.some((group) =>
    group.weights.some((w) => w.quantization?.dtype === 'float16'),
  );
  const source = {
    kind: 'npm',
    package: SOURCE_PACKAGE.name,
    version: SOURCE_PACKAGE.version,
    files,
    upstream: 'https://github.com/google/mediapipe',
    weights: quantized ? 'float16 in the source, stored as float32' : 'float32',
  } as const;
  const license = 'Apache-2.0 (model weights: Google MediaPipe); source package MIT';
  const bytes = graph.builder.toBytes({
    opset: FACE_MODEL_OPSET,
    producerName: 'skin-kiosk model/convert',
    producerVersion: '1',
    docString: recipe.description,
    metadata: [
      ['source', `${SOURCE_PACKAGE.name}@${SOURCE_PACKAGE.version} ${sourceFiles.join(' ')}`],
      ['license', license],
      ['input_layout', `${input.name}: ${recipe.input.layout} [${input.shape.join(', ')}]`],
      ['normalization', recipe.input.normalization?.formula ?? 'none'],
      [
        'converted_ops',
        Object.entries(graph.opCounts)
          .map(([op, count]) => `${op}:${count}`)
          .join(' '),
      ],
    ],
  });
  const entry: ModelManifestEntry = {
    name: recipe.name,
    file: `${recipe.name}.onnx`,
    sha256: sha256Hex(bytes),
    bytes: bytes.length,
    description: recipe.description,
    source,
    license,
    opset: FACE_MODEL_OPSET,
    inputs: [{ name: input.name, dtype: 'float32', shape: input.shape, ...recipe.input }],
    outputs,
    ...(recipe.anchors === undefined ? {} : { anchors: recipe.anchors }),
    notes: recipe.notes,
  };
  return { bytes, entry };
}
