/**
 * Composition root of the Electron kiosk. Builds the shared runtime (the same one the preview host
 * uses) and adds only what needs Electron: the window, the app:// protocol, IPC, permissions,
 * power, secrets, updates, crash recovery.
 */
import { app, session } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKioskRuntime } from '../app/kiosk-runtime';
import { loadKioskConfig, needsSetupMessage, resolveConfigPath } from '../adapters/fleet/kiosk-config-store';
import { paymentApiKey, sealConfigSecrets } from '../adapters/fleet/secret-sealer';
import { createConsoleLogger } from '../adapters/logging/console-logger-adapter';
import { appOrigin } from './app-origin';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { applyPermissionPolicy, denyNavigationEverywhere } from './security-policy';
import { forwardEvents, registerIpc } from './ipc-registration';
import { createKioskWindow } from './kiosk-window';
import { blockKioskEscapes } from './kiosk-shortcuts';
import { watchRenderer } from './renderer-watchdog';
import { createDisplayKeepAwake } from './display-keep-awake';
import { installMainCrashRecovery } from './fleet/main-crash-recovery';
import { createSafeStorageSealer } from './fleet/safe-storage-secrets';
import { createAutoUpdateDriver } from './fleet/auto-update-driver';
import { appProcessMemory } from './fleet/app-process-memory';
import { startCrashReporting } from './fleet/crash-reporting';

const here = path.dirname(fileURLToPath(import.meta.url));
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const production = app.isPackaged && !process.env.SKINKIOSK_WINDOWED;
const origin = appOrigin(devServerUrl);
// Until the runtime's rotating log exists, start-up problems go to stderr (journald under systemd).
const bootLogger = createConsoleLogger('main');

registerAppScheme();
// Lets tests and side-by-side installs keep their data apart from the kiosk's own.
if (process.env.SKINKIOSK_USER_DATA) app.setPath('userData', process.env.SKINKIOSK_USER_DATA);
installMainCrashRecovery(app.getPath('userData'), bootLogger);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  const installDir = app.isPackaged ? process.resourcesPath : path.resolve(here, '../..');
  const paths = {
    dataDir: app.getPath('userData'),
    resourcesDir: path.join(installDir, 'resources'),
    modelDir: path.join(installDir, 'model'),
  };
  const configFile = resolveConfigPath(paths.dataDir);
  const loaded = await loadKioskConfig(configFile);
  let needsSetup = needsSetupMessage(loaded);
  const sealer = createSafeStorageSealer(loaded.config);
  const config = needsSetup
    ? loaded.config
    : await sealConfigSecrets(configFile, loaded.config, sealer, bootLogger);
  let apiKey: string | null = null;
  try {
    apiKey = paymentApiKey(config, sealer);
  } catch (err) {
    needsSetup = (err as Error).message;
  }
  if (needsSetup) bootLogger.warn('config.needs_setup');
  const crashReports = startCrashReporting(config, bootLogger);

  const runtime = await createKioskRuntime({
    config,
    needsSetup,
    paths,
    version: app.getVersion(),
    keepAwake: createDisplayKeepAwake(),
    paymentApiKey: apiKey,
    createUpdateDriver: app.isPackaged ? createAutoUpdateDriver : null,
    processMemory: appProcessMemory,
    secretSealer: sealer,
    crashReports,
  });
  const logger = runtime.logger;

  denyNavigationEverywhere(origin, logger);
  applyPermissionPolicy(session.defaultSession, origin, logger);
  serveAppProtocol(path.resolve(here, '../renderer'), (p) => runtime.resolveProductImage(p));
  registerIpc(runtime, origin, logger);

  const win = createKioskWindow({ production, preloadPath: path.join(here, '../preload/index.cjs') });
  if (production) blockKioskEscapes(win.webContents);
  forwardEvents(runtime, () => win.webContents);
  const load = () => void win.loadURL(devServerUrl ?? `${origin}/index.html`);
  watchRenderer(
    win,
    load,
    (cause) => {
      runtime.rendererGone(cause);
      runtime.session.end('error');
    },
    logger,
  );
  load();

  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('before-quit', () => void runtime.dispose());
}
