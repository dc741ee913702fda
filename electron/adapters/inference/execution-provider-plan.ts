import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Execution providers the kiosk config may name, in the default preference order. */
export type ProviderName = 'webgpu' | 'dml' | 'coreml' | 'cuda' | 'cpu';

/** A provider in the preference list and, when it cannot even be tried here, why. */
export interface ProviderCandidate {
  readonly provider: ProviderName;
  /** Null when the provider is worth trying on this machine. */
  readonly skip: string | null;
}

/** Facts about this machine the plan depends on; tests pass their own. */
export interface ProviderEnvironment {
  readonly platform: NodeJS.Platform;
  /** Backends onnxruntime-node reports (its `listSupportedBackends()`). */
  readonly backends: readonly { readonly name: string; readonly bundled: boolean }[];
  /** Whether the CUDA provider library sits next to the ORT binding (it is a separate download). */
  readonly cudaInstalled: boolean;
}

const PLATFORM_ONLY: Partial<Record<ProviderName, NodeJS.Platform>> = { dml: 'win32', coreml: 'darwin' };

/**
 * Filters the preference list down to what can load here, keeping the order and the reason for
 * each skip. CPU is appended when missing so there is always a last resort.
 */
export function planProviders(
  preference: readonly ProviderName[],
  env: ProviderEnvironment,
): ProviderCandidate[] {
  const list = [...new Set(preference)];
  if (!list.includes('cpu')) list.push('cpu');
  return list.map((provider) => {
    const only = PLATFORM_ONLY[provider];
    if (only && env.platform !== only) return { provider, skip: `only available on ${only}` };
    const backend = env.backends.find((b) => b.name === provider);
    if (!backend) return { provider, skip: 'not built into this onnxruntime-node' };
    if (provider === 'cuda' && !env.cudaInstalled)
      return { provider, skip: 'CUDA provider library not installed' };
    return { provider, skip: null };
  });
}

/** The environment of this process, read from onnxruntime-node's binding folder. */
export function detectProviderEnvironment(backends: ProviderEnvironment['backends']): ProviderEnvironment {
  const require = createRequire(import.meta.url);
  const bindingDir = path.join(
    path.dirname(require.resolve('onnxruntime-node')),
    '..',
    'bin',
    'napi-v6',
    process.platform,
    process.arch,
  );
  const cudaLib =
    process.platform === 'win32' ? 'onnxruntime_providers_cuda.dll' : 'libonnxruntime_providers_cuda.so';
  return { platform: process.platform, backends, cudaInstalled: existsSync(path.join(bindingDir, cudaLib)) };
}
