import ort from 'onnxruntime-node';
import { KioskError } from '../../shared/result';
import type {
  ModelName,
  ModelRunner,
  ProviderAttempt,
  RunnerInfo,
  TensorMap,
} from '../../core/analysis/model-runner-port';
import {
  detectProviderEnvironment,
  planProviders,
  type ProviderCandidate,
  type ProviderEnvironment,
  type ProviderName,
} from './execution-provider-plan';

/** A network to load: its file and the input shapes its warm-up run is fed (zeros). */
export interface ModelFile {
  readonly name: ModelName;
  readonly path: string;
  readonly warmup: Readonly<Record<string, readonly number[]>>;
}

/** The part of an ORT session the set uses; the factory seam lets tests stand in for a GPU. */
export interface SessionHandle {
  run(feeds: Record<string, ort.Tensor>): Promise<Record<string, ort.OnnxValue>>;
  release(): Promise<void>;
}
export type SessionFactory = (
  path: string,
  provider: ProviderName,
  intraOpNumThreads: number,
) => Promise<SessionHandle>;

export interface SessionSetOptions {
  readonly models: readonly ModelFile[];
  readonly preference: readonly ProviderName[];
  /** ORT intra-op threads; the kiosk has few cores and the caller's thread prepares the next input. */
  readonly intraOpNumThreads?: number;
  readonly factory?: SessionFactory;
  readonly environment?: ProviderEnvironment;
}

const ortFactory: SessionFactory = (path, provider, intraOpNumThreads) =>
  ort.InferenceSession.create(path, {
    executionProviders: [provider],
    graphOptimizationLevel: 'all',
    intraOpNumThreads,
    // Idle ORT threads sleep instead of spinning: a spinning pool took both cores of a two-core
    // kiosk from the UI and the pipeline's own pre-processing and lost 1.5–4× under any other load;
    // sleeping threads keep the parallel speed-up and cost about nothing when the machine is busy
    // (docs/analysis.md, "Threads").
    extra: { session: { 'intra_op.allow_spinning': '0' } },
  });

/**
 * First line of an error, short enough for a staff screen. ORT's own checks read
 * "<source file>:<line> <function> <condition> was false. <message>"; only the message is kept.
 */
export function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const first = text.split('\n').find((l) => l.trim().length > 0) ?? 'unknown error';
  const line = /\bwas false\.\s*(.+)$/.exec(first)?.[1] ?? first;
  return line.length > 200 ? `${line.slice(0, 197)}…` : line;
}

function toOrtFeeds(feeds: TensorMap): Record<string, ort.Tensor> {
  const out: Record<string, ort.Tensor> = {};
  for (const [name, t] of Object.entries(feeds)) out[name] = new ort.Tensor('float32', t.data, [...t.dims]);
  return out;
}

/**
 * ONNX Runtime sessions for every network, all on one execution provider chosen from a preference
 * list: providers that cannot exist here are skipped, each remaining one must create every session
 * AND complete a warm-up run, and a provider that later fails a run is dropped for the next one.
 * Runs are serialised: the kiosk analyses one shopper at a time and a fallback must not race.
 */
export class OrtSessionSet implements ModelRunner {
  private sessions = new Map<ModelName, SessionHandle>();
  private provider: ProviderName = 'cpu';
  private readonly tried: ProviderAttempt[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private warm = false;

  private constructor(
    private readonly options: SessionSetOptions,
    private remaining: ProviderCandidate[],
  ) {}

  static async open(options: SessionSetOptions): Promise<OrtSessionSet> {
    const env = options.environment ?? detectProviderEnvironment(ort.listSupportedBackends());
    const set = new OrtSessionSet(options, planProviders(options.preference, env));
    await set.openNext();
    return set;
  }

  info(): RunnerInfo {
    return { executionProvider: this.provider, tried: [...this.tried], warm: this.warm };
  }

  run(model: ModelName, feeds: TensorMap): Promise<TensorMap> {
    const next = this.queue.then(() => this.runNow(model, feeds));
    this.queue = next.catch(() => undefined);
    return next;
  }

  async dispose(): Promise<void> {
    await this.queue;
    await this.releaseAll();
  }

  private async runNow(model: ModelName, feeds: TensorMap): Promise<TensorMap> {
    const session = this.sessions.get(model);
    if (!session) throw new KioskError('MODEL_UNAVAILABLE', `model "${model}" is not loaded`);
    try {
      return collect(await session.run(toOrtFeeds(feeds)));
    } catch (error) {
      if (this.remaining.length === 0)
        throw new KioskError('INTERNAL', `${model} failed on ${this.provider}: ${reasonOf(error)}`);
      const failed = this.tried.findIndex((t) => t.provider === this.provider && t.ok);
      if (failed >= 0)
        this.tried[failed] = {
          provider: this.provider,
          ok: false,
          reason: `failed during a run: ${reasonOf(error)}`,
        };
      await this.releaseAll();
      await this.openNext();
      return this.runNow(model, feeds);
    }
  }

  /** Tries the remaining candidates in order until one loads and warms up every model. */
  private async openNext(): Promise<void> {
    const threads = this.options.intraOpNumThreads ?? 0;
    const factory = this.options.factory ?? ortFactory;
    while (this.remaining.length > 0) {
      const candidate = this.remaining.shift()!;
      if (candidate.skip) {
        this.tried.push({ provider: candidate.provider, ok: false, reason: candidate.skip });
        continue;
      }
      try {
        for (const model of this.options.models) {
          const session = await factory(model.path, candidate.provider, threads);
          this.sessions.set(model.name, session);
          const zeros: TensorMap = Object.fromEntries(
            Object.entries(model.warmup).map(([name, dims]) => [
              name,
              { data: new Float32Array(dims.reduce((a, b) => a * b, 1)), dims },
            ]),
          );
          await session.run(toOrtFeeds(zeros));
        }
        this.provider = candidate.provider;
        this.tried.push({ provider: candidate.provider, ok: true, reason: null });
        this.warm = true;
        return;
      } catch (error) {
        await this.releaseAll();
        this.tried.push({ provider: candidate.provider, ok: false, reason: reasonOf(error) });
      }
    }
    throw new KioskError(
      'MODEL_UNAVAILABLE',
      `no execution provider could run the models: ${this.tried.map((t) => `${t.provider}: ${t.reason}`).join('; ')}`,
    );
  }

  private async releaseAll(): Promise<void> {
    const sessions = [...this.sessions.values()];
    this.sessions.clear();
    this.warm = false;
    await Promise.allSettled(sessions.map((s) => s.release()));
  }
}

/** ORT outputs → plain float32 tensors that own their buffers (so they can be transferred). */
function collect(outputs: Record<string, ort.OnnxValue>): TensorMap {
  const result: Record<string, { data: Float32Array; dims: number[] }> = {};
  for (const [name, value] of Object.entries(outputs)) {
    const tensor = value as ort.Tensor;
    if (tensor.type !== 'float32')
      throw new KioskError('INTERNAL', `output "${name}" is ${tensor.type}, expected float32`);
    result[name] = { data: Float32Array.from(tensor.data as Float32Array), dims: [...tensor.dims] };
  }
  return result;
}
