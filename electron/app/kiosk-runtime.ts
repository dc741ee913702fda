import type { EventName } from '../shared/ipc-contract';
import type { Result } from '../shared/result';
import type { KioskConfig } from '../core/config/kiosk-config-schema';
import type { Logger } from '../core/ports/logger-port';
import { DEMO_PIN_HASH, verifyPin } from '../adapters/fleet/pin-hash-adapter';
import { EventHub } from './event-hub';
import type { HandlerTable } from './handler-types';
import { invokeChannel } from './invoke-channel';
import type { KioskPaths } from './kiosk-paths';
import { SessionService, type DisplayKeepAwake } from './session-service';
import { StaffService } from './staff-service';
import { createSessionHandlers, createStaffHandlers } from './handlers/session-handlers';

export interface KioskRuntimeOptions {
  config: KioskConfig;
  /** Why the config file could not be used, when it could not; the kiosk then shows "needs setup". */
  needsSetup: string | null;
  paths: KioskPaths;
  version: string;
  logger: Logger;
  keepAwake: DisplayKeepAwake;
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
  dispose(): Promise<void>;
}

/**
 * The composition shared by every host: builds the services from the config and paths, assembles
 * the handler table and routes every request through `invokeChannel`.
 */
export async function createKioskRuntime(opts: KioskRuntimeOptions): Promise<KioskRuntime> {
  const hub = new EventHub();
  const now = opts.now ?? Date.now;
  const session = new SessionService({
    config: opts.config,
    version: opts.version,
    needsSetup: opts.needsSetup,
    keepAwake: opts.keepAwake,
    logger: opts.logger,
  });
  const staff = new StaffService({
    rules: { maxAttempts: opts.config.staff.maxAttempts, lockoutSec: opts.config.staff.lockoutSec },
    pinHash: opts.config.staff.pinHash ?? DEMO_PIN_HASH,
    verifyPin,
    now,
    logger: opts.logger,
  });

  const handlers = {
    ...createSessionHandlers(session, staff),
    ...createStaffHandlers(staff),
  } as HandlerTable;

  return {
    invoke: (channel, raw) =>
      invokeChannel(
        { handlers, staffUnlocked: () => staff.isUnlocked(), logger: opts.logger },
        channel,
        raw,
        hub,
      ),
    subscribe: (listener) => hub.subscribe(listener),
    resolveProductImage: async () => null,
    session,
    staff,
    dispose: async () => {
      session.end('error');
    },
  };
}
