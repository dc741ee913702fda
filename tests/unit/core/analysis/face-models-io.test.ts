import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { faceModelsIoFromManifest } from '../../../../electron/core/analysis/face-models-io';
import { KioskError } from '../../../../electron/shared/result';

const manifest = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../../../model/manifest.json'), 'utf8'),
) as {
  models: { name: string; inputs: { name: string }[]; outputs: { name: string }[] }[];
};

const codeOf = (json: unknown) => {
  try {
    faceModelsIoFromManifest(json);
  } catch (e) {
    expect(e).toBeInstanceOf(KioskError);
    return (e as KioskError).code;
  }
  return 'ok';
};

describe('faceModelsIoFromManifest', () => {
  it('reads tensor names, layouts and ranges of the committed models', () => {
    const io = faceModelsIoFromManifest(manifest);
    expect(io.detector).toEqual({
      input: { name: 'image', size: 256, layout: 'NHWC', range: [-1, 1] },
      scores: 'scores',
      boxes: 'boxes',
    });
    expect(io.landmarks).toEqual({
      input: { name: 'image', size: 192, layout: 'NHWC', range: [0, 1] },
      mesh: 'landmarks',
      faceFlag: 'face_flag',
    });
    expect(io.files.blazeface).toBe('blazeface.onnx');
    expect(io.modelVersion).toMatch(/^blazeface:[0-9a-f]{8} facemesh:[0-9a-f]{8}/);
  });

  it('fails with MODEL_UNAVAILABLE when a network or tensor is missing', () => {
    expect(codeOf({ manifestVersion: 1, models: manifest.models.filter((m) => m.name !== 'facemesh') })).toBe(
      'MODEL_UNAVAILABLE',
    );
    const renamed = structuredClone(manifest);
    renamed.models.find((m) => m.name === 'blazeface')!.outputs[0]!.name = 'logits';
    expect(codeOf(renamed)).toBe('MODEL_UNAVAILABLE');
    expect(codeOf({ manifestVersion: 2, models: [] })).toBe('MODEL_UNAVAILABLE');
    expect(codeOf('not json')).toBe('MODEL_UNAVAILABLE');
  });
});
