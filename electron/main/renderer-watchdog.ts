import type { BrowserWindow } from 'electron';
import type { Logger } from '../core/ports/logger-port';

const HANG_GRACE_MS = 10_000;

/**
 * A crashed or hung renderer is reloaded, which lands on Attract with an empty session. Main drops
 * the shopper's data too (`onRecover`), so nothing survives a crash. A hang is ended with
 * `forcefullyCrashRenderer()`, which itself emits `render-process-gone`: recovery runs once, from
 * that event, with the hang as its cause.
 */
export function watchRenderer(
  win: BrowserWindow,
  reload: () => void,
  onRecover: (cause: string) => void,
  logger: Logger,
): void {
  let hangTimer: ReturnType<typeof setTimeout> | null = null;
  let killedForHang = false;
  const recover = (cause: string) => {
    logger.error('renderer.recovering', { cause });
    onRecover(cause);
    reload();
  };
  win.webContents.on('render-process-gone', (_e, details) => {
    const cause = killedForHang ? 'hang' : `gone:${details.reason}`;
    killedForHang = false;
    if (cause === 'hang' || details.reason !== 'clean-exit') recover(cause);
  });
  win.on('unresponsive', () => {
    hangTimer ??= setTimeout(() => {
      hangTimer = null;
      killedForHang = true;
      win.webContents.forcefullyCrashRenderer();
    }, HANG_GRACE_MS);
  });
  win.on('responsive', () => {
    if (hangTimer) clearTimeout(hangTimer);
    hangTimer = null;
  });
}
