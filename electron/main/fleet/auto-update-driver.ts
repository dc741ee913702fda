import { app } from 'electron';
import electronUpdater from 'electron-updater';
import type { Logger } from '../../core/ports/logger-port';
import type { UpdateDriver } from '../../core/fleet/update-driver-port';
import { planUpdateInstall, type UpdateInstallKind } from '../../core/fleet/update-install-plan';
import { createElectronUpdaterDriver } from '../../adapters/updates/electron-updater-driver';
import type { UpdateFeed } from '../../services/fleet-services';

/**
 * The update driver inside Electron: electron-updater's own `autoUpdater`, fed from the kiosk
 * config. Pass it to createFleetServices as `createUpdateDriver`; it returns null where the kiosk
 * does not update itself (a .deb install is updated by the package manager).
 *
 * electron-updater is CommonJS and defines `autoUpdater` through a getter that Node's ESM loader
 * cannot see as a named export (electron-builder#7976), so it is read from the default export, and
 * only here: the getter builds the platform's updater on first access.
 */
export function createAutoUpdateDriver(
  kind: UpdateInstallKind,
  supervised: boolean,
): ((feed: UpdateFeed, logger: Logger) => UpdateDriver) | null {
  if (kind === 'package-manager') return null;
  const plan = planUpdateInstall(kind, supervised);
  return (feed, logger) => {
    const { autoUpdater } = electronUpdater;
    return createElectronUpdaterDriver(autoUpdater, {
      feedUrl: feed.url,
      channel: feed.channel,
      storeId: feed.storeId,
      kioskId: feed.kioskId,
      logger,
      finishInstall: () => {
        logger.info('update.installing', { kind, runAfter: plan.runAfter, supervised });
        if (plan.releaseSingleInstanceLock) app.releaseSingleInstanceLock();
        autoUpdater.quitAndInstall(true, plan.runAfter);
        return true;
      },
    });
  };
}
