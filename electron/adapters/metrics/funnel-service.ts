import { readFileSync, statSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Counter, type Registry } from 'prom-client';
import type { Logger } from '../../core/ports/logger-port';
import {
  SessionFunnel,
  applyIncrement,
  emptyFunnelDay,
  type FunnelIncrement,
  type PaymentOutcome,
} from '../../core/fleet/store-funnel';
import { DeclineCategory, FunnelDay, FunnelStep } from '../../shared/schemas/telemetry-schemas';

export interface FunnelServiceOptions {
  dataDir: string;
  registry: Registry;
  logger: Logger;
  now?: () => number;
}

/** The kiosk's local calendar day: the store's "today". */
export function localDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The store funnel on this kiosk: counters in the metrics registry (pushed with everything else)
 * and today's counts for the staff screen, kept in `funnel-today.json` so a restart during the day
 * (an update, a crash) does not zero them. The file holds counts only.
 */
export class FunnelService {
  private readonly session = new SessionFunnel();
  private readonly file: string;
  private readonly now: () => number;
  private day: FunnelDay;
  private readonly stepCounter: Counter<'step'>;
  private readonly declineCounter: Counter<'category'>;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(private readonly opts: FunnelServiceOptions) {
    this.file = path.join(opts.dataDir, 'funnel-today.json');
    this.now = opts.now ?? Date.now;
    this.day = this.load();
    this.stepCounter = new Counter({
      name: 'skinkiosk_funnel_steps_total',
      help: 'Shopper sessions reaching each funnel step (each step once per session)',
      labelNames: ['step'],
      registers: [opts.registry],
    });
    this.declineCounter = new Counter({
      name: 'skinkiosk_funnel_declines_total',
      help: 'Sessions that said no or were told no, by category (each once per session)',
      labelNames: ['category'],
      registers: [opts.registry],
    });
    for (const step of FunnelStep.options) this.stepCounter.labels(step).inc(0);
    for (const category of DeclineCategory.options) this.declineCounter.labels(category).inc(0);
  }

  sessionStarted(): void {
    this.count(this.session.start());
  }

  sessionEnded(reason: string): void {
    this.count(this.session.end(reason));
  }

  reach(step: FunnelStep): void {
    this.count(this.session.reach(step));
  }

  scanRefused(): void {
    this.session.scanRefused();
  }

  payment(outcome: PaymentOutcome): void {
    this.count(this.session.payment(outcome));
  }

  /** Today's counts (a new day starts at local midnight with zeros). */
  today(): FunnelDay {
    this.rollOver();
    return this.day;
  }

  /** Resolves once the latest counts are on disk. */
  async flush(): Promise<void> {
    await this.writing;
  }

  private count(increments: FunnelIncrement[]): void {
    if (increments.length === 0) return;
    this.rollOver();
    for (const inc of increments) {
      this.day = applyIncrement(this.day, inc);
      if (inc.kind === 'step') this.stepCounter.labels(inc.step).inc();
      else this.declineCounter.labels(inc.category).inc();
    }
    this.save();
  }

  private rollOver(): void {
    const today = localDay(this.now());
    if (this.day.day !== today) this.day = emptyFunnelDay(today);
  }

  /** Writes are chained so an older snapshot never lands after a newer one; bursts coalesce. */
  private save(): void {
    if (this.dirty) return;
    this.dirty = true;
    this.writing = this.writing.then(async () => {
      this.dirty = false;
      const temp = `${this.file}.tmp`;
      try {
        await writeFile(temp, JSON.stringify(this.day), { mode: 0o640 });
        await rename(temp, this.file);
      } catch (err) {
        this.opts.logger.warn('funnel.save_failed', { error: (err as Error).message });
      }
    });
  }

  private load(): FunnelDay {
    const today = localDay(this.now());
    let raw: string;
    try {
      // A FIFO or device in its place would block the read forever; only a regular file is read.
      raw = statSync(this.file).isFile() ? readFileSync(this.file, 'utf8') : '';
    } catch {
      return emptyFunnelDay(today);
    }
    try {
      const parsed = FunnelDay.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data.day === today ? parsed.data : emptyFunnelDay(today);
    } catch {
      // Falls through to the warning: a torn or edited file must not stop the kiosk.
    }
    this.opts.logger.warn('funnel.file_unreadable', { file: path.basename(this.file) });
    return emptyFunnelDay(today);
  }
}
