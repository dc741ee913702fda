import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ort from 'onnxruntime-node';
import { createAnalysisHandlers } from '../../../electron/services/handlers/analysis-handlers';
import { detectProviderEnvironment } from '../../../electron/adapters/inference/execution-provider-plan';
import { rgba, singleFaces, startServices, type ServicesFixture } from './analysis-fixtures';

describe('execution provider preference from the kiosk config', () => {
  let fx: ServicesFixture;
  beforeAll(async () => {
    fx = startServices({ analysis: { executionProviders: ['webgpu', 'cuda', 'cpu'] } });
    await fx.services.ready();
  });
  afterAll(async () => {
    await fx.close();
  });

  it('reports on the staff channel which provider runs and why the others were skipped', async () => {
    const status = await createAnalysisHandlers(fx.services)['analysis:status']({}, fx.sink);
    expect(status.warm).toBe(true);
    expect(status.modelVersion).toMatch(/skin-metrics:[0-9a-f]{8}/);
    expect(status.calibrated).toBe(false);
    const used = status.tried.find((t) => t.ok)!;
    expect(used.provider).toBe(status.executionProvider);
    expect(status.tried.at(-1)).toEqual(used);
    for (const skipped of status.tried.filter((t) => !t.ok)) expect(skipped.reason).toBeTruthy();
    if (!detectProviderEnvironment(ort.listSupportedBackends()).cudaInstalled) {
      expect(status.tried.find((t) => t.provider === 'cuda')).toEqual({
        provider: 'cuda',
        ok: false,
        reason: 'CUDA provider library not installed',
      });
    }
  });

  it('falls back to cpu where webgpu cannot load, and the result says which provider ran', async () => {
    const status = fx.services.status();
    const webgpu = status.tried.find((t) => t.provider === 'webgpu')!;
    if (!webgpu.ok) {
      expect(status.executionProvider).toBe('cpu');
      expect(webgpu.reason).toMatch(/adapter|WebGPU|Vulkan|device/i);
    }
    const result = await fx.services.analyze(await rgba(singleFaces[0]!), {});
    expect(result.profile.meta!.executionProvider).toBe(status.executionProvider);
  });
});
