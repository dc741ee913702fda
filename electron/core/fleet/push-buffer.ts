/**
 * The offline window of the metrics push: encoded snapshots waiting for the receiver, oldest first.
 * It is bounded twice — by age (the configured window) and by bytes (a hard memory cap) — and always
 * gives up the oldest snapshot first, so a kiosk that is offline for days keeps its most recent
 * history and never grows without limit.
 */

export interface BufferedSnapshot {
  /** When the registry was collected (ms). */
  atMs: number;
  /** The snapshot's encoded (compressed) write request. */
  bytes: Uint8Array;
  /** How many series the snapshot holds, for the push counters. */
  series: number;
}

export interface PushBufferLimits {
  windowMs: number;
  maxBytes: number;
}

export type DropReason = 'window' | 'memory';

export class PushBuffer {
  private readonly queue: BufferedSnapshot[] = [];
  private totalBytes = 0;

  constructor(
    private readonly limits: PushBufferLimits,
    /** Told about every snapshot given up before it was sent. */
    private readonly onDrop: (snapshot: BufferedSnapshot, reason: DropReason) => void = () => {},
  ) {}

  /** Adds the newest snapshot, then trims to the window and the memory cap. */
  push(snapshot: BufferedSnapshot, nowMs: number): void {
    this.queue.push(snapshot);
    this.totalBytes += snapshot.bytes.byteLength;
    this.trim(nowMs);
  }

  /** Drops what has fallen out of the window; the rest waits. */
  trim(nowMs: number): void {
    const oldest = nowMs - this.limits.windowMs;
    while (this.queue.length > 0 && (this.queue[0] as BufferedSnapshot).atMs < oldest) {
      this.onDrop(this.shift(), 'window');
    }
    // The newest snapshot stays even when it alone passes the cap: dropping it would send nothing.
    while (this.queue.length > 1 && this.totalBytes > this.limits.maxBytes) {
      this.onDrop(this.shift(), 'memory');
    }
  }

  /** The oldest snapshots, at most `count` and `maxBytes` together (at least one when any wait). */
  peek(count: number, maxBytes = Infinity): BufferedSnapshot[] {
    const batch: BufferedSnapshot[] = [];
    let bytes = 0;
    for (const snapshot of this.queue) {
      if (batch.length >= count) break;
      if (batch.length > 0 && bytes + snapshot.bytes.byteLength > maxBytes) break;
      batch.push(snapshot);
      bytes += snapshot.bytes.byteLength;
    }
    return batch;
  }

  /**
   * Removes a batch that `peek` returned (sent, or refused by the receiver). Snapshots trimmed while
   * the batch was in flight are already gone; newer ones that arrived meanwhile stay.
   */
  remove(batch: readonly BufferedSnapshot[]): void {
    const done = new Set(batch);
    while (this.queue.length > 0 && done.has(this.queue[0] as BufferedSnapshot)) this.shift();
  }

  get length(): number {
    return this.queue.length;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  /** Collection time of the oldest waiting snapshot, or null when nothing waits. */
  get oldestAtMs(): number | null {
    return this.queue[0]?.atMs ?? null;
  }

  private shift(): BufferedSnapshot {
    const snapshot = this.queue.shift() as BufferedSnapshot;
    this.totalBytes -= snapshot.bytes.byteLength;
    return snapshot;
  }
}
