/**
 * How an installed kiosk takes an update. Only self-contained formats update in place: the
 * AppImage replaces its own file (no root needed) and NSIS runs its per-machine installer. A .deb
 * would need `pkexec`/`sudo dpkg -i`, which the shipped systemd units forbid (`NoNewPrivileges=yes`)
 * and which an unattended kiosk must never prompt for, so .deb installs are updated by apt.
 */
export type UpdateInstallKind = 'appimage' | 'nsis' | 'package-manager';

export function updateInstallKind(
  platform: string,
  env: Readonly<Record<string, string | undefined>>,
): UpdateInstallKind {
  if (platform === 'win32') return 'nsis';
  if (platform === 'linux' && env.APPIMAGE) return 'appimage';
  return 'package-manager';
}

/** True when a service manager restarts the kiosk whenever it exits (systemd sets INVOCATION_ID). */
export function isSupervised(env: Readonly<Record<string, string | undefined>>): boolean {
  return Boolean(env.INVOCATION_ID);
}

export interface UpdateInstallPlan {
  /** Ask the updater to start the new version itself after installing. */
  runAfter: boolean;
  /** Give up the single-instance lock first, or the new version would find it held and quit. */
  releaseSingleInstanceLock: boolean;
}

/**
 * Under systemd the old process must only exit: the unit's `Restart=always` starts the new file,
 * and a copy the updater spawned would be killed with the old process's cgroup anyway. Without a
 * supervisor the updater starts the new version, which needs the lock released before it runs.
 */
export function planUpdateInstall(kind: UpdateInstallKind, supervised: boolean): UpdateInstallPlan {
  if (kind === 'appimage' && supervised) return { runAfter: false, releaseSingleInstanceLock: false };
  return { runAfter: true, releaseSingleInstanceLock: true };
}
