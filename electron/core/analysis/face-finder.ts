import {
  letterboxRect,
  rectToImageTransform,
  type Affine,
  type RotatedRect,
} from '../vision/affine-transform';
import { sampleTensor } from '../vision/bilinear-sampler';
import { decodeBlazeFace, weightedNms, type Detection } from '../vision/blazeface-decoder';
import { detectionToImage, detectionToLandmarkRoi } from '../vision/face-roi';
import { decodeFaceMesh, FACE_MESH_POINTS, type Point3 } from '../vision/facemesh-decoder';
import type { RgbaImage } from '../vision/image-types';
import { BLAZEFACE_256_ANCHORS, generateSsdAnchors, type Anchor } from '../vision/ssd-anchors';
import type { FaceModelsIo } from './face-models-io';
import type { ModelRunner, TensorData } from './model-runner-port';

/** Detection settings; docs/analysis.md explains the values. */
export interface FaceFinderOptions {
  /** Face probability a detection needs (MediaPipe uses 0.5 for its short-range model). */
  readonly minScore: number;
  /** IoU above which detections are merged by weighted NMS (MediaPipe: 0.3). */
  readonly nmsThreshold: number;
  /**
   * A detection narrower than this share of the widest one is someone far behind the shopper and
   * does not count as a second person.
   */
  readonly minRelativeWidth: number;
}

const DEFAULT_FACE_FINDER_OPTIONS: FaceFinderOptions = {
  minScore: 0.5,
  nmsThreshold: 0.3,
  minRelativeWidth: 0.5,
};

/** One face's landmarks and the crop they were found in. */
export interface FaceLandmarks {
  /** 468 points in image pixels. */
  readonly points: Point3[];
  /** The same points in the landmark crop's pixels (the network's raw output). */
  readonly cropPoints: Point3[];
  /** FaceMesh's face-presence probability. */
  readonly faceScore: number;
  readonly roi: RotatedRect;
  readonly cropToImage: Affine;
  /** The landmark network's input, kept for the lighting and focus measures. */
  readonly crop: Float32Array;
}

/**
 * Face-presence probability below which FaceMesh's crop holds no face (MediaPipe's own threshold).
 * The preview guidance and the pipeline use the same value.
 */
export const FACE_FLAG_THRESHOLD = 0.5;

/**
 * Exponent of the tone curve for the second look at a frame in which no face was found: the
 * networks' input is raised to this power (in [0, 1]), which lifts dark skin out of the shadows
 * — the detectors find deep skin in low light less often than light skin. Measured on the tone
 * truth set (docs/colour.md): Monk-10 skin is found in 61 % more frames.
 */
const SHADOW_LIFT_GAMMA = 0.4;

/** The same tensor with its values passed through the shadow-lifting tone curve (in place). */
function liftShadows(data: Float32Array, range: readonly [number, number]): Float32Array {
  const [lo, hi] = range;
  const span = hi - lo;
  for (let i = 0; i < data.length; i++) {
    const u = Math.min(1, Math.max(0, (data[i]! - lo) / span));
    data[i] = lo + span * u ** SHADOW_LIFT_GAMMA;
  }
  return data;
}

function firstValue(outputs: Readonly<Record<string, TensorData>>, name: string): TensorData {
  const t = outputs[name];
  if (!t) throw new RangeError(`model output "${name}" missing`);
  return t;
}

/** Detection and landmarks over the `ModelRunner` port: the first two stages of every frame. */
export class FaceFinder {
  private readonly anchors: Anchor[];

  constructor(
    private readonly runner: ModelRunner,
    private readonly io: FaceModelsIo,
    private readonly options: FaceFinderOptions = DEFAULT_FACE_FINDER_OPTIONS,
  ) {
    this.anchors = generateSsdAnchors({
      ...BLAZEFACE_256_ANCHORS,
      inputWidth: io.detector.input.size,
      inputHeight: io.detector.input.size,
    });
  }

