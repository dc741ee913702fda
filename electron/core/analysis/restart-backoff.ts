/**
 * How long to wait before restarting a crashed inference worker. The first restart comes almost at
 * once (the shopper is waiting); each further crash without a successful run in between doubles
 * the wait up to a ceiling, so a worker that dies on every start (a broken driver, a model file
 * gone bad) costs the kiosk a load attempt every half minute, not a busy loop.
 */
export interface RestartBackoff {
  /** Wait before the first restart after a crash. */
  readonly initialMs: number;
  /** Each consecutive crash multiplies the wait by this. */
  readonly factor: number;
  /** Longest wait. */
  readonly maxMs: number;
}

export const DEFAULT_RESTART_BACKOFF: RestartBackoff = { initialMs: 250, factor: 2, maxMs: 30_000 };

/**
 * Wait before the restart that follows `failures` consecutive crashes or failed starts (1 for the
 * first crash): initialMs · factor^(failures − 1), at most maxMs.
 */
export function restartDelayMs(failures: number, backoff: RestartBackoff = DEFAULT_RESTART_BACKOFF): number {
  const n = Number.isFinite(failures) ? Math.max(1, Math.floor(failures)) : 1;
  return Math.min(backoff.maxMs, backoff.initialMs * backoff.factor ** (n - 1));
}
