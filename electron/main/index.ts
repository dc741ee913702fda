/**
 * Composition root of the Electron kiosk. Builds the shared runtime (the same one the preview host
 * uses) and adds only what needs Electron: the window, the app:// protocol, IPC, permissions,
 * power, secrets, updates, crash recovery.
 */
import { app, Menu, session } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKioskRuntime } from '../services/kiosk-runtime';
import { loadKioskConfig, needsSetupMessage, resolveConfigPath } from '../adapters/config/kiosk-config-store';
import { paymentApiKey, sealConfigSecrets } from '../adapters/config/secret-sealer';
import { createConsoleLogger } from '../adapters/logging/console-logger-adapter';
import { isSupervised, updateInstallKind } from '../core/fleet/update-install-plan';
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
const packaged = app.isPackaged;
// A packaged kiosk loads only its bundled renderer: an inherited dev-server URL must never become
// the trusted origin that IPC, permissions and navigation are checked against.
const devServerUrl = packaged ? undefined : process.env.ELECTRON_RENDERER_URL;
// IT may run a packaged build windowed on a desktop; that never brings back DevTools or the escapes.
const kioskMode = packaged && !process.env.SKINKIOSK_WINDOWED;
const origin = appOrigin(devServerUrl);
const supervised = isSupervised(process.env);
// Until the runtime's rotating log exists, start-up problems go to stderr (journald under systemd).
const bootLogger = createConsoleLogger('main');

registerAppScheme();
// Lets tests and side-by-side installs keep their data apart from the kiosk's own.
if (process.env.SKINKIOSK_USER_DATA) app.setPath('userData', process.env.SKINKIOSK_USER_DATA);
const crashRecovery = installMainCrashRecovery(app.getPath('userData'), bootLogger, supervised);
// Without this, one Alt press shows Electron's default menu (File ▸ Quit) even in kiosk mode.
Menu.setApplicationMenu(null);

// An AppImage update runs the new file once with APPIMAGE_EXIT_AFTER_INSTALL to finish installing;
// that run must not become a second kiosk (see update-install-plan.ts).
if (process.env.APPIMAGE_EXIT_AFTER_INSTALL === 'true' || !app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => crashRecovery.bootFailed(err));
}

async function start(): Promise<void> {
  const installDir = packaged ? process.resourcesPath : path.resolve(here, '../..');
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
  if (crashReports) crashRecovery.endThroughCrashReporter();

  const installKind = updateInstallKind(process.platform, process.env);
  const runtime = await createKioskRuntime({
    config,
    needsSetup,
    configFound: loaded.kind !== 'missing',
    packaged: app.isPackaged,
    paths,
    version: app.getVersion(),
    keepAwake: createDisplayKeepAwake(),
    paymentApiKey: apiKey,
    createUpdateDriver: packaged ? createAutoUpdateDriver(installKind, supervised) : null,
    processMemory: appProcessMemory,
    secretSealer: sealer,
    crashReports,
  });
  const logger = runtime.logger;
  if (packaged && installKind === 'package-manager') logger.info('update.package_manager', { installKind });

  // One session for everything the window loads: the protocol, the permission policy and the CSP
  // (sent by the protocol handler) are set on it, and the window is created on it by name.
  const kioskSession = session.defaultSession;
  denyNavigationEverywhere(origin, logger);
  applyPermissionPolicy(kioskSession, origin, logger);
  serveAppProtocol(kioskSession, path.resolve(here, '../renderer'), (p) => runtime.resolveProductImage(p));
  registerIpc(runtime, origin, logger);

  const win = createKioskWindow({
    kiosk: kioskMode,
    devTools: !packaged,
    session: kioskSession,
    preloadPath: path.join(here, '../preload/index.cjs'),
  });
  if (packaged) blockKioskEscapes(win.webContents);
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
