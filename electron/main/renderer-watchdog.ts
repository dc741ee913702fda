import type { BrowserWindow } from 'electron';
import type { Logger } from '../core/ports/logger-port';

const HANG_GRACE_MS = 10_000;

/**
 * A crashed or hung renderer is reloaded, which lands on Attract with an empty session. Main drops
 * the shopper's data too (`onRecover`), so nothing survives a crash.
 */
export function watchRenderer(
  win: BrowserWindow,
  reload: () => void,
  onRecover: (cause: string) => void,
  logger: Logger,
): void {
  let hangTimer: ReturnType<typeof setTimeout> | null = null;
  const recover = (cause: string) => {
    logger.error('renderer.recovering', { cause });
    onRecover(cause);
    reload();
  };
  win.webContents.on('render-process-gone', (_e, details) => {
    if (details.reason !== 'clean-exit') recover(`gone:${details.reason}`);
  });
  win.on('unresponsive', () => {
    hangTimer ??= setTimeout(() => {
      hangTimer = null;
      win.webContents.forcefullyCrashRenderer();
      recover('hang');
    }, HANG_GRACE_MS);
  });
  win.on('responsive', () => {
    if (hangTimer) clearTimeout(hangTimer);
    hangTimer = null;
  });
}