  /**
   * Every face in the image, best first, in image pixels. Faces far smaller than the largest are
   * dropped (people walking past behind the shopper).
   */
  async detect(image: RgbaImage): Promise<Detection[]> {
    const faces = await this.detectOnce(image, false);
    return faces.length > 0 ? faces : this.detectOnce(image, true);
  }

  private async detectOnce(image: RgbaImage, lifted: boolean): Promise<Detection[]> {
    const spec = this.io.detector.input;
    const toImage = rectToImageTransform(letterboxRect(image.width, image.height), spec.size, spec.size);
    const sampled = sampleTensor(image, toImage, {
      width: spec.size,
      height: spec.size,
      layout: spec.layout,
      range: spec.range,
    });
    const data = lifted ? liftShadows(sampled, spec.range) : sampled;
    const dims = spec.layout === 'NHWC' ? [1, spec.size, spec.size, 3] : [1, 3, spec.size, spec.size];
    const out = await this.runner.run('blazeface', { [spec.name]: { data, dims } }, { consumeInputs: true });
    const decoded = decodeBlazeFace(
      firstValue(out, this.io.detector.boxes).data,
      firstValue(out, this.io.detector.scores).data,
      this.anchors,
      {
        numCoords: 16,
        numKeypoints: 6,
        xScale: spec.size,
        yScale: spec.size,
        wScale: spec.size,
        hScale: spec.size,
        minScoreThresh: this.options.minScore,
      },
    );
    const faces = weightedNms(decoded, this.options.nmsThreshold).map((d) =>
      detectionToImage(d, spec.size, toImage),
    );
    const widest = Math.max(0, ...faces.map((d) => d.xmax - d.xmin));
    return faces.filter((d) => d.xmax - d.xmin >= this.options.minRelativeWidth * widest);
  }

  /**
   * FaceMesh on the eye-levelled crop around `detection`, projected back to the image. The crop is
   * cut and sent before this returns its promise, so the caller can work while the network runs.
   */
  landmarks(image: RgbaImage, detection: Detection): Promise<FaceLandmarks> {
    return this.landmarksInRoi(image, detectionToLandmarkRoi(detection));
  }

  /**
   * FaceMesh on a given crop (e.g. derived from the previous frame's landmarks). When it sees no
   * face, it looks once more with the shadows lifted; the crop returned is always the unlifted one
   * (lighting and focus are measured on what the camera saw).
   */
  async landmarksInRoi(image: RgbaImage, roi: RotatedRect): Promise<FaceLandmarks> {
    const spec = this.io.landmarks.input;
    const cropToImage = rectToImageTransform(roi, spec.size, spec.size);
    const crop = sampleTensor(image, cropToImage, {
      width: spec.size,
      height: spec.size,
      layout: spec.layout,
      range: spec.range,
    });
    const dims = spec.layout === 'NHWC' ? [1, spec.size, spec.size, 3] : [1, 3, spec.size, spec.size];
    let out = await this.runner.run('facemesh', { [spec.name]: { data: crop, dims } });
    if ((firstValue(out, this.io.landmarks.faceFlag).data[0] ?? 0) < FACE_FLAG_THRESHOLD) {
      const lifted = liftShadows(Float32Array.from(crop), spec.range);
      const retry = await this.runner.run(
        'facemesh',
        { [spec.name]: { data: lifted, dims } },
        { consumeInputs: true },
      );
      if ((firstValue(retry, this.io.landmarks.faceFlag).data[0] ?? 0) >= FACE_FLAG_THRESHOLD) out = retry;
    }
    const raw = firstValue(out, this.io.landmarks.mesh).data;
    const cropPoints: Point3[] = [];
    for (let i = 0; i < FACE_MESH_POINTS; i++)
      cropPoints.push([raw[3 * i]!, raw[3 * i + 1]!, raw[3 * i + 2]!]);
    return {
      points: decodeFaceMesh(raw, cropToImage),
      cropPoints,
      faceScore: firstValue(out, this.io.landmarks.faceFlag).data[0] ?? 0,
      roi,
      cropToImage,
      crop,
    };
  }
}
