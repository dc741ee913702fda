import { KioskError } from '../../shared/result';

/**
 * Longest a catalog sync may wait on its source (manifest and catalog files) before it is given up,
 * so a stuck USB stick or a server that drips bytes never holds the sync queue: every later sync,
 * scheduled or from staff, would wait behind it.
 */
export const SYNC_TIME_LIMIT_MS = 10 * 60_000;

/** One sync's flags, shared between the sync and its time limit. */
export interface SyncRun {
  /** Given up by the time limit: must not touch the database any more. */
  aborted: boolean;
  /** Changing the database: the time limit lets it finish (installing is local and bounded). */
  applying: boolean;
}

/** Called by a sync right before it changes the database; throws when the sync was given up. */
export function beginApplying(run: SyncRun): void {
  if (run.aborted) throw new KioskError('FEED_UNREACHABLE', 'The sync was given up.');
  run.applying = true;
}

/**
 * Runs `work`, rejecting with FEED_UNREACHABLE once `limitMs` pass unless it has begun applying.
 * `onGiveUp` records the failure; the abandoned work is told (`run.aborted`) and settles later on
 * its own, with nobody waiting for it.
 */
export function withinTimeLimit<T>(
  limitMs: number,
  sourceLabel: string,
  work: (run: SyncRun) => Promise<T>,
  onGiveUp: (error: KioskError) => void,
): Promise<T> {
  const run: SyncRun = { aborted: false, applying: false };
  const running = work(run);
  running.catch(() => undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      if (run.applying) return;
      run.aborted = true;
      const minutes = Math.round(limitMs / 6000) / 10;
      const error = new KioskError(
        'FEED_UNREACHABLE',
        `Cannot reach ${sourceLabel}: no complete catalog within ${minutes} minutes; the sync was given up.`,
      );
      onGiveUp(error);
      reject(error);
    }, limitMs);
  });
  return Promise.race([running, deadline]).finally(() => clearTimeout(timer));
}
