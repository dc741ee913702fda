import type { Logger } from '../../core/ports/logger-port';
import { PushBuffer, type BufferedSnapshot, type DropReason } from '../../core/fleet/push-buffer';
import {
  StalenessTracker,
  toRemoteWriteSeries,
  type MetricFamily,
} from '../../core/fleet/remote-write-series';
import type { PushStatus } from '../../shared/schemas/telemetry-schemas';
import { compressBody, encodeSeries, joinCompressed } from './remote-write-codec';
import { postWriteRequest, type PushOutcome } from './remote-write-client';

export interface RemoteWritePusherOptions {
  url: string;
  /** `Bearer …` / `Basic …` header value from the unsealed secret, or null. */
  authorization: string | null;
  /** Labels added to every series (store, kiosk, ring, job). */
  labels: Record<string, string>;
  intervalMs: number;
  /** Share of the interval each wait may move either way (0–0.5). */
  jitter: number;
  windowMs: number;
  maxBufferBytes: number;
  timeoutMs: number;
  userAgent: string;
  /** One collection of the registry (prom-client's getMetricsAsJSON). */
  collect: () => Promise<MetricFamily[]>;
  logger: Logger;
  now?: () => number;
  random?: () => number;
}

/** Told about every request and every snapshot given up, for the push's own metrics. */
export interface PushObserver {
  request(outcome: PushOutcome['kind'], series: number, bytes: number, seconds: number): void;
  dropped(reason: DropReason | 'rejected', snapshots: number): void;
}

/** Snapshots per request while catching up: about 10 minutes of history at the default interval. */
const MAX_SNAPSHOTS_PER_REQUEST = 10;
const MAX_REQUEST_BYTES = 512 * 1024;

/**
 * Pushes the kiosk's metrics to a remote-write receiver: every interval (± jitter) it collects the
 * registry, encodes one snapshot into the bounded buffer and sends what waits, oldest first. When
 * the receiver is unreachable the snapshots stay (within the window and memory cap) and go out, in
 * order, once it answers again. One send at a time; a tick during a send only buffers.
 */
export class RemoteWritePusher {
  private readonly buffer: PushBuffer;
  private readonly staleness = new StalenessTracker();
  private readonly url: URL;
  private readonly now: () => number;
  private readonly random: () => number;
  private timer: NodeJS.Timeout | null = null;
  private sending: Promise<void> | null = null;
  private stopped = true;
  private failingSince: number | null = null;
  private lastSuccessAt: number | null = null;
  private lastError: string | null = null;
  private dropped = 0;
  private observer: PushObserver | null = null;

  constructor(private readonly opts: RemoteWritePusherOptions) {
    this.url = new URL(opts.url);
    this.now = opts.now ?? Date.now;
    this.random = opts.random ?? Math.random;
    this.buffer = new PushBuffer({ windowMs: opts.windowMs, maxBytes: opts.maxBufferBytes }, (_s, reason) => {
      this.dropped += 1;
      this.observer?.dropped(reason, 1);
    });
  }

  observe(observer: PushObserver): void {
    this.observer = observer;
  }

  /** First push after a random part of one interval, so kiosks started together spread out. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(this.random() * this.opts.intervalMs);
  }

  /**
   * Collects one snapshot now and sends what waits (also what each timer tick does). The `last`
   * snapshot of a clean shutdown also ends every series, so the receiver sees the kiosk stop.
   */
  async tick(last = false): Promise<void> {
    await this.collect(last);
    await this.flush();
  }

  /** Sends what waits; resolves when this send (or the one already running) is over. */
  flush(): Promise<void> {
    this.sending ??= this.sendAll().finally(() => (this.sending = null));
    return this.sending;
  }

  /**
   * Stops the timer. With `finalPush`, collects and sends once more (a clean shutdown's last state).
   * Waits at most `waitMs` for the send in progress and the final one, so a receiver that does not
   * answer cannot hold up a restart.
   */
  async stop(finalPush = false, waitMs = 3000): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const current = this.sending ?? Promise.resolve();
    const work = finalPush ? current.then(() => this.tick(true)) : current;
    let timer: NodeJS.Timeout | undefined;
    const giveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)));
    await Promise.race([work, giveUp]);
    clearTimeout(timer);
  }

  status(): PushStatus {
    return {
      url: `${this.url.origin}${this.url.pathname}`,
      state: this.failingSince !== null ? 'failing' : this.lastSuccessAt !== null ? 'ok' : 'waiting',
      lastSuccessAt: this.lastSuccessAt === null ? null : new Date(this.lastSuccessAt).toISOString(),
      lastError: this.lastError,
      bufferedSnapshots: this.buffer.length,
      bufferBytes: this.buffer.bytes,
      droppedSnapshots: this.dropped,
    };
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.tick().finally(() => {
        const spread = this.opts.intervalMs * this.opts.jitter * (2 * this.random() - 1);
        this.schedule(this.opts.intervalMs + spread);
      });
    }, delayMs);
    this.timer.unref();
  }

  private async collect(last: boolean): Promise<void> {
    try {
      const at = this.now();
      const current = toRemoteWriteSeries(await this.opts.collect(), this.opts.labels, at);
      const series = this.staleness.withStaleMarkers(current, at);
      if (last) series.push(...this.staleness.endAll(at + 1));
      const bytes = compressBody(encodeSeries(series));
      this.buffer.push({ atMs: at, bytes, series: series.length }, at);
    } catch (err) {
      this.opts.logger.warn('telemetry.collect_failed', { error: (err as Error).message });
    }
  }

  private async sendAll(): Promise<void> {
    this.buffer.trim(this.now());
    while (this.buffer.length > 0) {
      const batch = this.buffer.peek(MAX_SNAPSHOTS_PER_REQUEST, MAX_REQUEST_BYTES);
      const body = joinCompressed(batch.map((s) => s.bytes));
      const started = performance.now();
      const outcome = await postWriteRequest(this.url, body, {
        authorization: this.opts.authorization,
        timeoutMs: this.opts.timeoutMs,
        userAgent: this.opts.userAgent,
      });
      const series = batch.reduce((n, s) => n + s.series, 0);
      this.observer?.request(outcome.kind, series, body.byteLength, (performance.now() - started) / 1000);
      if (outcome.kind === 'retry') return this.failed(outcome.reason, batch);
      this.buffer.remove(batch);
      if (outcome.kind === 'rejected') this.rejected(outcome.reason, batch.length);
      else this.succeeded(batch);
    }
  }

  private succeeded(batch: BufferedSnapshot[]): void {
    const at = this.now();
    if (this.failingSince !== null) {
      this.opts.logger.info('telemetry.push_recovered', {
        downSec: Math.round((at - this.failingSince) / 1000),
        backlogFrom: new Date(batch[0]?.atMs ?? at).toISOString(),
      });
    }
    this.failingSince = null;
    this.lastSuccessAt = at;
    this.lastError = null;
  }

  private failed(reason: string, batch: BufferedSnapshot[]): void {
    this.lastError = reason;
    if (this.failingSince === null) {
      this.failingSince = this.now();
      this.opts.logger.warn('telemetry.push_failing', { reason, host: this.url.host, waiting: batch.length });
    }
  }

  private rejected(reason: string, snapshots: number): void {
    this.dropped += snapshots;
    this.lastError = reason;
    this.observer?.dropped('rejected', snapshots);
    this.opts.logger.error('telemetry.push_rejected', { reason, snapshots });
  }
}
