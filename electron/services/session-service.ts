import { randomUUID } from 'node:crypto';
import type { AppInfo, CameraState } from '../shared/schemas/system-schemas';
import type { KioskConfig } from '../core/config/kiosk-config-schema';
import type { Logger } from '../core/ports/logger-port';
import type { BrandingSummary } from './branding-service';

/** Keeps the display awake while a shopper is using the kiosk (Electron's powerSaveBlocker in main). */
export interface DisplayKeepAwake {
  hold(): void;
  release(): void;
}

export type SessionEndReason = 'completed' | 'idle' | 'start_over' | 'declined_consent' | 'error';
type SessionListener = (event: { type: 'start' } | { type: 'end'; reason: SessionEndReason }) => void;

export interface SessionServiceDeps {
  config: KioskConfig;
  version: string;
  needsSetup: string | null;
  keepAwake: DisplayKeepAwake;
  logger: Logger;
  /** The store's look (config `branding`); absent = the built-in look. */
  branding?: BrandingSummary;
}

/**
 * One shopper session at a time. Ending it (finished, idle, start over) tells every service to drop
 * what it holds for the shopper — frames, photo, answers, cart — through `onSessionChange`.
 */
export class SessionService {
  private current: string | null = null;
  private camera: CameraState | 'unknown' = 'unknown';
  private readonly listeners = new Set<SessionListener>();

  constructor(private readonly deps: SessionServiceDeps) {}

  info(): AppInfo {
    const { config } = this.deps;
    return {
      version: this.deps.version,
      storeId: config.storeId,
      kioskId: config.kioskId,
      locales: config.locales,
      defaultLocale: config.defaultLocale,
      idleTimeoutSec: config.session.idleTimeoutSec,
      stillThereSec: config.session.stillThereSec,
      demoPayments: config.payments.mode === 'demo',
      needsSetup: this.deps.needsSetup,
      ...(this.deps.branding ? { branding: this.deps.branding } : {}),
    };
  }

  start(): { sessionId: string } {
    if (this.current) this.end('start_over');
    this.current = randomUUID();
    this.deps.keepAwake.hold();
    this.deps.logger.info('session.started');
    for (const l of this.listeners) l({ type: 'start' });
    return { sessionId: this.current };
  }

  end(reason: SessionEndReason): void {
    const wasActive = this.current !== null;
    this.current = null;
    this.deps.keepAwake.release();
    if (wasActive) this.deps.logger.info('session.ended', { reason });
    for (const l of this.listeners) l({ type: 'end', reason });
  }

  isActive(): boolean {
    return this.current !== null;
  }

  setCameraState(state: CameraState): void {
    if (state !== this.camera) this.deps.logger.info('camera.state', { state });
    this.camera = state;
  }

  cameraState(): CameraState | 'unknown' {
    return this.camera;
  }

  onSessionChange(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
