import { app, BrowserWindow } from 'electron';
import path from 'node:path';

export interface KioskWindowOptions {
  production: boolean;
  preloadPath: string;
  iconPath?: string;
}

/**
 * The single kiosk window: full-screen kiosk mode in production, a normal window in development.
 * Every web preference on Electron's security checklist is set explicitly.
 */
export function createKioskWindow(opts: KioskWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1080,
    height: 1920,
    kiosk: opts.production,
    fullscreen: opts.production,
    autoHideMenuBar: true,
    backgroundColor: '#fbfaf7',
    show: false,
    ...(opts.iconPath ? { icon: path.resolve(opts.iconPath) } : {}),
    webPreferences: {
      preload: opts.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !opts.production,
    },
  });
  win.once('ready-to-show', () => win.show());
  if (opts.production) {
    // Alt+F4 and window-manager close requests must not end the kiosk; a real quit (update
    // install, service stop) goes through before-quit first and is let through.
    let quitting = false;
    app.on('before-quit', () => (quitting = true));
    win.on('close', (event) => {
      if (!quitting) event.preventDefault();
    });
  }
  return win;
}
