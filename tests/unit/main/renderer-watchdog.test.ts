import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchRenderer } from '../../../electron/main/renderer-watchdog';
import { silentLogger } from '../../../electron/core/ports/logger-port';

/** A window whose forced crash emits `render-process-gone`, as Electron's does. */
function fakeWindow() {
  const webContents = Object.assign(new EventEmitter(), {
    forcefullyCrashRenderer: vi.fn(() =>
      webContents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 }),
    ),
  });
  return Object.assign(new EventEmitter(), { webContents });
}

describe('renderer watchdog', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function watch() {
    const win = fakeWindow();
    const reload = vi.fn();
    const onRecover = vi.fn();
    watchRenderer(win as never, reload, onRecover, silentLogger);
    return { win, reload, onRecover };
  }

  it('a hang past the grace time kills the renderer and recovers exactly once, as a hang', () => {
    const { win, reload, onRecover } = watch();
    win.emit('unresponsive');
    vi.advanceTimersByTime(10_000);
    expect(win.webContents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(onRecover).toHaveBeenCalledTimes(1);
    expect(onRecover).toHaveBeenCalledWith('hang');
  });

  it('a renderer that answers again within the grace time is left alone', () => {
    const { win, reload } = watch();
    win.emit('unresponsive');
    vi.advanceTimersByTime(5_000);
    win.emit('responsive');
    vi.advanceTimersByTime(10_000);
    expect(win.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
  });

  it('a crash recovers once with its reason; a clean exit does not reload', () => {
    const { win, reload, onRecover } = watch();
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    win.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(onRecover).toHaveBeenCalledTimes(1);
    expect(onRecover).toHaveBeenCalledWith('gone:crashed');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('a later crash after a hang is reported as a crash, not as another hang', () => {
    const { win, onRecover } = watch();
    win.emit('unresponsive');
    vi.advanceTimersByTime(10_000);
    win.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    expect(onRecover.mock.calls.map((c) => c[0])).toEqual(['hang', 'gone:oom']);
  });
});
