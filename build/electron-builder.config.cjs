'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: electron-builder loads this file with require() */
/**
 * electron-builder configuration: `npm run dist` (see docs/operations.md).
 * Linux: AppImage (self-updating) and deb; Windows: NSIS one-click, per-machine.
 */
const { afterPack } = require('./electron-fuses.cjs');

/** Native modules must live outside app.asar: the OS loader cannot dlopen from inside an archive. */
const NATIVE_UNPACK = [
  '**/node_modules/onnxruntime-node/**',
  '**/node_modules/better-sqlite3/**',
  '**/node_modules/sharp/**',
  '**/node_modules/@img/**',
];

/**
 * Read-only data shipped beside app.asar under `process.resourcesPath`, laid out like the source
 * tree (`model/`, `resources/…`) so KioskPaths is built the same way packaged and from a checkout:
 * resourcesDir = <root>/resources, modelDir = <root>/model, root = process.resourcesPath or the repo.
 */
const EXTRA_RESOURCES = [
  { from: 'model', to: 'model', filter: ['*.onnx', 'manifest.json', 'MODEL_CARD.md'] },
  // Only the signed demo feed and its key: the generator scripts and CSV sources stay out.
  { from: 'resources/catalog', to: 'resources/catalog', filter: ['feed/**/*', 'demo-catalog-public.pem'] },
  { from: 'resources/locales', to: 'resources/locales', filter: ['**/*'] },
  { from: 'resources/results-page', to: 'resources/results-page', filter: ['**/*'] },
];

/** ONNX Runtime ships binaries for every platform; each package keeps only its own (~150 MB less). */
const ortOnly = (platform) =>
  ['darwin', 'linux', 'win32']
    .filter((p) => p !== platform)
    .map((p) => `!**/node_modules/onnxruntime-node/bin/napi-v*/${p}/**`);

/**
 * Kiosks find updates on a generic host (static server, S3 bucket, CDN). The URL and channel that
 * count are the kiosk config's `updates.url`/`updates.channel`, set at run time; this entry makes
 * electron-builder write latest-linux.yml / latest.yml and app-update.yml. SKINKIOSK_UPDATE_URL sets
 * the default baked into app-update.yml.
 */
const PUBLISH = [
  {
    provider: 'generic',
    url: process.env.SKINKIOSK_UPDATE_URL || 'https://updates.invalid/skin-kiosk/',
    channel: 'latest',
  },
];

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'com.skinkiosk.kiosk',
  productName: 'Skin Kiosk',
  copyright: 'Copyright © Skin Kiosk',
  directories: { output: 'dist', buildResources: 'build' },
  files: [
    'out/**/*',
    'package.json',
    '!**/*.map',
    '!**/node_modules/**/{test,tests,docs,example,examples}/**',
    // tsx (and the esbuild it runs on) is a dependency only so the `skinkiosk` command works from an
    // installed package; the kiosk app runs built JavaScript and never loads it.
    '!**/node_modules/{tsx,esbuild,@esbuild,get-tsconfig,resolve-pkg-maps}/**',
  ],
  asar: true,
  asarUnpack: NATIVE_UNPACK,
  extraResources: EXTRA_RESOURCES,
  // better-sqlite3 is rebuilt for Electron's ABI while packing (onnxruntime-node and sharp are N-API).
  npmRebuild: true,
  afterPack,
  publish: PUBLISH,
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Utility',
    icon: 'build/icons',
    executableName: 'skin-kiosk',
    synopsis: 'In-store skin analysis kiosk',
    files: ortOnly('linux'),
  },
  deb: {
    // Kiosk PCs run without a desktop user session manager picking dependencies for them.
    depends: ['libgtk-3-0', 'libnss3', 'libxss1', 'libasound2', 'libgbm1'],
  },
  appImage: { artifactName: 'SkinKiosk-${version}-${arch}.AppImage' },
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'build/icon.ico',
    files: ortOnly('win32'),
  },
  nsis: {
    oneClick: true,
    perMachine: true,
    allowElevation: true,
    runAfterFinish: true,
    createDesktopShortcut: false,
    deleteAppDataOnUninstall: false,
    artifactName: 'SkinKiosk-Setup-${version}.${ext}',
  },
};
