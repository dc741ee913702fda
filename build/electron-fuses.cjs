'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: electron-builder loads this file with require() */
/**
 * Electron fuses for production builds, flipped in electron-builder's afterPack hook (before code
 * signing, so the OS signature then protects them). The set is plain data so tests can check it.
 *
 * - RunAsNode off: ELECTRON_RUN_AS_NODE cannot turn the kiosk binary into a general Node runtime.
 * - NODE_OPTIONS and --inspect off: nobody can inject code or attach a debugger from a shell.
 * - Only load the app from app.asar, with embedded asar integrity on (checked on Windows and macOS;
 *   Linux has no integrity check yet, so there the package manager / AppImage signature is the guard).
 * - Cookie encryption on: the session store is encrypted with the OS keychain key.
 * - No extra privileges for file://: the kiosk serves itself from app://, so file pages get nothing
 *   (no fetch of other files, no service workers) should anything ever navigate there.
 */
const path = require('node:path');

/** Fuse name (as in @electron/fuses' FuseV1Options) → wanted state. */
const KIOSK_FUSES = Object.freeze({
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  OnlyLoadAppFromAsar: true,
  EnableEmbeddedAsarIntegrityValidation: true,
  EnableCookieEncryption: true,
  GrantFileProtocolExtraPrivileges: false,
});

/**
 * The config object `flipFuses` takes. `strictlyRequireAllFuses` stays off because the wire has
 * fuses we leave at Electron's default (the browser-process V8 snapshot).
 * @param {typeof import('@electron/fuses')} fuses
 */
function toFuseConfig(fuses) {
  const config = { version: fuses.FuseVersion.V1 };
  for (const [name, enabled] of Object.entries(KIOSK_FUSES)) {
    const index = fuses.FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`Unknown Electron fuse "${name}"`);
    config[index] = enabled;
  }
  return config;
}

/**
 * Path of the Electron executable electron-builder just packed, named as it names it.
 * @param {{ appOutDir: string, electronPlatformName: string, packager: { executableName?: string, appInfo: { productFilename: string } } }} context
 */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'linux':
      return path.join(appOutDir, packager.executableName);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    default:
      throw new Error(`No fuse target for platform "${electronPlatformName}"`);
  }
}

/** electron-builder afterPack hook. */
async function afterPack(context) {
  const fuses = require('@electron/fuses');
  const target = electronBinaryPath(context);
  await fuses.flipFuses(target, {
    ...toFuseConfig(fuses),
    // Apple-silicon builds (builder-util's Arch.arm64 is 3) need a fresh ad-hoc signature after flipping.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3,
  });
}

module.exports = { KIOSK_FUSES, toFuseConfig, electronBinaryPath, afterPack };
