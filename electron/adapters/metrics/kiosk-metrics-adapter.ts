import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { HealthReport, UpdateState } from '../../shared/schemas/system-schemas';
import type { Logger } from '../../core/ports/logger-port';
import { HEALTH_REASONS } from '../../core/fleet/health-evaluator';

type MaybePromise<T> = T | Promise<T>;

/** Where scrape-time gauges read from; each is optional and may be bound after start. */
export interface MetricsSources {
  inference: () => MaybePromise<{ executionProvider: string | null; restarts?: number } | null>;
  catalog: () => MaybePromise<{ version: string; lastSyncAt: string | null } | null>;
  health: () => MaybePromise<HealthReport>;
  update: () => UpdateState;
  /** Per-process memory (Electron's app.getAppMetrics: renderer, GPU, utility …). */
  processMemory: () => MaybePromise<{ type: string; bytes: number }[]>;
}

/** Order/phase keys remembered to count each payment once (see paymentState). */
const COUNTED_PAYMENTS_KEPT = 64;
const PAYMENT_OUTCOMES = new Set(['succeeded', 'declined', 'canceled', 'reader_offline', 'failed']);
const UPDATE_PHASES: UpdateState['phase'][] = [
  'idle',
  'checking',
  'downloading',
  'downloaded',
  'installing',
  'error',
  'disabled',
];

/**
 * Prometheus metrics for one kiosk. Labels take values from small closed sets (phases, reasons,
 * provider names, versions) so nothing about a shopper can ever appear in a series.
 */
export class KioskMetrics {
  readonly registry = new Registry();
  private sources: Partial<MetricsSources> = {};
  private readonly countedPayments = new Set<string>();

  private readonly sessionsStarted: Counter;
  private readonly sessionsEnded: Counter<'reason'>;
  private readonly analysis: Histogram<'outcome'>;
  private readonly payments: Counter<'outcome'>;
  private readonly rendererCrashes: Counter<'reason'>;

