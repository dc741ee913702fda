import type { KioskErrorShape } from '../../shared/result';
import type { ModelName, RunnerInfo, TensorMap } from '../../core/analysis/model-runner-port';
import type { ModelFile } from './ort-session-set';
import type { ProviderName } from './execution-provider-plan';

/** Messages the main side sends the inference worker. */
export type WorkerRequest =
  | {
      readonly type: 'open';
      readonly models: readonly ModelFile[];
      readonly preference: readonly ProviderName[];
      readonly intraOpNumThreads?: number;
    }
  | { readonly type: 'run'; readonly id: number; readonly model: ModelName; readonly feeds: TensorMap }
  | { readonly type: 'close' };

/** Messages the worker sends back. */
export type WorkerResponse =
  | { readonly type: 'opened'; readonly info: RunnerInfo }
  | { readonly type: 'open-failed'; readonly error: KioskErrorShape }
  | { readonly type: 'result'; readonly id: number; readonly outputs: TensorMap; readonly info: RunnerInfo }
  | {
      readonly type: 'run-failed';
      readonly id: number;
      readonly error: KioskErrorShape;
      readonly info: RunnerInfo;
    }
  | { readonly type: 'closed' };

/** Buffers of a tensor map, for a zero-copy `postMessage` transfer list. */
export function transferList(tensors: TensorMap): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const t of Object.values(tensors))
    if (t.data.buffer instanceof ArrayBuffer) buffers.add(t.data.buffer);
  return [...buffers];
}
