/**
 * Composition root of the Electron kiosk. Builds the shared runtime (the same one the preview host
 * uses) and adds only what needs Electron: the window, the app:// protocol, IPC, permissions,
 * power, crash recovery.
 */
import { app, session } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKioskRuntime, type KioskRuntime } from '../app/kiosk-runtime';
import { loadKioskConfig, needsSetupMessage, resolveConfigPath } from '../adapters/fleet/kiosk-config-store';
import { createConsoleLogger } from '../adapters/logging/console-logger-adapter';
import { appOrigin } from './app-origin';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { applyPermissionPolicy, denyNavigationEverywhere } from './security-policy';
import { forwardEvents, registerIpc } from './ipc-registration';
import { createKioskWindow } from './kiosk-window';
import { blockKioskEscapes } from './kiosk-shortcuts';
import { watchRenderer } from './renderer-watchdog';
import { createDisplayKeepAwake } from './display-keep-awake';

const here = path.dirname(fileURLToPath(import.meta.url));
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const production = app.isPackaged && !process.env.SKINKIOSK_WINDOWED;
const origin = appOrigin(devServerUrl);
const logger = createConsoleLogger('main');

registerAppScheme();
// Lets tests and side-by-side installs keep their data apart from the kiosk's own.
if (process.env.SKINKIOSK_USER_DATA) app.setPath('userData', process.env.SKINKIOSK_USER_DATA);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      logger.error('main.start_failed', { error: err instanceof Error ? err.message : String(err) });
      app.exit(1);
    });
}

async function start(): Promise<void> {
  const resourcesDir = app.isPackaged ? process.resourcesPath : path.resolve(here, '../..');
  const paths = {
    dataDir: app.getPath('userData'),
    resourcesDir: path.join(resourcesDir, 'resources'),
    modelDir: path.join(resourcesDir, 'model'),
  };
  const loaded = await loadKioskConfig(resolveConfigPath(paths.dataDir));
  const needsSetup = needsSetupMessage(loaded);
  if (needsSetup) logger.warn('config.needs_setup');
  const runtime: KioskRuntime = await createKioskRuntime({
    config: loaded.config,
    needsSetup,
    paths,
    version: app.getVersion(),
    logger,
    keepAwake: createDisplayKeepAwake(),
  });

  denyNavigationEverywhere(origin, logger);
  applyPermissionPolicy(session.defaultSession, origin, logger);
  serveAppProtocol(path.resolve(here, '../renderer'), (p) => runtime.resolveProductImage(p));
  registerIpc(runtime, origin, logger);

  const win = createKioskWindow({ production, preloadPath: path.join(here, '../preload/index.cjs') });
  if (production) blockKioskEscapes(win.webContents);
  forwardEvents(runtime, () => win.webContents);
  const load = () => void win.loadURL(devServerUrl ?? `${origin}/index.html`);
  watchRenderer(win, load, () => runtime.session.end('error'), logger);
  load();

  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('before-quit', () => void runtime.dispose());
}
