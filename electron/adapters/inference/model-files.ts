import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { KioskError } from '../../shared/result';
import {
  faceModelsIoFromManifest,
  type FaceModelsIo,
  type ImageInputSpec,
} from '../../core/analysis/face-models-io';
import type { ModelName } from '../../core/analysis/model-runner-port';
import { SKIN_METRICS_SHAPES } from '../../core/skin/skin-metrics-io';
import type { ModelFile } from './ort-session-set';

const imageDims = (spec: ImageInputSpec): number[] =>
  spec.layout === 'NHWC' ? [1, spec.size, spec.size, 3] : [1, 3, spec.size, spec.size];

/** Reads `manifest.json` from the model folder: tensor names for the pipeline, files and warm-up shapes for the runner. */
export async function loadModelSet(modelDir: string): Promise<{ io: FaceModelsIo; models: ModelFile[] }> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path.join(modelDir, 'manifest.json'), 'utf8'));
  } catch (error) {
    throw new KioskError(
      'MODEL_UNAVAILABLE',
      `Cannot read the model manifest in ${modelDir}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const io = faceModelsIoFromManifest(json);
  const warmups: Partial<Record<ModelName, Record<string, readonly number[]>>> = {
    blazeface: { [io.detector.input.name]: imageDims(io.detector.input) },
    facemesh: { [io.landmarks.input.name]: imageDims(io.landmarks.input) },
  };
  if (io.iris) warmups.iris = { [io.iris.input.name]: imageDims(io.iris.input) };
  if (io.skin) {
    warmups['skin-metrics'] = {
      [io.skin.crop]: SKIN_METRICS_SHAPES.crop,
      [io.skin.masks]: SKIN_METRICS_SHAPES.masks,
      [io.skin.color]: SKIN_METRICS_SHAPES.color,
    };
  }
  const models = (Object.entries(io.files) as [ModelName, string][]).map(([name, file]) => ({
    name,
    path: path.join(modelDir, file),
    warmup: warmups[name] ?? {},
  }));
  return { io, models };
}
