import type { Registry } from 'prom-client';
import type { EventName } from '../shared/ipc-contract';
import type { Result } from '../shared/result';
import type { UpdateState } from '../shared/schemas/system-schemas';
import type { LinkSet } from '../shared/schemas/staff-schemas';
import type { TelemetryStatus } from '../shared/schemas/telemetry-schemas';
import type { KioskConfig } from '../core/config/kiosk-config-schema';
import type { Logger } from '../core/ports/logger-port';
import { fleetLabels } from '../core/fleet/remote-write-series';
import { rolloutBucket } from '../core/fleet/staged-rollout';
import type { PaymentOutcome } from '../core/fleet/store-funnel';
import { FunnelService } from '../adapters/metrics/funnel-service';
import { registerFleetInfoMetrics } from '../adapters/metrics/fleet-info-metrics';
import { RemoteWriteMetrics } from '../adapters/metrics/remote-write-metrics';
import { RemoteWritePusher } from '../adapters/metrics/remote-write-pusher';
import { remoteWriteSecret, type SecretSealer } from '../adapters/config/secret-sealer';

export interface TelemetryOptions {
  config: KioskConfig;
  dataDir: string;
  version: string;
  registry: Registry;
  logger: Logger;
  provider: () => Promise<string | null>;
  update: () => UpdateState;
  updateFailures: () => number;
  /** Opens a sealed push credential (Electron's safeStorage); null = plain credentials only. */
  sealer: SecretSealer | null;
  /** Whether Electron's crash reporter runs (only main can start it). */
  crashReports: boolean;
  now?: () => number;
}

export interface TelemetryServices {
  funnel: FunnelService;
  /** Null when no receiver is configured or its credential cannot be opened (logged). */
  pusher: RemoteWritePusher | null;
  /** Every request's outcome passes here; the funnel counts the steps the machine can see. */
  observeResult(channel: string, result: Result<unknown>): void;
  observeEvent(event: EventName, payload: unknown): void;
  status(): TelemetryStatus;
  dispose(): Promise<void>;
}

const FINAL_PAYMENT: ReadonlySet<string> = new Set([
  'succeeded',
  'declined',
  'canceled',
  'reader_offline',
  'failed',
]);

/**
 * Fleet telemetry for one kiosk: build and update metrics, the store funnel, and the remote-write
 * push of the whole registry to the configured receiver.
 */
export function createTelemetryServices(opts: TelemetryOptions): TelemetryServices {
  const { config, logger } = opts;
  const ring = config.updates.channel;
  registerFleetInfoMetrics(opts.registry, {
    version: opts.version,
    ring,
    rolloutBucket: rolloutBucket(config.storeId, config.kioskId),
    provider: opts.provider,
    update: opts.update,
    updateFailures: opts.updateFailures,
    logger,
  });
  const funnel = new FunnelService({ dataDir: opts.dataDir, registry: opts.registry, logger, now: opts.now });
  const pusher = createPusher(opts, ring);
  const pushMetrics = new RemoteWriteMetrics(opts.registry, () => pusher?.status() ?? null);
  if (pusher) {
    pusher.observe(pushMetrics);
    pusher.start();
  }

  return {
    funnel,
    pusher,
    observeResult(channel, result) {
      if (channel === 'analysis:analyze') {
        if (result.ok) funnel.reach('scan_completed');
        else funnel.scanRefused();
      }
      if (!result.ok) return;
      if (channel === 'catalog:recommend') funnel.reach('routine_shown');
      if (channel === 'checkout:save-results') funnel.reach('qr_shown');
      if (channel === 'checkout:links') {
        const links = result.value as LinkSet;
        if (links.products.length > 0 || links.cart) funnel.reach('qr_shown');
      }
    },
    observeEvent(event, payload) {
      if (event !== 'payment:state') return;
      const phase = (payload as { phase: string }).phase;
      if (FINAL_PAYMENT.has(phase)) funnel.payment(phase as PaymentOutcome);
    },
    status: () => ({
      funnel: funnel.today(),
      push: pusher?.status() ?? null,
      crashReports: opts.crashReports,
    }),
    async dispose() {
      await pusher?.stop(true);
      await funnel.flush();
    },
  };
}

function createPusher(opts: TelemetryOptions, ring: string): RemoteWritePusher | null {
  const rw = opts.config.monitoring.remoteWrite;
  if (!rw) return null;
  let secret: string | null;
  try {
    secret = remoteWriteSecret(opts.config, opts.sealer);
  } catch (err) {
    opts.logger.error('telemetry.secret_unavailable', { reason: (err as Error).message });
    return null;
  }
  const auth = rw.auth;
  const authorization = !auth
    ? null
    : auth.kind === 'bearer'
      ? `Bearer ${secret}`
      : `Basic ${Buffer.from(`${auth.username}:${secret}`).toString('base64')}`;
  const { storeId, kioskId } = opts.config;
  return new RemoteWritePusher({
    url: rw.url,
    authorization,
    labels: fleetLabels({ storeId, kioskId, ring }),
    intervalMs: rw.intervalSec * 1000,
    jitter: rw.jitterPercent / 100,
    windowMs: rw.bufferMinutes * 60_000,
    maxBufferBytes: rw.maxBufferKiB * 1024,
    timeoutMs: rw.timeoutSec * 1000,
    userAgent: `SkinKiosk/${opts.version}`,
    collect: () => opts.registry.getMetricsAsJSON(),
    logger: opts.logger,
    now: opts.now,
  });
}
