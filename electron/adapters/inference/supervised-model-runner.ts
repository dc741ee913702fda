import { KioskError } from '../../shared/result';
import type {
  ModelName,
  ModelRunner,
  RunOptions,
  RunnerInfo,
  TensorMap,
} from '../../core/analysis/model-runner-port';
import {
  DEFAULT_RESTART_BACKOFF,
  restartDelayMs,
  type RestartBackoff,
} from '../../core/analysis/restart-backoff';
import { WorkerModelRunner, type WorkerRunnerOptions } from './worker-model-runner';

/**
 * `running`: analyses are served. `restarting`: the worker died and a new one is being started
 * (runs wait for it). `down`: the last start failed too; the next try comes after a growing delay
 * and runs fail at once with MODEL_UNAVAILABLE meanwhile. `stopped`: disposed.
 */
export type WorkerState = 'running' | 'restarting' | 'down' | 'stopped';

export interface SupervisionStatus {
  readonly state: WorkerState;
  /** Workers started to replace one that died, since the kiosk started. */
  readonly restarts: number;
  /** Why the last worker stopped, for the logs and the staff screen; null until one has. */
  readonly lastExit: string | null;
}

export interface SupervisedRunnerOptions extends WorkerRunnerOptions {
  readonly backoff?: RestartBackoff;
  /** Told of every crash, restart and failed restart (the service logs them). */
  readonly onEvent?: (event: { type: 'exited' | 'restarted' | 'restart_failed'; detail: string }) => void;
}

/**
 * The inference worker, kept alive. When it dies (a crash in a native provider, running out of
 * memory, an exit), analyses in flight fail with ANALYSIS_INTERRUPTED instead of hanging, and a new
 * worker is started after `restartDelayMs`: at once for the first crash, then with exponentially
 * growing waits while starts keep failing or workers keep dying before serving a run.
 */
export class SupervisedModelRunner implements ModelRunner {
  private state: WorkerState = 'running';
  private restarts = 0;
  private failures = 0;
  private lastExit: string | null = null;
  /** The new worker being loaded; runs wait for it. */
  private starting: Promise<WorkerModelRunner> | null = null;
  /** The whole restart in progress, so `dispose` can wait for it to clean up. */
  private restarting: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastInfo: RunnerInfo;

  private constructor(
    private readonly options: SupervisedRunnerOptions,
    private current: WorkerModelRunner | null,
  ) {
    this.lastInfo = current?.info() ?? { executionProvider: 'none', tried: [], warm: false };
    if (current) this.watch(current);
  }

  /** Starts the first worker; a failure here is not retried (no models, no provider) and rejects. */
  static async start(options: SupervisedRunnerOptions): Promise<SupervisedModelRunner> {
    return new SupervisedModelRunner(options, await WorkerModelRunner.start(options));
  }

  info(): RunnerInfo {
    return this.current?.info() ?? { ...this.lastInfo, warm: false };
  }

  supervision(): SupervisionStatus {
    return { state: this.state, restarts: this.restarts, lastExit: this.lastExit };
  }

  async run(model: ModelName, feeds: TensorMap, options?: RunOptions): Promise<TensorMap> {
    const runner = this.current ?? (this.starting ? await this.starting.catch(() => null) : null);
    if (!runner || this.isStopped()) throw this.unavailable();
    const out = await runner.run(model, feeds, options);
    // A worker that served a run is healthy again: the next crash restarts at once.
    this.failures = 0;
    return out;
  }

  async dispose(): Promise<void> {
    this.state = 'stopped';
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const current = this.current;
    this.current = null;
    await current?.dispose();
    await this.restarting;
  }

  /** A method, not a field test, because the state changes while a restart awaits. */
  private isStopped(): boolean {
    return this.state === 'stopped';
  }

  private unavailable(): KioskError {
    return this.isStopped()
      ? new KioskError('MODEL_UNAVAILABLE', 'the analysis service has been shut down')
      : new KioskError(
          'MODEL_UNAVAILABLE',
          'The analysis is restarting after a fault and is not available yet. Try again in a moment.',
        );
  }

  private watch(runner: WorkerModelRunner): void {
    runner.onUnexpectedExit((error) => {
      if (this.current !== runner || this.isStopped()) return;
      this.lastInfo = runner.info();
      this.current = null;
      this.lastExit = error.message;
      this.failures++;
      this.state = 'restarting';
      this.options.onEvent?.({ type: 'exited', detail: error.message });
      this.schedule();
    });
  }

  private schedule(): void {
    const delay = restartDelayMs(this.failures, this.options.backoff ?? DEFAULT_RESTART_BACKOFF);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.restarting = this.restart().finally(() => (this.restarting = null));
    }, delay);
  }

  private async restart(): Promise<void> {
    if (this.isStopped()) return;
    this.state = 'restarting';
    this.starting = WorkerModelRunner.start(this.options);
    try {
      const runner = await this.starting;
      if (this.isStopped()) {
        await runner.dispose();
        return;
      }
      this.current = runner;
      this.lastInfo = runner.info();
      this.restarts++;
      this.state = 'running';
      this.watch(runner);
      this.options.onEvent?.({ type: 'restarted', detail: `restart ${this.restarts}` });
    } catch (error) {
      if (this.isStopped()) return;
      this.failures++;
      this.state = 'down';
      this.lastExit = error instanceof Error ? error.message : String(error);
      this.options.onEvent?.({ type: 'restart_failed', detail: this.lastExit });
      this.schedule();
    } finally {
      this.starting = null;
    }
  }
}
