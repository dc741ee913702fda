import { app, BrowserWindow, type Session } from 'electron';
import path from 'node:path';

export interface KioskWindowOptions {
  /** Full-screen kiosk mode (a packaged build that was not asked to run windowed). */
  kiosk: boolean;
  /** DevTools only for a build run from source: a packaged kiosk never opens them. */
  devTools: boolean;
  /** The session whose protocol handler, permission policy and CSP were set up for the app. */
  session: Session;
  preloadPath: string;
  iconPath?: string;
}

/**
 * The single kiosk window: full-screen kiosk mode in production, a normal window in development.
 * Every web preference on Electron's security checklist is set explicitly, and the session is
 * named rather than implied so the window cannot end up on one without the app's policies.
 */
export function createKioskWindow(opts: KioskWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1080,
    height: 1920,
    kiosk: opts.kiosk,
    fullscreen: opts.kiosk,
    autoHideMenuBar: true,
    backgroundColor: '#fbfaf7',
    show: false,
    ...(opts.iconPath ? { icon: path.resolve(opts.iconPath) } : {}),
    webPreferences: {
      session: opts.session,
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
      devTools: opts.devTools,
    },
  });
  win.once('ready-to-show', () => win.show());
  // Pinch-to-zoom on the touchscreen would leave the next shopper a magnified, half-hidden screen;
  // Chromium also remembers a zoom level per origin, so every load starts back at 100 %.
  void win.webContents.setVisualZoomLevelLimits(1, 1);
  win.webContents.on('did-finish-load', () => win.webContents.setZoomLevel(0));
  if (opts.kiosk) {
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
