import { Gauge, type Registry } from 'prom-client';
import type { UpdateState } from '../../shared/schemas/system-schemas';
import type { Logger } from '../../core/ports/logger-port';

export interface FleetInfoSources {
  version: string;
  /** The rollout ring: the update channel this kiosk follows (`latest`, `pilot` …). */
  ring: string;
  /** This kiosk's staged-rollout bucket in [0, 100). */
  rolloutBucket: number;
  /** The execution provider running the analysis networks, null while none is loaded. */
  provider: () => Promise<string | null>;
  update: () => UpdateState;
  updateFailures: () => number;
  logger: Logger;
}

/**
 * What IT asks of a fleet first: which build runs where, in which ring, on which provider, and
 * how far each kiosk is with updates. One query (`count by (version, ring) (skinkiosk_build_info)`)
 * shows the fleet by version and ring.
 */
export function registerFleetInfoMetrics(registry: Registry, sources: FleetInfoSources): void {
  const registers = [registry];
  new Gauge({
    name: 'skinkiosk_build_info',
    help: 'Build, rollout ring and execution provider of this kiosk (always 1)',
    labelNames: ['version', 'ring', 'provider'],
    registers,
    async collect() {
      this.reset();
      let provider: string | null = null;
      try {
        provider = await sources.provider();
      } catch (err) {
        sources.logger.warn('metrics.source_failed', { source: 'provider', error: (err as Error).message });
      }
      this.labels(sources.version, sources.ring, provider ?? 'none').set(1);
    },
  });
  new Gauge({
    name: 'skinkiosk_update_available_info',
    help: 'A newer version the updater found (downloading, downloaded or installing); absent when none',
    labelNames: ['version'],
    registers,
    collect() {
      this.reset();
      const version = sources.update().availableVersion;
      if (version) this.labels(version).set(1);
    },
  });
  new Gauge({
    name: 'skinkiosk_update_consecutive_failures',
    help: 'Update checks or downloads that failed in a row (3 or more degrade health)',
    registers,
    collect() {
      this.set(sources.updateFailures());
    },
  });
  new Gauge({
    name: 'skinkiosk_update_last_check_timestamp_seconds',
    help: 'When the updater last checked its feed (Unix seconds); absent before the first check',
    registers,
    collect() {
      this.reset();
      const at = sources.update().lastCheckAt;
      if (at) this.set(Date.parse(at) / 1000);
    },
  });
  new Gauge({
    name: 'skinkiosk_update_rollout_bucket',
    help: 'Staged-rollout bucket in [0, 100): a release with stagingPercentage p reaches kiosks below p',
    registers,
  }).set(sources.rolloutBucket);
}
