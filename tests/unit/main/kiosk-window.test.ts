import { describe, expect, it, vi } from 'vitest';

const created: {
  options: Record<string, unknown>;
  handlers: Map<string, (e: { preventDefault(): void }) => void>;
  webContents: { zoomLimits: [number, number] | null };
}[] = [];
const kioskSession = { id: 'kiosk-session' };
const appHandlers = new Map<string, () => void>();
vi.mock('electron', () => ({
  app: { on: (name: string, fn: () => void) => appHandlers.set(name, fn) },
  BrowserWindow: class {
    handlers = new Map<string, (e: { preventDefault(): void }) => void>();
    webContents = {
      zoomLimits: null as [number, number] | null,
      setVisualZoomLevelLimits(min: number, max: number) {
        this.zoomLimits = [min, max];
        return Promise.resolve();
      },
      on: vi.fn(),
    };
    constructor(options: Record<string, unknown>) {
      created.push({ options, handlers: this.handlers, webContents: this.webContents });
    }
    once() {}
    on(name: string, fn: (e: { preventDefault(): void }) => void) {
      this.handlers.set(name, fn);
    }
  },
}));
const { createKioskWindow } = await import('../../../electron/main/kiosk-window');

describe('kiosk window', () => {
  it('sets every web preference of the Electron security checklist', () => {
    createKioskWindow({
      kiosk: true,
      devTools: false,
      session: kioskSession as never,
      preloadPath: '/app/preload.cjs',
    });
    const prefs = created.at(-1)?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      preload: '/app/preload.cjs',
    });
    // The window is created on the session the app's protocol and permission policy were set on.
    expect(prefs.session).toBe(kioskSession);
    // Pinch zoom is locked so no shopper leaves the screen magnified for the next one.
    expect(created.at(-1)?.webContents.zoomLimits).toEqual([1, 1]);
  });

  it('is a full-screen kiosk in production that ignores close requests until the app quits', () => {
    createKioskWindow({ kiosk: true, devTools: false, session: kioskSession as never, preloadPath: 'p' });
    const win = created.at(-1);
    expect(win?.options).toMatchObject({ kiosk: true, fullscreen: true });
    const event = { preventDefault: vi.fn() };
    win?.handlers.get('close')?.(event);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    appHandlers.get('before-quit')?.();
    const later = { preventDefault: vi.fn() };
    win?.handlers.get('close')?.(later);
    expect(later.preventDefault).not.toHaveBeenCalled();
  });

  it('is a normal window with devtools in development', () => {
    createKioskWindow({ kiosk: false, devTools: true, session: kioskSession as never, preloadPath: 'p' });
    const win = created.at(-1);
    expect(win?.options).toMatchObject({ kiosk: false, fullscreen: false });
    expect((win?.options.webPreferences as Record<string, unknown>).devTools).toBe(true);
    expect(win?.handlers.has('close')).toBe(false);
  });
});
