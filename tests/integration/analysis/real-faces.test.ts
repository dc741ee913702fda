import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaceFinder } from '../../../electron/core/analysis/face-finder';
import { loadModelSet } from '../../../electron/adapters/inference/model-files';
import { WorkerModelRunner } from '../../../electron/adapters/inference/worker-model-runner';
import type { FaceModelsIo } from '../../../electron/core/analysis/face-models-io';
import type { AnalysisResult } from '../../../electron/shared/schemas/analysis-schemas';
import {
  groupPhotos,
  repoRoot,
  rgba,
  singleFaces,
  startServices,
  type ServicesFixture,
} from './analysis-fixtures';

describe('detection and landmarks on real photos', () => {
  let runner: WorkerModelRunner;
  let finder: FaceFinder;
  let io: FaceModelsIo;

  beforeAll(async () => {
    const set = await loadModelSet(path.join(repoRoot, 'model'));
    io = set.io;
    runner = await WorkerModelRunner.start({
      models: set.models.filter((m) => m.name !== 'skin-metrics'),
      preference: ['cpu'],
    });
    finder = new FaceFinder(runner, io);
  });
  afterAll(async () => {
    await runner.dispose();
  });

  it.each([...singleFaces, ...groupPhotos].map((f) => [path.basename(f), f]))(
    'finds the face(s) in %s, landmarks inside the box',
    async (_name, file) => {
      const image = await rgba(file);
      const faces = await finder.detect(image);
      expect(faces.length).toBeGreaterThanOrEqual(groupPhotos.includes(file) ? 2 : 1);
      if (!groupPhotos.includes(file)) expect(faces).toHaveLength(1);
      for (const face of faces) {
        expect(face.score).toBeGreaterThan(0.5);
        const mesh = await finder.landmarks(image, face);
        expect(mesh.faceScore).toBeGreaterThan(0.9);
        // Every point lies in the crop the landmarks were found in (the box, 1.5×, eye-levelled)…
        const size = io.landmarks.input.size;
        for (const [x, y] of mesh.cropPoints) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(size);
          expect(y).toBeGreaterThanOrEqual(0);
          expect(y).toBeLessThanOrEqual(size);
        }
        // …and most inside the detector's own tight box (brows to chin).
        const inBox = mesh.points.filter(
          ([x, y]) => x >= face.xmin && x <= face.xmax && y >= face.ymin && y <= face.ymax,
        ).length;
        expect(inBox).toBeGreaterThan(0.8 * 468);
      }
    },
  );

  it('finds nothing in a frame without a face', async () => {
    const image = await rgba(path.join(repoRoot, '../shared/data/faces/skimage-astronaut.png'));
    // The lower right of the astronaut photo: helmet and shuttle, no face.
    const w = 200;
    const data = new Uint8Array(w * w * 4);
    for (let y = 0; y < w; y++)
      data.set(image.data.subarray(((300 + y) * 512 + 300) * 4, ((300 + y) * 512 + 300 + w) * 4), y * w * 4);
    expect(await finder.detect({ width: w, height: w, data })).toHaveLength(0);
  });
});

describe('whole analysis on real photos', () => {
  let fx: ServicesFixture;
  beforeAll(async () => {
    fx = startServices();
    await fx.services.ready();
  });
  afterAll(async () => {
    await fx.close();
  });

  const withoutTimings = (r: AnalysisResult) => ({
    ...r,
    profile: { ...r.profile, meta: { ...r.profile.meta!, timingsMs: {} } },
  });

  it('gives identical results for repeated runs of the same frame', async () => {
    const image = await rgba(singleFaces[1]!);
    const first = await fx.services.analyze(image, {});
    for (let i = 0; i < 2; i++)
      expect(withoutTimings(await fx.services.analyze(image, {}))).toEqual(withoutTimings(first));
    expect(first.profile.meta!.executionProvider).toBe('cpu');
    expect(first.profile.metrics).toHaveLength(8);
  });
});
