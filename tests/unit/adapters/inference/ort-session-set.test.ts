import path from 'node:path';
import ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import {
  OrtSessionSet,
  reasonOf,
  type ModelFile,
  type SessionFactory,
} from '../../../../electron/adapters/inference/ort-session-set';
import { KioskError } from '../../../../electron/shared/result';

const modelDir = path.resolve(import.meta.dirname, '../../../../model');
const blazeface: ModelFile = {
  name: 'blazeface',
  path: path.join(modelDir, 'blazeface.onnx'),
  warmup: { image: [1, 256, 256, 3] },
};
const input = { image: { data: new Float32Array(256 * 256 * 3).fill(0.1), dims: [1, 256, 256, 3] } };

const real: SessionFactory = (file, provider, threads) =>
  ort.InferenceSession.create(file, { executionProviders: [provider], intraOpNumThreads: threads });

/** Stands in for a GPU provider: sessions load, then every run fails the way a lost device does. */
const failingRuns =
  (bad: string): SessionFactory =>
  async (file, provider, threads) => {
    const session = await real(file, 'cpu', threads);
    if (provider !== bad) return session;
    return { run: async () => Promise.reject(new Error('device lost')), release: () => session.release() };
  };

describe('OrtSessionSet', () => {
  it('runs the real network on cpu and reports it', async () => {
    const set = await OrtSessionSet.open({ models: [blazeface], preference: ['cpu'] });
    const out = await set.run('blazeface', input);
    expect(out.scores!.dims).toEqual([1, 896, 1]);
    expect(out.boxes!.dims).toEqual([1, 896, 16]);
    expect(set.info()).toEqual({
      executionProvider: 'cpu',
      tried: [{ provider: 'cpu', ok: true, reason: null }],
      warm: true,
    });
    await set.dispose();
  });

  it('falls back to cpu when the first provider fails to load, and says why', async () => {
    const set = await OrtSessionSet.open({ models: [blazeface], preference: ['webgpu', 'cpu'] });
    const info = set.info();
    // On a machine with a GPU webgpu loads; everywhere else it must be reported as skipped with a reason.
    if (info.executionProvider === 'cpu') {
      expect(info.tried[0]).toMatchObject({ provider: 'webgpu', ok: false });
      expect(info.tried[0]!.reason).toMatch(/\w{6,}/);
      expect(info.tried[1]).toEqual({ provider: 'cpu', ok: true, reason: null });
    } else {
      expect(info.tried).toEqual([{ provider: 'webgpu', ok: true, reason: null }]);
    }
    expect((await set.run('blazeface', input)).scores!.data.length).toBe(896);
    await set.dispose();
  });

  it('drops a provider whose warm-up run fails and uses the next', async () => {
    const set = await OrtSessionSet.open({
      models: [blazeface],
      preference: ['webgpu', 'cpu'],
      factory: failingRuns('webgpu'),
    });
    expect(set.info().executionProvider).toBe('cpu');
    expect(set.info().tried[0]).toEqual({ provider: 'webgpu', ok: false, reason: 'device lost' });
    await set.dispose();
  });

  it('falls back during a later run and still answers that run', async () => {
    let runs = 0;
    const flaky: SessionFactory = async (file, provider, threads) => {
      const session = await real(file, 'cpu', threads);
      if (provider !== 'webgpu') return session;
      return {
        run: (feeds) => (++runs > 1 ? Promise.reject(new Error('device lost')) : session.run(feeds)),
        release: () => session.release(),
      };
    };
    const set = await OrtSessionSet.open({
      models: [blazeface],
      preference: ['webgpu', 'cpu'],
      factory: flaky,
    });
    expect(set.info().executionProvider).toBe('webgpu');
    const out = await set.run('blazeface', input);
    expect(out.scores!.data.length).toBe(896);
    expect(set.info().executionProvider).toBe('cpu');
    expect(set.info().tried).toEqual([
      { provider: 'webgpu', ok: false, reason: 'failed during a run: device lost' },
      { provider: 'cpu', ok: true, reason: null },
    ]);
    await set.dispose();
  });

  it('fails with MODEL_UNAVAILABLE when no provider can run the models', async () => {
    const missing: ModelFile = { ...blazeface, path: path.join(modelDir, 'no-such-model.onnx') };
    const error = await OrtSessionSet.open({ models: [missing], preference: ['cpu'] }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(KioskError);
    expect((error as KioskError).code).toBe('MODEL_UNAVAILABLE');
    expect((error as KioskError).message).toContain('cpu:');
  });

  it('keeps only the message of an ORT check failure', () => {
    expect(
      reasonOf(
        new Error('/onnxruntime_src/x.cc:136 f() a == b was false. Failed to get a WebGPU adapter\nmore'),
      ),
    ).toBe('Failed to get a WebGPU adapter');
  });
});
