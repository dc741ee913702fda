import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { PushStatus } from '../../shared/schemas/telemetry-schemas';
import type { PushObserver } from './remote-write-pusher';

/**
 * The metrics push watching itself: requests by outcome, bytes and samples delivered, snapshots
 * given up, and the offline buffer. They go out with the next successful push, so the fleet
 * dashboard shows how much a kiosk lost while its store was offline.
 */
export class RemoteWriteMetrics implements PushObserver {
  private readonly requests: Counter<'outcome'>;
  private readonly bytes: Counter;
  private readonly samples: Counter;
  private readonly drops: Counter<'reason'>;
  private readonly duration: Histogram<'outcome'>;

  constructor(registry: Registry, status: () => PushStatus | null) {
    const registers = [registry];
    this.requests = new Counter({
      name: 'skinkiosk_remote_write_requests_total',
      help: 'Remote-write requests by outcome (ok, retry = kept for later, rejected = dropped by the receiver)',
      labelNames: ['outcome'],
      registers,
    });
    for (const outcome of ['ok', 'retry', 'rejected']) this.requests.labels(outcome).inc(0);
    this.duration = new Histogram({
      name: 'skinkiosk_remote_write_request_duration_seconds',
      help: 'Time from sending a push request to the receiver answering (or the request failing)',
      labelNames: ['outcome'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.bytes = new Counter({
      name: 'skinkiosk_remote_write_sent_bytes_total',
      help: 'Compressed request bytes the receiver accepted',
      registers,
    });
    this.samples = new Counter({
      name: 'skinkiosk_remote_write_samples_total',
      help: 'Samples the receiver accepted',
      registers,
    });
    this.drops = new Counter({
      name: 'skinkiosk_remote_write_dropped_snapshots_total',
      help: 'Snapshots given up: window (older than the buffer window), memory (buffer cap), rejected (by the receiver)',
      labelNames: ['reason'],
      registers,
    });
    for (const reason of ['window', 'memory', 'rejected']) this.drops.labels(reason).inc(0);
    new Gauge({
      name: 'skinkiosk_remote_write_buffered_snapshots',
      help: 'Snapshots waiting for the receiver',
      registers,
      collect() {
        this.set(status()?.bufferedSnapshots ?? 0);
      },
    });
    new Gauge({
      name: 'skinkiosk_remote_write_buffer_bytes',
      help: 'Memory held by the waiting snapshots (compressed bytes)',
      registers,
      collect() {
        this.set(status()?.bufferBytes ?? 0);
      },
    });
  }

  request(outcome: 'ok' | 'retry' | 'rejected', series: number, bytes: number, seconds: number): void {
    this.requests.labels(outcome).inc();
    this.duration.labels(outcome).observe(seconds);
    if (outcome !== 'ok') return;
    this.bytes.inc(bytes);
    this.samples.inc(series);
  }

  dropped(reason: 'window' | 'memory' | 'rejected', snapshots: number): void {
    this.drops.labels(reason).inc(snapshots);
  }
}
