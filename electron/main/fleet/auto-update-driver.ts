import { autoUpdater } from 'electron-updater';
import type { Logger } from '../../core/ports/logger-port';
import type { UpdateDriver } from '../../core/fleet/update-driver-port';
import { createElectronUpdaterDriver } from '../../adapters/fleet/electron-updater-driver';
import type { UpdateFeed } from '../../app/fleet-services';

/**
 * The update driver inside Electron: electron-updater's own `autoUpdater` (AppImage, deb or NSIS,
 * picked by how the kiosk was installed), fed from the kiosk config. Pass it to
 * createFleetServices as `createUpdateDriver`.
 */
export function createAutoUpdateDriver(feed: UpdateFeed, logger: Logger): UpdateDriver {
  return createElectronUpdaterDriver(autoUpdater, {
    feedUrl: feed.url,
    channel: feed.channel,
    storeId: feed.storeId,
    kioskId: feed.kioskId,
    logger,
    finishInstall: () => {
      // Silent install, then start the new version: the kiosk comes back on Attract by itself.
      autoUpdater.quitAndInstall(true, true);
      return true;
    },
  });
}
