import type { CameraState } from '../../shared/schemas/system-schemas';
import type { Logger } from '../../core/ports/logger-port';

type MaybePromise<T> = T | Promise<T>;

type ReaderState = 'online' | 'offline' | 'unknown' | 'not_used';

/**
 * What the fleet services read from the other domains: health, metrics and the staff system screen
 * all ask here. Shapes match the domains' own status objects (CatalogStatus, InferenceStatus), so
 * binding one is `catalog: () => catalogService.status()`.
 */
export interface FleetSources {
  camera: () => CameraState | 'unknown';
  catalog: () => MaybePromise<{ version: string; lastSyncAt: string | null } | null>;
  inference: () => MaybePromise<{
    executionProvider: string | null;
    tried: { provider: string; ok: boolean; reason?: string | null }[];
    worker?: string;
    restarts?: number;
    calibration?: { state: 'missing' | 'stale' | 'ok'; camera: string | null };
  } | null>;
  reader: () => MaybePromise<ReaderState>;
  /** Per-process memory (Electron's app.getAppMetrics); the main process is measured directly. */
  processMemory: () => MaybePromise<{ type: string; bytes: number }[]>;
}

const FALLBACK: { [K in keyof FleetSources]: Awaited<ReturnType<FleetSources[K]>> } = {
  camera: 'unknown',
  catalog: null,
  inference: null,
  reader: 'unknown',
  processMemory: [],
};

/**
 * Late-bound sources: the fleet services start first (everyone needs the logger) and the kiosk runtime binds
 * the other domains' status functions once they exist. An unbound or failing source reads as
 * "unknown", which never degrades health on its own.
 */
export class FleetSourceRegistry {
  private sources: Partial<FleetSources> = {};
  constructor(private readonly logger: Logger) {}

  set(sources: Partial<FleetSources>): void {
    this.sources = { ...this.sources, ...sources };
  }

  async read<K extends keyof FleetSources>(key: K): Promise<Awaited<ReturnType<FleetSources[K]>>> {
    const source = this.sources[key];
    if (!source) return FALLBACK[key];
    try {
      return (await source()) as Awaited<ReturnType<FleetSources[K]>>;
    } catch (err) {
      this.logger.warn('fleet.source_failed', { source: key, error: (err as Error).message });
      return FALLBACK[key];
    }
  }
}
