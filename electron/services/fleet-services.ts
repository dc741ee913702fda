import path from 'node:path';
import type { SystemInfo } from '../shared/schemas/staff-schemas';
import type { EventName } from '../shared/ipc-contract';
import type { Result } from '../shared/result';
import type { KioskConfig } from '../core/config/kiosk-config-schema';
import type { Logger } from '../core/ports/logger-port';
import type { UpdateDriver } from '../core/fleet/update-driver-port';
import type { StaffPin } from '../core/staff/staff-pin-policy';
import { FleetSourceRegistry, type FleetSources } from '../adapters/health/fleet-sources';
import { HealthService } from '../adapters/health/health-service';
import { JsonLinesLogger } from '../adapters/logging/json-lines-logger-adapter';
import { KioskMetrics } from '../adapters/metrics/kiosk-metrics-adapter';
import { startMetricsServer, type MetricsServer } from '../adapters/metrics/metrics-server-adapter';
import { SessionActivityTracker, type SessionSource } from '../adapters/health/session-activity-tracker';
import { UpdateService } from '../adapters/updates/update-service';
import type { SecretSealer } from '../adapters/config/secret-sealer';
import type { EventSink } from './handler-types';
import type { KioskPaths } from './kiosk-paths';
import { createTelemetryServices, type TelemetryServices } from './telemetry-services';

/** What an update driver is built from; the host decides how (electron-updater in main). */
export interface UpdateFeed {
  url: string;
  channel: string;
  storeId: string;
  kioskId: string;
}

export interface FleetServiceOptions {
  version: string;
  /** The "needs setup" reason when the config file could not be used. */
  needsSetup: string | null;
  /** Which PIN opens staff mode (see staff-pin-policy); an installed build without its own degrades. */
  staffPin?: StaffPin['kind'];
  /** An installed build rather than a development or preview host. */
  packaged?: boolean;
  /** Builds the updater for the configured feed; absent or null → updates show as disabled. */
  createUpdateDriver?: ((feed: UpdateFeed, logger: Logger) => UpdateDriver) | null;
  /** Serve /metrics and /health on the configured port (default: yes, unless the port is null). */
  serveMetrics?: boolean;
  /** Print log lines to stdout as well (development, preview host). */
  echoLogs?: boolean;
  /** First update check after start (default 30 s). */
  firstUpdateCheckDelayMs?: number;
  /** Opens sealed secrets (Electron main's safeStorage); absent = plain secrets only. */
  sealer?: SecretSealer | null;
  /** Electron main started the crash reporter. */
  crashReports?: boolean;
  now?: () => number;
}

export interface FleetServices {
  logger: JsonLinesLogger;
  metrics: KioskMetrics;
  /** Null when disabled in config or when the port could not be bound (logged). */
  metricsServer: MetricsServer | null;
  health: HealthService;
  updates: UpdateService;
  /** Build/update metrics, the store funnel and the remote-write push. */
  telemetry: TelemetryServices;
  /** Binds the other domains' status functions (camera, catalog, inference, reader, process memory). */
  bindSources(sources: Partial<FleetSources>): void;
  /** Follows the session service: session metrics, and the updater's "no shopper" rule. */
  bindSessions(session: SessionSource): void;
  /** Feed every event the hub emits through here (payment outcomes are counted from `payment:state`). */
  observeEvent(event: EventName, payload: unknown): void;
  /** Feed every request's result through here (the funnel counts scans, routines and QR codes). */
  observeResult(channel: string, result: Result<unknown>): void;
  systemInfo(): Promise<SystemInfo>;
  dispose(): Promise<void>;
}

/**
 * Logger, metrics, health, updates and the metrics/health endpoint for one kiosk. Create it first —
 * every other service takes its `logger` — then bind sources and sessions once they exist.
 */
