import { describe, expect, it, vi } from 'vitest';

const created: {
  options: Record<string, unknown>;
  handlers: Map<string, (e: { preventDefault(): void }) => void>;
}[] = [];
const appHandlers = new Map<string, () => void>();
vi.mock('electron', () => ({
  app: { on: (name: string, fn: () => void) => appHandlers.set(name, fn) },
  BrowserWindow: class {
    handlers = new Map<string, (e: { preventDefault(): void }) => void>();
    constructor(options: Record<string, unknown>) {
      created.push({ options, handlers: this.handlers });
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
    createKioskWindow({ production: true, preloadPath: '/app/preload.cjs' });
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
  });

  it('is a full-screen kiosk in production that ignores close requests until the app quits', () => {
    createKioskWindow({ production: true, preloadPath: 'p' });
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
    createKioskWindow({ production: false, preloadPath: 'p' });
    const win = created.at(-1);
    expect(win?.options).toMatchObject({ kiosk: false, fullscreen: false });
    expect((win?.options.webPreferences as Record<string, unknown>).devTools).toBe(true);
    expect(win?.handlers.has('close')).toBe(false);
  });
});
