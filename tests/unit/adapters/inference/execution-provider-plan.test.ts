import { describe, expect, it } from 'vitest';
import {
  planProviders,
  type ProviderEnvironment,
} from '../../../../electron/adapters/inference/execution-provider-plan';

const linux: ProviderEnvironment = {
  platform: 'linux',
  backends: [
    { name: 'cpu', bundled: true },
    { name: 'webgpu', bundled: true },
    { name: 'cuda', bundled: false },
  ],
  cudaInstalled: false,
};

describe('planProviders', () => {
  it('keeps the preference order and says why each provider cannot be tried here', () => {
    expect(planProviders(['webgpu', 'dml', 'coreml', 'cuda', 'cpu'], linux)).toEqual([
      { provider: 'webgpu', skip: null },
      { provider: 'dml', skip: 'only available on win32' },
      { provider: 'coreml', skip: 'only available on darwin' },
      { provider: 'cuda', skip: 'CUDA provider library not installed' },
      { provider: 'cpu', skip: null },
    ]);
  });

  it('tries CUDA only when its library is installed', () => {
    expect(planProviders(['cuda'], { ...linux, cudaInstalled: true })[0]).toEqual({
      provider: 'cuda',
      skip: null,
    });
  });

  it('always ends with cpu, once', () => {
    expect(planProviders(['webgpu'], linux).map((c) => c.provider)).toEqual(['webgpu', 'cpu']);
    expect(planProviders(['cpu', 'cpu'], linux).map((c) => c.provider)).toEqual(['cpu']);
  });

  it('skips a provider this onnxruntime build does not have', () => {
    expect(planProviders(['dml', 'cpu'], { ...linux, platform: 'win32' })[0]).toEqual({
      provider: 'dml',
      skip: 'not built into this onnxruntime-node',
    });
  });
});
