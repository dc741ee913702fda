import type { EventName } from '../shared/ipc-contract';
import type { Result } from '../shared/result';
import type { KioskConfig } from '../core/config/kiosk-config-schema';
import type { Logger } from '../core/ports/logger-port';
import path from 'node:path';
import { staffPinFor } from '../core/staff/staff-pin-policy';
import { DEMO_PIN_HASH, verifyPin } from '../adapters/staff/pin-hash-adapter';
import { STAFF_LOCK_FILE_NAME, StaffLockFile } from '../adapters/staff/staff-lock-file';
import type { FleetSources } from '../adapters/health/fleet-sources';
import type { SecretSealer } from '../adapters/config/secret-sealer';
import { EventHub } from './event-hub';
import type { HandlerTable } from './handler-types';
import { invokeChannel } from './invoke-channel';
import type { KioskPaths } from './kiosk-paths';
import { SessionService, type DisplayKeepAwake } from './session-service';
import { BrandingService } from './branding-service';
import { StaffService } from './staff-service';
import { createAnalysisServices } from './analysis-services';
import { createCatalogServices } from './catalog-services';
import { createCheckoutServices, type CheckoutDeps } from './checkout-services';
import { createFleetServices, type FleetServiceOptions } from './fleet-services';
import { createSessionHandlers, createStaffHandlers } from './handlers/session-handlers';
import { createAnalysisHandlers } from './handlers/analysis-handlers';
import { createCatalogHandlers } from './handlers/catalog-handlers';
import { createCheckoutHandlers } from './handlers/checkout-handlers';
import { createFleetHandlers, timeAnalysis } from './handlers/fleet-handlers';

export interface KioskRuntimeOptions {
  config: KioskConfig;
  /** Why the config file could not be used, when it could not; the kiosk then shows "needs setup". */
  needsSetup: string | null;
  /**
   * Whether a config file exists (usable or not). Only a kiosk without one runs the demo with the
   * demo PIN; a provisioned kiosk never accepts it.
   */
  configFound: boolean;
  /** An installed build (Electron's `app.isPackaged`): a missing staff PIN then degrades health. */
  packaged?: boolean;
  paths: KioskPaths;
  version: string;
  keepAwake: DisplayKeepAwake;
  /** The Stripe key in memory (unsealed by Electron main, or the plain key in the preview host). */
  paymentApiKey: string | null;
  /** Electron main only: the auto-update driver and per-process memory. */
  createUpdateDriver?: FleetServiceOptions['createUpdateDriver'];
  processMemory?: FleetSources['processMemory'];
  /** Electron main only: opens sealed secrets (the metrics push credential) with the OS keychain. */
  secretSealer?: SecretSealer | null;
  /** Electron main only: whether the crash reporter was started. */
  crashReports?: boolean;
  /** Serve /metrics and /health on the configured port (off in tests). */
  serveMetrics?: boolean;
  /** Copy log lines to stdout (development hosts). */
  echoLogs?: boolean;
  /** Test hooks for payment timing and demo card taps. */
  payments?: Omit<CheckoutDeps, 'products' | 'apiKey' | 'log'>;
  /** Catalog sync schedule (off in tests). */
  scheduleCatalogSync?: boolean;
  now?: () => number;
}

