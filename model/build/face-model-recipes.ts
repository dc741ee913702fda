import type { ConvertedGraph } from '../convert';
import { int64Tensor } from '../onnx';
import type { ModelManifestEntry, TensorSpec } from './model-manifest';

/** How one MediaPipe face model is converted: which TensorFlow outputs it needs and the ONNX heads on top. */
export interface FaceModelRecipe {
  readonly name: string;
  readonly description: string;
  /** TensorFlow nodes the heads read; only their ancestors are converted. */
  readonly tfOutputs: readonly string[];
  readonly input: Omit<TensorSpec, 'name' | 'shape' | 'dtype'>;
  /** Adds the output nodes and returns their specs (names, shapes, meaning). */
  addHeads(graph: ConvertedGraph): TensorSpec[];
  readonly anchors?: ModelManifestEntry['anchors'];
  readonly notes: readonly string[];
}

const nhwcRgb = (
  range: readonly [number, number],
  formula: string,
  detail: string,
): FaceModelRecipe['input'] => ({
  layout: 'NHWC',
  description: `RGB image, ${detail}`,
  normalization: { colorOrder: 'RGB', range, formula },
});

/** Declares `value` as a graph output named `name` (an Identity when the names differ). */
function exposeAs(graph: ConvertedGraph, value: string, name: string): string {
  return value === name ? value : graph.builder.node('Identity', [value], {}, { name, outputs: [name] });
}

/** Reshapes a flat per-batch vector to [batch, points, 3]. */
function pointsOutput(graph: ConvertedGraph, tfName: string, name: string, points: number): string {
  const flat = graph.tensor(tfName);
  const shape = graph.builder.initializer(`${name}/shape`, int64Tensor([3], [-1, points, 3]));
  return graph.builder.node('Reshape', [flat.name, shape], {}, { name, outputs: [name] });
}

const blazeface: FaceModelRecipe = {
  name: 'blazeface',
  description:
    'BlazeFace short-range face detector (256×256 "back" variant): SSD scores and box/keypoint regressors for 896 anchors.',
  tfOutputs: ['Identity', 'Identity_1', 'Identity_2', 'Identity_3'],
  input: nhwcRgb(
    [-1, 1],
    'x = pixel / 127.5 - 1',
    'the whole frame resized (letterboxed to square) to 256×256',
  ),
  addHeads(graph) {
    const b = graph.builder;
    const logits = b.node(
      'Concat',
      [graph.tensor('Identity').name, graph.tensor('Identity_1').name],
      { axis: 1 },
      { name: 'logits' },
    );
    b.node('Sigmoid', [logits], {}, { name: 'scores', outputs: ['scores'] });
    b.node(
      'Concat',
      [graph.tensor('Identity_2').name, graph.tensor('Identity_3').name],
      { axis: 1 },
      { name: 'boxes', outputs: ['boxes'] },
    );
    return [
      {
        name: 'scores',
        dtype: 'float32',
        shape: [1, 896, 1],
        layout: '[batch, anchor, 1]',
        description: 'Face probability per anchor (sigmoid of the classifier logit).',
      },
      {
        name: 'boxes',
        dtype: 'float32',
        shape: [1, 896, 16],
        layout: '[batch, anchor, 16]',
        description:
          'Per anchor, in pixels of the 256×256 input: [dx, dy, w, h] of the box centre offset from the anchor centre and its size, then 6 keypoints (dx, dy) from the anchor centre: right eye, left eye, nose tip, mouth, right ear tragion, left ear tragion.',
      },
    ];
  },
  anchors: {
    inputSize: 256,
    strides: [16, 32],
    anchorsPerCell: [2, 6],
    count: 896,
    centre:
      'anchor (x, y) = stride × (column + 0.5, row + 0.5) in pixels; rows outer, columns inner, then the anchors of a cell; all 512 stride-16 anchors first',
    decoding:
      'centre = anchor + (dx, dy); box = centre ± (w, h) / 2; keypoint k = anchor + (dx_k, dy_k); no anchor width/height scaling (fixed_anchor_size)',
  },
  notes: [
    'Outputs combine the two SSD heads of the TensorFlow graph (Identity/Identity_2: 16×16 grid, Identity_1/Identity_3: 8×8 grid) in anchor order.',
    'Normalisation as fed by @vladmandic/human 3.3.6 (src/face/blazeface.ts): resizeBilinear to 256×256, then /127.5 − 1.',
    'Post-processing (thresholding, weighted non-maximum suppression) is left to the pipeline.',
  ],
};

const facemesh: FaceModelRecipe = {
  name: 'facemesh',
  description: 'MediaPipe FaceMesh: 468 3-D face landmarks and a face-presence score from a face crop.',
  tfOutputs: ['Identity_2', 'Identity_1'],
  input: nhwcRgb(
    [0, 1],
    'x = pixel / 255',
    'a square face crop (detector box enlarged ×1.4 and squared, eye line level) resized to 192×192',
  ),
  addHeads(graph) {
    pointsOutput(graph, 'Identity_2', 'landmarks', 468);
    exposeAs(graph, graph.tensor('Identity_1').name, 'face_flag');
    return [
      {
        name: 'landmarks',
        dtype: 'float32',
        shape: ['batch', 468, 3],
        layout: '[batch, landmark, xyz]',
        description:
          'x, y in pixels of the 192×192 crop; z relative depth on the same scale (smaller is closer to the camera).',
      },
      {
        name: 'face_flag',
        dtype: 'float32',
        shape: ['batch', 1],
        layout: '[batch, 1]',
        description: 'Probability that the crop holds a face (sigmoid already applied).',
      },
    ];
  },
  notes: [
    'Normalisation as fed by @vladmandic/human 3.3.6 (src/face/facemeshutil.ts cutAndResize): crop, resize to 192×192, /255.',
    'Source weights are float16-quantised in the TensorFlow.js files; they are stored here as float32 (exact: every float16 is a float32).',
    "The TensorFlow graph's third output (output_contours, 266 values) is not used by this project and is not converted.",
  ],
};

const iris: FaceModelRecipe = {
  name: 'iris',
  description: 'MediaPipe Iris: 71 eye-contour/brow points and 5 iris points from an eye crop.',
  tfOutputs: ['Identity'],
  input: nhwcRgb(
    [0, 1],
    'x = pixel / 255',
    'a square eye crop (eye corners box enlarged ×2.3) resized to 64×64; both eyes can go in one batch',
  ),
  addHeads(graph) {
    pointsOutput(graph, 'Identity', 'landmarks', 76);
    return [
      {
        name: 'landmarks',
        dtype: 'float32',
        shape: ['batch', 76, 3],
        layout: '[batch, point, xyz]',
        description:
          'Points 0–70: eye contour and brow; 71–75: iris centre then 4 iris boundary points. x, y in pixels of the 64×64 crop, z relative depth.',
      },
    ];
  },
  notes: [
    'Normalisation as fed by @vladmandic/human 3.3.6 (src/face/iris.ts): crop from the [0, 1] face crop, resize to 64×64.',
    "MediaPipe's iris graph mirrors the right-eye crop horizontally before inference and mirrors x back afterwards.",
  ],
};

/** The converted face models, in build order. */
export const FACE_MODEL_RECIPES: readonly FaceModelRecipe[] = [blazeface, facemesh, iris];
