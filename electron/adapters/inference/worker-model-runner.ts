import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { KioskError } from '../../shared/result';
import type {
  ModelName,
  ModelRunner,
  RunOptions,
  RunnerInfo,
  TensorMap,
} from '../../core/analysis/model-runner-port';
import type { ProviderName } from './execution-provider-plan';
import { transferList, type WorkerRequest, type WorkerResponse } from './inference-protocol';
import type { ModelFile } from './ort-session-set';

/** Where the worker's code is: built JavaScript, or TypeScript source that needs tsx's loader. */
export interface WorkerEntry {
  readonly url: URL;
  readonly source: boolean;
}

/**
 * The worker file beside this module. From source (tests, CLI, `tsx`) it is the `.ts` file; in the
 * built app this module is bundled into `out/main/index.js` and the worker is the `inference-worker`
 * entry built next to it as CommonJS, `inference-worker.cjs` (see electron.vite.config.ts).
 */
export function resolveInferenceWorkerEntry(moduleUrl: string = import.meta.url): WorkerEntry {
  if (moduleUrl.endsWith('.ts')) return { url: new URL('./inference-worker.ts', moduleUrl), source: true };
  return { url: new URL('./inference-worker.cjs', moduleUrl), source: false };
}

/**
 * Node 20 does not apply `--import tsx` to worker threads, so a source worker starts from a small
 * module that registers tsx's loader in the worker and then imports the TypeScript entry.
 */
function spawn(entry: WorkerEntry): Worker {
  if (!entry.source) return new Worker(entry.url);
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  const bootstrap = `import { register } from ${JSON.stringify(tsxApi)}; register(); await import(${JSON.stringify(entry.url.href)});`;
  return new Worker(bootstrap, { eval: true });
}

export interface WorkerRunnerOptions {
  readonly models: readonly ModelFile[];
  readonly preference: readonly ProviderName[];
  readonly intraOpNumThreads?: number;
  readonly entry?: WorkerEntry;
}

type Pending = { resolve: (t: TensorMap) => void; reject: (e: unknown) => void };

/** How long `dispose` waits for the worker to release its sessions before ending it regardless. */
const CLOSE_TIMEOUT_MS = 5_000;

/**
 * `ModelRunner` backed by ONNX Runtime in a worker thread. `start` resolves once every network has
 * loaded on some execution provider and run once (warm). Inputs are copied to the worker (the
 * caller may keep using them) unless the caller consumes them, then they are moved; outputs are
 * transferred back without a copy. If the worker dies, every run in flight and every later one
 * fails with ANALYSIS_INTERRUPTED and the `onUnexpectedExit` listener is told, so a supervisor can
 * start a new one.
 */
export class WorkerModelRunner implements ModelRunner {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private latest: RunnerInfo = { executionProvider: 'none', tried: [], warm: false };
  private stopped: KioskError | null = null;
  private disposing = false;
  private crash: string | null = null;
  private exitError: KioskError | null = null;
  private exitListener: ((error: KioskError) => void) | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (m: WorkerResponse) => this.onMessage(m));
    // An uncaught error in the worker is followed by its exit, which fails what is in flight.
    worker.on('error', (e) => (this.crash ??= e.message));
    worker.on('exit', (code) => this.exited(code));
  }

  static async start(options: WorkerRunnerOptions): Promise<WorkerModelRunner> {
    const entry = options.entry ?? resolveInferenceWorkerEntry();
    const worker = spawn(entry);
    const runner = new WorkerModelRunner(worker);
    const opened = new Promise<RunnerInfo>((resolve, reject) => {
      const onMessage = (m: WorkerResponse) => {
        if (m.type === 'opened') resolve(m.info);
        else if (m.type === 'open-failed') reject(new KioskError(m.error.code, m.error.message));
        else return;
        worker.off('message', onMessage);
        worker.off('exit', onExit);
      };
      const onExit = (code: number) =>
        reject(
          new KioskError('MODEL_UNAVAILABLE', `the inference worker exited while loading (code ${code})`),
        );
      const onError = (e: Error) =>
        reject(new KioskError('MODEL_UNAVAILABLE', `the inference worker failed to start: ${e.message}`));
      worker.on('message', onMessage);
      worker.on('exit', onExit);
      worker.once('error', onError);
    });
    const request: WorkerRequest = {
      type: 'open',
      models: options.models,
      preference: options.preference,
      intraOpNumThreads: options.intraOpNumThreads,
    };
    worker.postMessage(request);
    try {
      runner.latest = await opened;
    } catch (error) {
      await worker.terminate();
      throw error;
    }
    return runner;
  }

  info(): RunnerInfo {
    return this.latest;
  }

  /** Called once if the worker stops without `dispose` (a crash, an exit, being terminated). */
  onUnexpectedExit(listener: (error: KioskError) => void): void {
    this.exitListener = listener;
    const error = this.exitError;
    if (error) queueMicrotask(() => listener(error));
  }

  run(model: ModelName, feeds: TensorMap, options: RunOptions = {}): Promise<TensorMap> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise<TensorMap>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const request: WorkerRequest = { type: 'run', id, model, feeds };
      this.worker.postMessage(request, options.consumeInputs ? transferList(feeds) : []);
    });
  }

  /** Releases the sessions and ends the worker (at once if it does not answer within 5 s). */
  async dispose(): Promise<void> {
    if (this.stopped) return;
    this.disposing = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const closed = new Promise<void>((resolve) => {
      this.worker.on('message', (m: WorkerResponse) => m.type === 'closed' && resolve());
      this.worker.once('exit', () => resolve());
      timer = setTimeout(resolve, CLOSE_TIMEOUT_MS);
    });
    this.worker.postMessage({ type: 'close' } satisfies WorkerRequest);
    await closed;
    clearTimeout(timer);
    this.fail(new KioskError('MODEL_UNAVAILABLE', 'the analysis service has been shut down'));
    await this.worker.terminate();
  }

  private exited(code: number): void {
    if (this.disposing || this.stopped) {
      this.fail(new KioskError('MODEL_UNAVAILABLE', 'the analysis service has been shut down'));
      return;
    }
    const why = this.crash ? `it crashed: ${this.crash}` : `it exited with code ${code}`;
    const error = new KioskError(
      'ANALYSIS_INTERRUPTED',
      `The analysis was interrupted: the inference worker stopped (${why}). Try again in a moment.`,
    );
    this.fail(error);
    this.exitError = error;
    this.exitListener?.(error);
  }

  private onMessage(m: WorkerResponse): void {
    if (m.type !== 'result' && m.type !== 'run-failed') return;
    this.latest = m.info;
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (m.type === 'result') p.resolve(m.outputs);
    else p.reject(new KioskError(m.error.code, m.error.message));
  }

  private fail(error: KioskError): void {
    this.stopped ??= error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}
