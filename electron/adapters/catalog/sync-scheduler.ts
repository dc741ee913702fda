import { nextSyncDelayMs } from '../../core/catalog/sync-policy';

export interface SyncSchedulerOptions {
  intervalMin: number;
  /** Runs one sync; its failure is already recorded by the sync service. */
  run: () => Promise<unknown>;
  /** Failures in a row so far, for the back-off. */
  failures: () => number;
  random?: () => number;
  now?: () => number;
}

/**
 * Syncs at start and then every interval (±10 %), backing off after failures (30 s, 1 min, … up to
 * the interval). Timers are unref'd so they never keep a process alive on their own.
 */
export class SyncScheduler {
  private timer: NodeJS.Timeout | null = null;
  private next: number | null = null;
  private stopped = false;

  constructor(private readonly options: SyncSchedulerOptions) {}

  start(firstDelayMs = 0): void {
    this.schedule(firstDelayMs);
  }

  /** When the next scheduled sync will start; null when stopped. */
  nextAt(): Date | null {
    return this.next === null ? null : new Date(this.next);
  }

  stop(): void {
    this.stopped = true;
    this.next = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    const now = this.options.now ?? Date.now;
    this.next = now() + delayMs;
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.next = null;
    await this.options.run().catch(() => undefined);
    const jitter = (this.options.random ?? Math.random)();
    this.schedule(nextSyncDelayMs(this.options.intervalMin, this.options.failures(), jitter));
  }
}
