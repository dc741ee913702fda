import { KioskError } from '../../shared/result';
import { FEED_FORMAT, type DeltaEntry, type SignedManifest } from './feed-manifest';

/** What the kiosk has installed, as recorded in the catalog database's metadata. */
export interface InstalledCatalog {
  version: string;
  sequence: number;
  /** Id of the key the installed catalog was signed with; null for a catalog of unknown origin. */
  keyId: string | null;
}

export type SyncPlan = { kind: 'unchanged' } | { kind: 'delta'; delta: DeltaEntry } | { kind: 'snapshot' };

/**
 * Decides how to move from the installed catalog to the one a verified manifest describes: nothing
 * when it is the same version from the same key, the delta that starts at the installed version when the feed has one,
 * the whole snapshot otherwise. Refuses a feed that is older than what is installed from the same key
 * (a replayed manifest), one that reuses the installed sequence for other content, and one built for
 * a newer kiosk.
 */
export function chooseSyncPlan(
  manifest: SignedManifest,
  installed: InstalledCatalog | null,
  supportedSchema: number,
): SyncPlan {
  const body = manifest.signed;
  if (body.format > FEED_FORMAT) {
    throw new KioskError(
      'FEED_MALFORMED',
      `Feed format ${body.format} is newer than this kiosk reads (${FEED_FORMAT}); update the kiosk.`,
    );
  }
  if (installed && installed.keyId === manifest.keyId && body.sequence < installed.sequence) {
    throw new KioskError(
      'FEED_MALFORMED',
      `The feed offers version ${body.version}, older than the installed ${installed.version}; refusing to go back.`,
    );
  }
  // Same version from another key is another catalog (the demo, say): take it, provenance and all.
  if (installed?.version === body.version && installed.keyId === manifest.keyId) return { kind: 'unchanged' };
  // The version carries the content hash: one sequence from one key names exactly one catalog. Other
  // content under an installed sequence is a swap (or a publisher that forgot to count up), never news.
  if (installed && installed.keyId === manifest.keyId && body.sequence === installed.sequence) {
    throw new KioskError(
      'FEED_MALFORMED',
      `The feed offers version ${body.version} with the same sequence as the installed ${installed.version} but other content; refusing it. Publish again so the sequence grows.`,
    );
  }
  const delta = installed ? body.deltas.find((entry) => entry.fromVersion === installed.version) : undefined;
  if (delta) return { kind: 'delta', delta };
  if (body.schemaVersion > supportedSchema) {
    throw new KioskError(
      'FEED_MALFORMED',
      `The catalog was built for a newer kiosk (schema ${body.schemaVersion}, this kiosk reads up to ${supportedSchema}); update the kiosk.`,
    );
  }
  return { kind: 'snapshot' };
}

/** Shortest wait before retrying after a failed sync. */
export const MIN_RETRY_MS = 30_000;

/**
 * Milliseconds until the next scheduled sync. After a success: the configured interval, spread by up
 * to ±10 % so a fleet does not hit the feed host in step. After failures: 30 s, 1 min, 2 min, … (up
 * to 10 % later) but never longer than the interval, so a short outage heals quickly and a long one costs little.
 * `jitter` is a number in [0, 1) supplied by the caller.
 */
export function nextSyncDelayMs(intervalMin: number, consecutiveFailures: number, jitter: number): number {
  const interval = intervalMin * 60_000;
  const unit = Math.min(Math.max(jitter, 0), 1);
  if (consecutiveFailures <= 0) return Math.round(interval * (0.9 + unit * 0.2));
  const backoff = MIN_RETRY_MS * 2 ** Math.min(consecutiveFailures - 1, 20);
  return Math.round(Math.min(backoff, interval) * (1 + unit * 0.1));
}
