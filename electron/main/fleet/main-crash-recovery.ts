import { app } from 'electron';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../core/ports/logger-port';
import { decideCrashRelaunch } from '../../core/fleet/crash-relaunch-policy';

export interface MainCrashRecovery {
  /** A start-up that failed (config, SQLite, native ABI, catalog …): log why, then end the process. */
  bootFailed(err: unknown): void;
  /**
   * Crash reports are on: end fatal errors through Crashpad (`process.crash()`) so the collector
   * gets a minidump with the kiosk's annotations; the service manager restarts the kiosk.
   */
  endThroughCrashReporter(): void;
}

/**
 * Uncaught error in main, or a start-up that failed → log it, then end the process so it comes back
 * on Attract. Without a supervisor the app relaunches itself; under systemd (`supervised`) it only
 * exits non-zero, because the unit's `Restart=always` restarts it and a self-spawned copy would be
 * killed with the old process's cgroup. Recent crash times are kept in `<dataDir>/crash-history.json`
 * so a crash loop stops relaunching after a few tries instead of spinning forever. Install this
 * first thing in main.
 */
export function installMainCrashRecovery(
  dataDir: string,
  logger: Logger,
  supervised: boolean,
): MainCrashRecovery {
  const historyFile = path.join(dataDir, 'crash-history.json');
  const readHistory = (): number[] => {
    try {
      const parsed: unknown = JSON.parse(readFileSync(historyFile, 'utf8'));
      return Array.isArray(parsed) ? parsed.filter((t): t is number => typeof t === 'number') : [];
    } catch {
      return [];
    }
  };
  let handling = false;
  let viaCrashReporter = false;
  const fatal = (event: string, err: unknown) => {
    // A second error while shutting down must not start a second relaunch.
    if (handling) return;
    handling = true;
    const decision = decideCrashRelaunch(readHistory(), Date.now());
    const relaunch = decision.relaunch && !supervised && !viaCrashReporter;
    logger.error(event, {
      error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      at: err instanceof Error ? (err.stack?.split('\n')[1]?.trim() ?? null) : null,
      relaunch,
      supervised,
      crashReport: viaCrashReporter,
      crashesInWindow: decision.history.length,
    });
    try {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(historyFile, JSON.stringify(decision.history));
    } catch {
      // Ending the process matters more than the history file.
    }
    if (viaCrashReporter) process.crash();
    if (relaunch) app.relaunch();
    app.exit(1);
  };
  process.on('uncaughtException', (err) => fatal('main.uncaught', err));
  process.on('unhandledRejection', (reason) => {
    logger.error('main.unhandled_rejection', {
      error: reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason),
    });
  });
  return {
    bootFailed: (err) => fatal('main.boot_failed', err),
    endThroughCrashReporter: () => (viaCrashReporter = true),
  };
}
