import { app } from 'electron';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../core/ports/logger-port';
import { decideCrashRelaunch } from '../../core/fleet/crash-relaunch-policy';

/**
 * Uncaught error in main → log it, then relaunch the app (it comes back on Attract). Recent crash
 * times are kept in `<dataDir>/crash-history.json` so a crash loop stops after a few tries instead
 * of restarting forever. Install this first thing in main, with the fleet logger.
 */
export function installMainCrashRecovery(dataDir: string, logger: Logger): void {
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
  process.on('uncaughtException', (err) => {
    // A second error while shutting down must not start a second relaunch.
    if (handling) return;
    handling = true;
    const decision = decideCrashRelaunch(readHistory(), Date.now());
    logger.error('main.uncaught', {
      error: `${err.name}: ${err.message}`,
      at: err.stack?.split('\n')[1]?.trim() ?? null,
      relaunch: decision.relaunch,
      crashesInWindow: decision.history.length,
    });
    try {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(historyFile, JSON.stringify(decision.history));
    } catch {
      // The relaunch matters more than the history file.
    }
    if (decision.relaunch) app.relaunch();
    app.exit(1);
  });
  process.on('unhandledRejection', (reason) => {
    logger.error('main.unhandled_rejection', {
      error: reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason),
    });
  });
}
