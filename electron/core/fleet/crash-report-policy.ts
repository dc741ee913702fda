import type { KioskConfig } from '../config/kiosk-config-schema';

/**
 * Options for Electron's crashReporter (Crashpad): a minidump of a crashed process goes to the
 * configured Breakpad/Crashpad-compatible collector (Sentry's minidump endpoint, Backtrace,
 * Socorro …). The annotations the kiosk adds are exactly store, kiosk and version — nothing about a
 * shopper — on top of the product fields Crashpad itself sends (product name, Electron version,
 * platform, process type).
 */
export interface CrashReporterOptions {
  submitURL: string;
  productName: string;
  uploadToServer: true;
  /** Gzip the upload; every current collector accepts it. */
  compress: true;
  /** Crashes go to the store's collector only, not also to the OS vendor's. */
  ignoreSystemCrashHandler: true;
  /** Windows/macOS: at most one upload an hour, so a crash loop cannot flood the collector. */
  rateLimit: true;
  globalExtra: { store: string; kiosk: string; version: string };
}

/** The crash reporter's options, or null when crash reports are off (the default). */
export function crashReporterOptions(
  config: KioskConfig,
  version: string,
  productName = 'Skin Kiosk',
): CrashReporterOptions | null {
  const submitURL = config.monitoring.crashReportUrl;
  if (!submitURL) return null;
  return {
    submitURL,
    productName,
    uploadToServer: true,
    compress: true,
    ignoreSystemCrashHandler: true,
    rateLimit: true,
    globalExtra: { store: config.storeId, kiosk: config.kioskId, version },
  };
}