export async function createFleetServices(
  config: KioskConfig,
  paths: KioskPaths,
  events: EventSink,
  options: FleetServiceOptions,
): Promise<FleetServices> {
  const now = options.now ?? Date.now;
  const logger = new JsonLinesLogger({
    dir: path.join(paths.dataDir, 'logs'),
    base: { storeId: config.storeId, kioskId: config.kioskId, version: options.version },
    echo: options.echoLogs ?? false,
  });
  const sources = new FleetSourceRegistry(logger);
  const metrics = new KioskMetrics(
    { version: options.version, storeId: config.storeId, kioskId: config.kioskId },
    logger,
    now,
  );
  // Session changes only arrive once bindSessions runs, after `telemetry` below exists.
  const sessions = new SessionActivityTracker(now, (e) => {
    if (e.type === 'start') {
      metrics.sessionStarted();
      telemetry.funnel.sessionStarted();
    } else {
      metrics.sessionEnded(e.reason);
      telemetry.funnel.sessionEnded(e.reason);
    }
  });

  const feed = config.updates.url;
  const driver =
    feed && options.createUpdateDriver
      ? options.createUpdateDriver(
          { url: feed, channel: config.updates.channel, storeId: config.storeId, kioskId: config.kioskId },
          logger.child({ component: 'updater' }),
        )
      : null;
  const updates = new UpdateService({
    driver,
    channel: config.updates.channel,
    window: config.updates.window,
    checkIntervalMs: config.updates.checkIntervalHours * 3_600_000,
    firstCheckDelayMs: options.firstUpdateCheckDelayMs,
    sessions,
    onState: (state) => events.emit('update:state', state),
    logger: logger.child({ component: 'updater' }),
    now,
  });
  const health = new HealthService({
    version: options.version,
    needsSetup: options.needsSetup !== null,
    staffPinMissing: (options.packaged ?? false) && (options.staffPin ?? 'provisioned') !== 'provisioned',
    feedConfigured: config.catalog.feedUrl !== null,
    sources,
    updateFailures: () => updates.consecutiveFailures(),
    logger,
    now,
  });
  metrics.setSources({
    inference: () => sources.read('inference'),
    catalog: () => sources.read('catalog'),
    processMemory: () => sources.read('processMemory'),
    health: () => health.report(),
    update: () => updates.status(),
  });

  const telemetry = createTelemetryServices({
    config,
    dataDir: paths.dataDir,
    version: options.version,
    registry: metrics.registry,
    logger,
    provider: async () => (await sources.read('inference'))?.executionProvider ?? null,
    update: () => updates.status(),
    updateFailures: () => updates.consecutiveFailures(),
    sealer: options.sealer ?? null,
    crashReports: options.crashReports ?? false,
    now,
  });

  let metricsServer: MetricsServer | null = null;
  const port = config.monitoring.metricsPort;
  if (port !== null && options.serveMetrics !== false) {
    try {
      metricsServer = await startMetricsServer({
        host: config.monitoring.bindAddress,
        port,
        metrics: () => metrics.expose(),
        health: () => health.report(),
        logger,
      });
    } catch (err) {
      logger.error('metrics.listen_failed', { port, error: (err as Error).message });
    }
  }
  updates.start();
  logger.info('fleet.started', {
    updates: driver ? 'on' : 'off',
    channel: config.updates.channel,
    metricsPort: metricsServer?.port ?? null,
    push: telemetry.pusher ? 'on' : 'off',
  });

  return {
    logger,
    metrics,
    metricsServer,
    health,
    updates,
    telemetry,
    bindSources: (s) => sources.set(s),
    bindSessions: (s) => sessions.bind(s),
    observeEvent(event, payload) {
      if (event === 'payment:state') metrics.paymentState(payload as { orderId: string; phase: string });
      telemetry.observeEvent(event, payload);
    },
    observeResult: (channel, result) => telemetry.observeResult(channel, result),
    async systemInfo() {
      const [inference, camera, catalog, report] = await Promise.all([
        sources.read('inference'),
        sources.read('camera'),
        sources.read('catalog'),
        health.report(),
      ]);
      return {
        version: options.version,
        executionProvider: inference?.executionProvider ?? 'not loaded',
        camera,
        health: report,
        catalogVersion: catalog?.version ?? 'unknown',
        storeId: config.storeId,
        kioskId: config.kioskId,
      };
    },
    async dispose() {
      updates.dispose();
      sessions.dispose();
      await telemetry.dispose();
      await metricsServer?.close();
      logger.info('fleet.stopped');
      logger.close();
    },
  };
}
