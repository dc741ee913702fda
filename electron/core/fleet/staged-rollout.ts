/**
 * Staged rollouts: a release's `stagingPercentage` (in latest-*.yml) says what share of the fleet
 * may take it. Each kiosk gets a fixed bucket in [0, 100) from its store and kiosk ids, so the same
 * kiosks are always first — IT can pick pilot stores — and the decision does not depend on a random
 * id that would change when a machine is reinstalled.
 */

/** FNV-1a, 32 bit: tiny, pure and stable across platforms and releases. */
function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** This kiosk's rollout bucket in [0, 100). */
export function rolloutBucket(storeId: string, kioskId: string): number {
  return (fnv1a32(`${storeId}/${kioskId}`) / 0x1_0000_0000) * 100;
}

/**
 * The staging percentage as a number in [0, 100], or null when the release has none (everyone) or
 * it is not a number (electron-updater treats that as everyone too, and so do we, with a warning).
 */
export function parseStagingPercentage(raw: unknown): number | null {
  if (raw === undefined || raw === null || raw === '') return null;
  const value = typeof raw === 'number' ? raw : Number.parseFloat(String(raw));
  if (!Number.isFinite(value)) return null;
  return Math.min(100, Math.max(0, value));
}

/** Whether a kiosk may take a release with this staging percentage. */
export function isInRollout(storeId: string, kioskId: string, stagingPercentage: unknown): boolean {
  const pct = parseStagingPercentage(stagingPercentage);
  if (pct === null) return true;
  return rolloutBucket(storeId, kioskId) < pct;
}