/** What a host (Electron main, the preview host, tests) needs from the assembled kiosk. */
export interface KioskRuntime {
  invoke(channel: string, raw: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
  /** Maps `/product-images/<file>` to a cached file, or null. */
  resolveProductImage(urlPath: string): Promise<string | null>;
  readonly session: SessionService;
  readonly staff: StaffService;
  readonly logger: Logger;
  /** Resolves once the networks are loaded and warm (the kiosk works before, the first scan waits). */
  readonly analysisReady: Promise<void>;
  /** Counts a renderer crash or hang in the metrics (the host reloads the window). */
  rendererGone(reason: string): void;
  dispose(): Promise<void>;
}

/**
 * The composition shared by every host: builds every domain's services from the config and paths,
 * assembles the handler table and routes each request through `invokeChannel`. Hosts add only their
 * transport (Electron IPC, loopback HTTP/WebSocket).
 */
export async function createKioskRuntime(opts: KioskRuntimeOptions): Promise<KioskRuntime> {
  const { config, paths } = opts;
  const hub = new EventHub();
  const now = opts.now ?? Date.now;
  const pin = staffPinFor(
    { configFound: opts.configFound, needsSetup: opts.needsSetup, pinHash: config.staff.pinHash },
    DEMO_PIN_HASH,
  );

  const fleet = await createFleetServices(config, paths, hub, {
    version: opts.version,
    needsSetup: opts.needsSetup,
    staffPin: pin.kind,
    packaged: opts.packaged ?? false,
    createUpdateDriver: opts.createUpdateDriver ?? null,
    serveMetrics: opts.serveMetrics ?? true,
    echoLogs: opts.echoLogs ?? false,
    sealer: opts.secretSealer ?? null,
    crashReports: opts.crashReports ?? false,
  });
  const logger = fleet.logger;

  const branding = await BrandingService.load(config.branding, logger);
  const session = new SessionService({
    config,
    version: opts.version,
    needsSetup: opts.needsSetup,
    keepAwake: opts.keepAwake,
    logger,
    branding: branding.summary(),
  });
  const staff = new StaffService({
    rules: { maxAttempts: config.staff.maxAttempts, lockoutSec: config.staff.lockoutSec },
    pin,
    verifyPin,
    now,
    logger,
    store: new StaffLockFile(path.join(paths.dataDir, STAFF_LOCK_FILE_NAME)),
  });
  if (pin.kind === 'none') logger.warn('staff.pin_not_set', { reason: pin.reason });

  const analysis = createAnalysisServices(config, paths, hub, {
    logger: logger.child({ component: 'analysis' }),
  });
  const analysisReady = analysis.ready();
  analysisReady.catch((err: unknown) =>
    logger.error('analysis.unavailable', { error: (err as Error).message }),
  );
  const catalog = await createCatalogServices(config, paths, hub, {
    logger: logger.child({ component: 'catalog' }),
    schedule: opts.scheduleCatalogSync ?? true,
  });
  const checkoutLogger = logger.child({ component: 'payments' });
  const checkout = await createCheckoutServices(config, paths, hub, {
    ...opts.payments,
    products: catalog.query,
    apiKey: opts.paymentApiKey,
    log: (level, message) => checkoutLogger[level](message),
  });

  fleet.bindSources({
    camera: () => session.cameraState(),
    catalog: () => catalog.status(),
    inference: () => analysis.status(),
    ...(opts.processMemory ? { processMemory: opts.processMemory } : {}),
  });
  fleet.bindSessions(session);
  const unobserve = hub.subscribe((event, payload) => fleet.observeEvent(event, payload));
  // A session that ends takes its shopper's data with it: staff mode closes, the guidance loop
  // forgets the tracked face, the checkout session token and any open reader action are dropped.
  const unfollow = session.onSessionChange((e) => {
    if (e.type !== 'end') return;
    staff.lock();
    analysis.sessionEnded();
    void checkout
      .endSession()
      .catch((err: unknown) => logger.warn('session.end_checkout', { error: (err as Error).message }));
  });

  const analysisHandlers = createAnalysisHandlers(analysis);
  const handlers: HandlerTable = {
    ...createSessionHandlers(session, branding, { opened: (label) => analysis.useCamera(label) }),
    ...createStaffHandlers(staff),
    ...analysisHandlers,
    'analysis:analyze': timeAnalysis(analysisHandlers['analysis:analyze'], fleet),
    ...createCatalogHandlers(catalog),
    ...createCheckoutHandlers(checkout),
    ...createFleetHandlers(fleet),
  };

  return {
    invoke: async (channel, raw) => {
      const result = await invokeChannel(
        { handlers, staffUnlocked: () => staff.isUnlocked(), logger },
        channel,
        raw,
        hub,
      );
      fleet.observeResult(channel, result);
      return result;
    },
    subscribe: (listener) => hub.subscribe(listener),
    resolveProductImage: async (urlPath) => catalog.resolveImagePath(urlPath),
    session,
    staff,
    logger,
    analysisReady,
    rendererGone: (reason) => fleet.metrics.rendererGone(reason),
    dispose: async () => {
      unfollow();
      unobserve();
      session.end('error');
      await Promise.allSettled([checkout.dispose(), catalog.dispose(), analysis.dispose()]);
      await fleet.dispose();
    },
  };
}