  constructor(
    info: { version: string; storeId: string; kioskId: string },
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'skinkiosk_app_info',
      help: 'Kiosk build and identity',
      labelNames: ['version', 'store', 'kiosk'],
      registers,
    })
      .labels(info.version, info.storeId, info.kioskId)
      .set(1);
    this.sessionsStarted = new Counter({
      name: 'skinkiosk_sessions_started_total',
      help: 'Shopper sessions started',
      registers,
    });
    this.sessionsEnded = new Counter({
      name: 'skinkiosk_sessions_ended_total',
      help: 'Shopper sessions ended, by reason',
      labelNames: ['reason'],
      registers,
    });
    this.analysis = new Histogram({
      name: 'skinkiosk_analysis_duration_seconds',
      help: 'Time to analyse a captured frame, by outcome (ok or error code)',
      labelNames: ['outcome'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8],
      registers,
    });
    this.payments = new Counter({
      name: 'skinkiosk_payments_total',
      help: 'Payments by final outcome',
      labelNames: ['outcome'],
      registers,
    });
    this.rendererCrashes = new Counter({
      name: 'skinkiosk_renderer_crashes_total',
      help: 'Kiosk window crashes or hangs that forced a reload, by reason',
      labelNames: ['reason'],
      registers,
    });
    this.defineScrapeGauges(registers);
  }

  /** Binds (or rebinds) scrape-time sources. */
  setSources(sources: Partial<MetricsSources>): void {
    this.sources = { ...this.sources, ...sources };
  }

  sessionStarted(): void {
    this.sessionsStarted.inc();
  }

  sessionEnded(reason: string): void {
    this.sessionsEnded.labels(reason).inc();
  }

  observeAnalysis(seconds: number, outcome: string): void {
    this.analysis.labels(outcome).observe(seconds);
  }

  /** Counts a payment once per order and final phase, however often its state is pushed. */
  paymentState(state: { orderId: string; phase: string }): void {
    if (!PAYMENT_OUTCOMES.has(state.phase)) return;
    const key = `${state.orderId}:${state.phase}`;
    if (this.countedPayments.has(key)) return;
    this.countedPayments.add(key);
    // A final state is pushed again within moments (the receipt QR follows it, a cancel confirms
    // it), never after dozens of later orders: the oldest key goes, so the set stays this small.
    if (this.countedPayments.size > COUNTED_PAYMENTS_KEPT)
      this.countedPayments.delete(this.countedPayments.values().next().value as string);
    this.payments.labels(state.phase).inc();
  }

  rendererGone(reason: string): void {
    this.rendererCrashes.labels(reason).inc();
  }

  /** The exposition text and its content type, for the /metrics endpoint. */
  async expose(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private defineScrapeGauges(registers: Registry[]): void {
    const read = async <K extends keyof MetricsSources>(
      key: K,
    ): Promise<Awaited<ReturnType<MetricsSources[K]>> | null> => {
      const source = this.sources[key];
      if (!source) return null;
      try {
        return (await source()) as Awaited<ReturnType<MetricsSources[K]>>;
      } catch (err) {
        this.logger.warn('metrics.source_failed', { source: key, error: (err as Error).message });
        return null;
      }
    };
    new Gauge({
      name: 'skinkiosk_execution_provider_info',
      help: 'Execution provider running the analysis networks',
      labelNames: ['provider'],
      registers,
      async collect() {
        this.reset();
        const inf = await read('inference');
        if (inf) this.labels(inf.executionProvider ?? 'none').set(1);
      },
    });
    new Gauge({
      name: 'skinkiosk_inference_worker_restarts',
      help: 'Times the inference worker was restarted after dying, since the kiosk started',
      registers,
      async collect() {
        this.reset();
        const inf = await read('inference');
        if (inf?.restarts !== undefined) this.set(inf.restarts);
      },
    });
    const now = this.now;
    new Gauge({
      name: 'skinkiosk_catalog_info',
      help: 'Installed catalog version',
      labelNames: ['version'],
      registers,
      async collect() {
        this.reset();
        const cat = await read('catalog');
        if (cat) this.labels(cat.version).set(1);
      },
    });
    new Gauge({
      name: 'skinkiosk_catalog_sync_age_seconds',
      help: 'Seconds since the catalog last synced from its feed',
      registers,
      async collect() {
        this.reset();
        const cat = await read('catalog');
        const last = cat?.lastSyncAt ? Date.parse(cat.lastSyncAt) : NaN;
        if (!Number.isNaN(last)) this.set(Math.max(0, (now() - last) / 1000));
      },
    });
    new Gauge({
      name: 'skinkiosk_update_phase',
      help: 'Updater phase (1 for the current one)',
      labelNames: ['phase'],
      registers,
      async collect() {
        const state = await read('update');
        for (const phase of UPDATE_PHASES) this.labels(phase).set(state?.phase === phase ? 1 : 0);
      },
    });
    new Gauge({
      name: 'skinkiosk_health_ok',
      help: '1 when health is ok, 0 when degraded',
      registers,
      async collect() {
        const health = await read('health');
        if (health) this.set(health.status === 'ok' ? 1 : 0);
      },
    });
    new Gauge({
      name: 'skinkiosk_health_reason',
      help: 'Health degradation reasons (1 active, 0 clear)',
      labelNames: ['reason'],
      registers,
      // Every known reason is reported, 0 when clear: a pushed series that simply stopped would
      // keep showing the kiosk degraded for the receiver's 5-minute lookback.
      async collect() {
        this.reset();
        const health = await read('health');
        if (!health) return;
        for (const r of Object.keys(HEALTH_REASONS)) this.labels(r).set(0);
        for (const r of health.reasons) this.labels(r).set(1);
      },
    });
    new Gauge({
      name: 'skinkiosk_process_memory_bytes',
      help: 'Working set per app process type (main process memory is process_resident_memory_bytes)',
      labelNames: ['type'],
      registers,
      async collect() {
        this.reset();
        for (const p of (await read('processMemory')) ?? []) this.labels(p.type).inc(p.bytes);
      },
    });
  }
}
