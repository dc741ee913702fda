/**
 * After an uncaught error in main the kiosk logs and relaunches itself. A build that crashes on
 * start would relaunch forever, so after too many crashes in a short time it stops and exits; the
 * service manager's own limit (systemd StartLimitBurst, Shell Launcher) and the fleet's missing
 * /health take over from there.
 */
export const CRASH_RELAUNCH_LIMIT = { max: 5, windowMs: 10 * 60_000 } as const;

export interface CrashDecision {
  relaunch: boolean;
  /** Crash times to remember, this one included, older ones dropped. */
  history: number[];
}

export function decideCrashRelaunch(
  previous: readonly number[],
  now: number,
  limit = CRASH_RELAUNCH_LIMIT,
): CrashDecision {
  const history = [
    ...previous.filter((t) => Number.isFinite(t) && t > now - limit.windowMs && t <= now),
    now,
  ];
  return { relaunch: history.length <= limit.max, history };
}
