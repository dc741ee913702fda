import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppImageUpdater } from 'electron-updater';
import type { UpdateDriver } from '../../../electron/core/fleet/update-driver-port';
import {
  createElectronUpdaterDriver,
  type ElectronUpdaterDriverOptions,
} from '../../../electron/adapters/updates/electron-updater-driver';
import { NodeHttpExecutor } from './node-http-executor';

/**
 * electron-updater's view of "the app", taken from its public constructor: the interface itself
 * lives in a private module (`out/AppAdapter`) that is not part of the package's API.
 */
type AppAdapter = NonNullable<ConstructorParameters<typeof AppImageUpdater>[1]>;

/** Folder name for downloaded updates under the cache dir, as electron-builder names it. */
export const UPDATER_CACHE_DIR_NAME = 'skin-kiosk-updater';

export interface NodeAppAdapterOptions {
  version: string;
  name: string;
  /** Writable: the staging id and the generated app-update.yml live here. */
  dataDir: string;
  /** Where downloads are kept (electron-updater's baseCachePath). */
  cacheDir: string;
  onQuit?: () => void;
  onRelaunch?: () => void;
}

/**
 * electron-updater's view of "the app" without Electron. It reads `updaterCacheDirName` from
 * app-update.yml even when the feed is set in code, so a minimal one (JSON is valid YAML) is
 * written next to the data.
 */
export class NodeAppAdapter implements AppAdapter {
  readonly isPackaged = true;
  readonly appUpdateConfigPath: string;
  readonly userDataPath: string;
  readonly baseCachePath: string;
  private quitHandler: ((exitCode: number) => void) | null = null;

  constructor(private readonly opts: NodeAppAdapterOptions) {
    this.userDataPath = opts.dataDir;
    this.baseCachePath = opts.cacheDir;
    const dir = path.join(opts.dataDir, 'updater');
    mkdirSync(dir, { recursive: true });
    this.appUpdateConfigPath = path.join(dir, 'app-update.yml');
    writeFileSync(
      this.appUpdateConfigPath,
      JSON.stringify({
        provider: 'generic',
        url: 'http://127.0.0.1/',
        updaterCacheDirName: UPDATER_CACHE_DIR_NAME,
      }),
    );
  }

  get version(): string {
    return this.opts.version;
  }
  get name(): string {
    return this.opts.name;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  relaunch(): void {
    this.opts.onRelaunch?.();
  }
  quit(): void {
    this.quitHandler?.(0);
    this.opts.onQuit?.();
  }
  onQuit(handler: (exitCode: number) => void): void {
    this.quitHandler = handler;
  }
}

/**
 * An AppImage updater that runs under plain Node: electron-updater's own class with the app and
 * the HTTP layer swapped. Used by the integration tests against a loopback update server, and
 * usable by tools that need to exercise a feed without starting the kiosk.
 */
function createNodeAppImageUpdater(app: NodeAppAdapter): AppImageUpdater {
  const updater = new AppImageUpdater(null, app);
  // Without an app from Electron the updater has no HTTP executor; the field is not in its typings.
  (updater as unknown as { httpExecutor: NodeHttpExecutor }).httpExecutor = new NodeHttpExecutor();
  return updater;
}

/**
 * The whole Node-side updater for a feed: app adapter, AppImage updater and driver. Installing runs
 * electron-updater's own AppImage install (replace the file, start the new one) and then quits.
 */
export function createNodeUpdateDriver(
  app: NodeAppAdapter,
  feed: Omit<ElectronUpdaterDriverOptions, 'finishInstall' | 'disableDifferentialDownload'>,
): { driver: UpdateDriver; updater: AppImageUpdater } {
  const updater = createNodeAppImageUpdater(app);
  const driver = createElectronUpdaterDriver(updater, {
    ...feed,
    // Whole-file downloads: block maps need an AppImage built by electron-builder to diff against.
    disableDifferentialDownload: true,
    finishInstall: () => {
      const started = updater.install(true, true);
      if (started) app.quit();
      return started;
    },
  });
  return { driver, updater };
}
