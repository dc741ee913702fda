import type { UpdateState } from '../../shared/schemas/system-schemas';
import type { Logger } from '../../core/ports/logger-port';
import { localMinuteOfDay, type MaintenanceWindow } from '../../core/fleet/maintenance-window';
import type { SessionActivity, UpdateDriver } from '../../core/fleet/update-driver-port';
import {
  classifyUpdateError,
  decideInstall,
  nextCheckDelayMs,
  type UpdateErrorLike,
} from '../../core/fleet/update-policy';
import { initialUpdateState, reduceUpdateState, type UpdateEvent } from '../../core/fleet/update-state';

export interface UpdateServiceDeps {
  /** Null when no update URL is configured: the service reports `disabled` and does nothing. */
  driver: UpdateDriver | null;
  channel: string;
  window: MaintenanceWindow;
  checkIntervalMs: number;
  /** Delay of the first check after start, so start-up work (models, catalog) goes first. */
  firstCheckDelayMs?: number;
  sessions: SessionActivity;
  /** Called with every new state (the `update:state` event, metrics). */
  onState: (state: UpdateState) => void;
  logger: Logger;
  now?: () => number;
  minuteOfDay?: (nowMs: number) => number;
}

/**
 * Check at start and every few hours, download in the background, install only inside the
 * maintenance window with no shopper around, back off after failures. All decisions come from
 * core/fleet/update-policy; this class owns only the timer and the driver calls.
 */
export class UpdateService {
  private state: UpdateState;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private checking: Promise<void> | null = null;
  private disposed = false;
  private readonly now: () => number;
  private readonly minuteOfDay: (nowMs: number) => number;

  constructor(private readonly deps: UpdateServiceDeps) {
    this.state = initialUpdateState(deps.channel, deps.window, deps.driver !== null);
    this.now = deps.now ?? Date.now;
    this.minuteOfDay = deps.minuteOfDay ?? ((ms) => localMinuteOfDay(new Date(ms)));
  }

  start(): void {
    if (!this.deps.driver) return;
    this.schedule(this.deps.firstCheckDelayMs ?? 30_000, () => void this.check());
  }

  status(): UpdateState {
    return this.state;
  }

  consecutiveFailures(): number {
    return this.failures;
  }

  /** Runs a check now (staff "check now") and resolves once the check, not the download, is done. */
  async checkNow(): Promise<UpdateState> {
    await this.check();
    return this.state;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.deps.driver?.cancel();
  }

  private check(): Promise<void> {
    const busy = this.state.phase === 'downloading' || this.state.phase === 'installing';
    if (!this.deps.driver || this.disposed || busy) return Promise.resolve();
    if (this.state.phase === 'downloaded') {
      this.tryInstall();
      return Promise.resolve();
    }
    this.checking ??= this.runCheck(this.deps.driver).finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async runCheck(driver: UpdateDriver): Promise<void> {
    this.apply({ type: 'check-started', at: new Date(this.now()).toISOString() });
    let found: { version: string } | null;
    try {
      found = await driver.check();
    } catch (err) {
      this.fail('check', err);
      return;
    }
    if (this.disposed) return;
    if (!found) {
      this.failures = 0;
      this.apply({ type: 'not-available' });
      this.schedule(this.deps.checkIntervalMs, () => void this.check());
      return;
    }
    this.deps.logger.info('update.available', { version: found.version, channel: this.deps.channel });
    this.apply({ type: 'available', version: found.version });
    void this.runDownload(driver, found.version);
  }

  private async runDownload(driver: UpdateDriver, version: string): Promise<void> {
    let lastShown = -1;
    try {
      await driver.download((percent) => {
        // The staff screen needs whole percents, not an event per network chunk.
        if (Math.floor(percent) === lastShown) return;
        lastShown = Math.floor(percent);
        this.apply({ type: 'progress', percent });
      });
    } catch (err) {
      if (!this.disposed) this.fail('download', err);
      return;
    }
    if (this.disposed) return;
    this.failures = 0;
    this.deps.logger.info('update.downloaded', { version });
    this.apply({ type: 'downloaded', version });
    this.tryInstall();
  }

  private tryInstall(): void {
    const now = this.now();
    const decision = decideInstall({
      downloaded: this.state.phase === 'downloaded',
      window: this.deps.window,
      minuteOfDay: this.minuteOfDay(now),
      sessionActive: this.deps.sessions.isActive(),
      msSinceLastSession: this.deps.sessions.msSinceLastSession(),
    });
    if (!decision.install) {
      if (decision.retryInMs !== null)
        this.schedule(Math.max(1_000, decision.retryInMs), () => this.tryInstall());
      return;
    }
    this.deps.logger.info('update.installing', { version: this.state.availableVersion });
    this.apply({ type: 'installing' });
    if (!this.deps.driver?.install()) {
      this.fail('install', { code: 'INSTALL_NOT_STARTED', message: 'The installer did not start.' });
    }
  }

  private fail(stage: 'check' | 'download' | 'install', err: unknown): void {
    const info = classifyUpdateError((err ?? {}) as UpdateErrorLike);
    this.failures += 1;
    const level = info.kind === 'checksum' || info.kind === 'signature' ? 'error' : 'warn';
    this.deps.logger[level](`update.${stage}_failed`, {
      kind: info.kind,
      code: info.code,
      message: info.message,
      failures: this.failures,
    });
    this.apply({ type: 'failed', message: info.message });
    this.schedule(nextCheckDelayMs(this.failures, this.deps.checkIntervalMs), () => void this.check());
  }

  private apply(event: UpdateEvent): void {
    const next = reduceUpdateState(this.state, event);
    if (next === this.state) return;
    this.state = next;
    this.deps.onState(next);
  }

  private schedule(ms: number, fn: () => void): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      fn();
    }, ms);
    this.timer.unref?.();
  }
}
