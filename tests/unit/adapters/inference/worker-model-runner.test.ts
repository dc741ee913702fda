import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModelSet } from '../../../../electron/adapters/inference/model-files';
import {
  resolveInferenceWorkerEntry,
  WorkerModelRunner,
} from '../../../../electron/adapters/inference/worker-model-runner';
import { KioskError } from '../../../../electron/shared/result';

const modelDir = path.resolve(import.meta.dirname, '../../../../model');

describe('resolveInferenceWorkerEntry', () => {
  it('loads the TypeScript source in development and the built file next to the bundle', () => {
    expect(
      resolveInferenceWorkerEntry('file:///app/electron/adapters/inference/worker-model-runner.ts'),
    ).toEqual({
      url: new URL('file:///app/electron/adapters/inference/inference-worker.ts'),
      source: true,
    });
    expect(resolveInferenceWorkerEntry('file:///opt/kiosk/resources/app.asar/out/main/index.js')).toEqual({
      url: new URL('file:///opt/kiosk/resources/app.asar/out/main/inference-worker.cjs'),
      source: false,
    });
  });
});

describe('WorkerModelRunner', () => {
  let runner: WorkerModelRunner;

  beforeAll(async () => {
    const { models } = await loadModelSet(modelDir);
    runner = await WorkerModelRunner.start({ models, preference: ['webgpu', 'cpu'] });
  });
  afterAll(async () => {
    await runner.dispose();
  });

  it('loads and warms every network off the main thread, reporting the provider chain', () => {
    const info = runner.info();
    expect(info.warm).toBe(true);
    expect(info.tried.at(-1)).toEqual({ provider: info.executionProvider, ok: true, reason: null });
    for (const t of info.tried.slice(0, -1)) expect(t.reason).toBeTruthy();
  });

  it('runs FaceMesh in the worker and leaves the caller its input', async () => {
    const data = new Float32Array(192 * 192 * 3).fill(0.5);
    const out = await runner.run('facemesh', { image: { data, dims: [1, 192, 192, 3] } });
    expect(out.landmarks!.dims).toEqual([1, 468, 3]);
    expect(out.face_flag!.data.length).toBe(1);
    expect(data.length).toBe(192 * 192 * 3);
    expect(data[0]).toBe(0.5);
  });

  it('moves consumed inputs to the worker instead of copying them', async () => {
    const data = new Float32Array(256 * 256 * 3);
    const out = await runner.run(
      'blazeface',
      { image: { data, dims: [1, 256, 256, 3] } },
      { consumeInputs: true },
    );
    expect(out.scores!.data.length).toBe(896);
    expect(data.length).toBe(0);
  });

  it('gives the same answer twice', async () => {
    const data = new Float32Array(256 * 256 * 3).map((_, i) => ((i * 7919) % 255) / 127.5 - 1);
    const a = await runner.run('blazeface', { image: { data, dims: [1, 256, 256, 3] } });
    const b = await runner.run('blazeface', { image: { data, dims: [1, 256, 256, 3] } });
    expect([...b.scores!.data]).toEqual([...a.scores!.data]);
  });

  it('turns a bad input into a typed error and keeps working', async () => {
    const error = await runner
      .run('blazeface', { image: { data: new Float32Array(3), dims: [1, 1, 1, 3] } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KioskError);
    const ok = await runner.run('blazeface', {
      image: { data: new Float32Array(256 * 256 * 3), dims: [1, 256, 256, 3] },
    });
    expect(ok.scores!.data.length).toBe(896);
  });

  it('refuses work after dispose', async () => {
    const { models } = await loadModelSet(modelDir);
    const short = await WorkerModelRunner.start({
      models: models.filter((m) => m.name === 'blazeface'),
      preference: ['cpu'],
    });
    await short.dispose();
    await expect(short.run('blazeface', {})).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
  });
});
