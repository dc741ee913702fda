import type { HealthReport } from '../../shared/schemas/system-schemas';
import type { Logger } from '../../core/ports/logger-port';
import { evaluateHealth } from '../../core/fleet/health-evaluator';
import type { FleetSourceRegistry } from './fleet-sources';

export interface HealthServiceDeps {
  version: string;
  needsSetup: boolean;
  /** An installed kiosk without a provisioned staff PIN (demo PIN, or none at all). */
  staffPinMissing?: boolean;
  /** A feed is configured, so the catalog can go stale. */
  feedConfigured: boolean;
  sources: FleetSourceRegistry;
  updateFailures: () => number;
  logger: Logger;
  now?: () => number;
}

/**
 * The one health report behind `/health`, `system:health` and the staff screen. Logs each change
 * of status or reasons once, so the log tells when a kiosk degraded and when it recovered.
 */
export class HealthService {
  private readonly startedAt: number;
  private lastKey: string | null = null;
  private readonly now: () => number;

  constructor(private readonly deps: HealthServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.startedAt = this.now();
  }

  async report(): Promise<HealthReport> {
    const { sources } = this.deps;
    const [camera, catalog, inference, reader] = await Promise.all([
      sources.read('camera'),
      sources.read('catalog'),
      sources.read('inference'),
      sources.read('reader'),
    ]);
    const now = this.now();
    const lastSync = catalog?.lastSyncAt ? Date.parse(catalog.lastSyncAt) : null;
    const report = evaluateHealth({
      now,
      version: this.deps.version,
      uptimeSec: (now - this.startedAt) / 1000,
      needsSetup: this.deps.needsSetup,
      staffPinMissing: this.deps.staffPinMissing ?? false,
      camera,
      catalog: catalog
        ? { feedConfigured: this.deps.feedConfigured, lastSyncAtMs: Number.isNaN(lastSync) ? null : lastSync }
        : null,
      inference,
      reader,
      updateFailures: this.deps.updateFailures(),
    });
    const key = `${report.status}:${report.reasons.join(',')}`;
    if (key !== this.lastKey) {
      const log = report.status === 'ok' ? this.deps.logger.info : this.deps.logger.warn;
      log.call(this.deps.logger, 'health.changed', {
        status: report.status,
        reasons: report.reasons.join(',') || null,
      });
      this.lastKey = key;
    }
    return report;
  }
}
