import { describe, expect, it } from 'vitest';
import {
  isSupervised,
  planUpdateInstall,
  updateInstallKind,
} from '../../../../electron/core/fleet/update-install-plan';

describe('update install plan', () => {
  it('updates in place only where the format allows it without root', () => {
    expect(updateInstallKind('linux', { APPIMAGE: '/opt/skin-kiosk/SkinKiosk.AppImage' })).toBe('appimage');
    expect(updateInstallKind('win32', {})).toBe('nsis');
    // A .deb (or any other Linux install) would need pkexec/sudo, which NoNewPrivileges forbids.
    expect(updateInstallKind('linux', {})).toBe('package-manager');
    expect(updateInstallKind('darwin', {})).toBe('package-manager');
  });

  it('knows when systemd restarts the kiosk', () => {
    expect(isSupervised({ INVOCATION_ID: '5f1c…' })).toBe(true);
    expect(isSupervised({})).toBe(false);
  });

  it('under systemd an AppImage only exits and keeps its lock: the unit starts the new file', () => {
    expect(planUpdateInstall('appimage', true)).toEqual({
      runAfter: false,
      releaseSingleInstanceLock: false,
    });
  });

  it('without a supervisor the new version is started, after the single-instance lock is released', () => {
    expect(planUpdateInstall('appimage', false)).toEqual({ runAfter: true, releaseSingleInstanceLock: true });
    expect(planUpdateInstall('nsis', false)).toEqual({ runAfter: true, releaseSingleInstanceLock: true });
  });
});
