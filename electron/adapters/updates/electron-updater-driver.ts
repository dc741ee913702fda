import { CancellationToken, type UpdateInfo } from 'builder-util-runtime';
import type { AppUpdater } from 'electron-updater';
import type { Logger } from '../../core/ports/logger-port';
import { isInRollout, rolloutBucket } from '../../core/fleet/staged-rollout';
import type { UpdateDriver } from '../../core/fleet/update-driver-port';

export interface ElectronUpdaterDriverOptions {
  /** Base URL of the generic feed (latest-linux.yml, latest.yml and the files live under it). */
  feedUrl: string;
  channel: string;
  storeId: string;
  kioskId: string;
  logger: Logger;
  /**
   * Starts the silent install and relaunch. In Electron: `updater.quitAndInstall(true, true)`;
   * outside it: `updater.install(true, true)` then quit.
   */
  finishInstall: () => boolean;
  /** Turn off block-map (differential) downloads; tests serve whole files only. */
  disableDifferentialDownload?: boolean;
}

/**
 * Drives an electron-updater `AppUpdater` for the update service: no automatic download or
 * install-on-quit (the service decides when), the staged-rollout decision made per kiosk from its
 * ids instead of a random per-install id, and electron-updater's own log lines routed to ours.
 */
export function createElectronUpdaterDriver(
  updater: AppUpdater,
  opts: ElectronUpdaterDriverOptions,
): UpdateDriver {
  const log = opts.logger;
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  updater.allowDowngrade = false;
  updater.disableDifferentialDownload = opts.disableDifferentialDownload ?? false;
  updater.logger = {
    info: (m?: unknown) => log.debug('updater.lib', { detail: String(m) }),
    warn: (m?: unknown) => log.warn('updater.lib', { detail: String(m) }),
    error: (m?: unknown) => log.debug('updater.lib_error', { detail: String(m).split('\n')[0] ?? '' }),
  };
  updater.isUserWithinRollout = (info: UpdateInfo) => {
    const inside = isInRollout(opts.storeId, opts.kioskId, info.stagingPercentage);
    if (!inside) {
      log.info('update.not_in_rollout', {
        version: info.version,
        stagingPercentage: info.stagingPercentage ?? null,
        bucket: Math.round(rolloutBucket(opts.storeId, opts.kioskId) * 100) / 100,
      });
    }
    return inside;
  };
  updater.setFeedURL({ provider: 'generic', url: opts.feedUrl, channel: opts.channel });
  let token: CancellationToken | null = null;

  return {
    async check() {
      const result = await updater.checkForUpdates();
      if (!result) {
        log.info('update.inactive', {
          reason: 'updater disabled for this build (not packaged or not an AppImage)',
        });
        return null;
      }
      return result.isUpdateAvailable ? { version: result.updateInfo.version } : null;
    },
    async download(onProgress) {
      const listener = (p: { percent: number }) => onProgress(p.percent);
      updater.on('download-progress', listener);
      token = new CancellationToken();
      try {
        await updater.downloadUpdate(token);
      } finally {
        updater.off('download-progress', listener);
        token = null;
      }
    },
    install: () => opts.finishInstall(),
    cancel() {
      token?.cancel();
    },
  };
}
