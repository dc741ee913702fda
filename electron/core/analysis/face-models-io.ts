import { z } from 'zod';
import { KioskError } from '../../shared/result';
import { SKIN_METRICS_IO } from '../skin/skin-metrics-io';
import type { TensorLayout } from '../vision/bilinear-sampler';
import type { ModelName } from './model-runner-port';

/** An image input: its tensor name, square size, axis order and value range. */
export interface ImageInputSpec {
  readonly name: string;
  readonly size: number;
  readonly layout: TensorLayout;
  readonly range: readonly [number, number];
}

/** Tensor names and input geometry of the networks, read from `model/manifest.json`. */
export interface FaceModelsIo {
  readonly detector: { readonly input: ImageInputSpec; readonly scores: string; readonly boxes: string };
  readonly landmarks: { readonly input: ImageInputSpec; readonly mesh: string; readonly faceFlag: string };
  /**
   * The iris network (eye crop → eye contour and iris points), used to find the sclera for the
   * uncalibrated colour estimate; null when the manifest lists none.
   */
  readonly iris: { readonly input: ImageInputSpec; readonly landmarks: string } | null;
  /** The skin-metrics tensor names, or null when the manifest lists no skin-metrics network. */
  readonly skin: typeof SKIN_METRICS_IO | null;
  /** Short content hashes of the model files, e.g. `blazeface:866d7406 facemesh:7e2fb826 …`. */
  readonly modelVersion: string;
  /** File name of each network inside the model folder. */
  readonly files: Readonly<Partial<Record<ModelName, string>>>;
}

const Tensor = z.object({
  name: z.string().min(1),
  shape: z.array(z.union([z.number(), z.string()])),
  layout: z.string(),
  normalization: z.object({ range: z.tuple([z.number(), z.number()]) }).optional(),
});
const Entry = z.object({
  name: z.string(),
  file: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  inputs: z.array(Tensor).min(1),
  outputs: z.array(Tensor).min(1),
});
const Manifest = z.object({ manifestVersion: z.literal(1), models: z.array(Entry) });
type Entry = z.infer<typeof Entry>;

function entry(models: readonly Entry[], name: ModelName): Entry {
  const found = models.find((m) => m.name === name);
  if (!found) throw new KioskError('MODEL_UNAVAILABLE', `model/manifest.json has no "${name}" model`);
  return found;
}

function skinIo(skin: Entry): typeof SKIN_METRICS_IO {
  for (const name of [SKIN_METRICS_IO.crop, SKIN_METRICS_IO.masks, SKIN_METRICS_IO.color]) {
    if (!skin.inputs.some((i) => i.name === name))
      throw new KioskError('MODEL_UNAVAILABLE', `skin-metrics has no input "${name}"`);
  }
  output(skin, SKIN_METRICS_IO.zoneStats);
  return SKIN_METRICS_IO;
}

function output(e: Entry, name: string): string {
  if (!e.outputs.some((o) => o.name === name))
    throw new KioskError('MODEL_UNAVAILABLE', `${e.name} has no output "${name}"`);
  return name;
}

/** An NHWC or NCHW square image input with a normalisation range. */
function imageInput(e: Entry): ImageInputSpec {
  const input = e.inputs[0]!;
  const layout = input.layout === 'NHWC' || input.layout === 'NCHW' ? input.layout : null;
  const size = layout === 'NHWC' ? input.shape[1] : input.shape[2];
  if (!layout || typeof size !== 'number' || !input.normalization) {
    throw new KioskError(
      'MODEL_UNAVAILABLE',
      `${e.name}: input "${input.name}" is not a square NHWC/NCHW image with a range`,
    );
  }
  return { name: input.name, size, layout, range: input.normalization.range };
}

/** Reads what the pipeline needs from the parsed manifest JSON; MODEL_UNAVAILABLE when it does not fit. */
export function faceModelsIoFromManifest(json: unknown): FaceModelsIo {
  const parsed = Manifest.safeParse(json);
  if (!parsed.success)
    throw new KioskError(
      'MODEL_UNAVAILABLE',
      `model/manifest.json is not valid: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  const { models } = parsed.data;
  const det = entry(models, 'blazeface');
  const mesh = entry(models, 'facemesh');
  const iris = models.find((m) => m.name === 'iris');
  const skin = models.find((m) => m.name === 'skin-metrics');
  const used = [det, mesh, iris, skin].filter((m): m is Entry => m !== undefined);
  return {
    detector: { input: imageInput(det), scores: output(det, 'scores'), boxes: output(det, 'boxes') },
    landmarks: {
      input: imageInput(mesh),
      mesh: output(mesh, 'landmarks'),
      faceFlag: output(mesh, 'face_flag'),
    },
    iris: iris ? { input: imageInput(iris), landmarks: output(iris, 'landmarks') } : null,
    skin: skin ? skinIo(skin) : null,
    modelVersion: used.map((m) => `${m.name}:${m.sha256.slice(0, 8)}`).join(' '),
    files: Object.fromEntries(used.map((m) => [m.name, m.file])),
  };
}
