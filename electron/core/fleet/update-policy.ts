import { isInsideWindow, minutesUntilWindowOpens, type MaintenanceWindow } from './maintenance-window';

/** Retry timing after a failed check or download: 1, 2, 4 … minutes, never past the cap. */
export const UPDATE_BACKOFF = { baseMs: 60_000, factor: 2, maxMs: 6 * 60 * 60_000 } as const;

/** How long the kiosk must have been free of shoppers before it may restart to install. */
export const INSTALL_QUIET_MS = 2 * 60_000;

/** How soon to look again while a shopper is using the kiosk. */
export const SESSION_RECHECK_MS = 60_000;

/**
 * Delay before the next check. After `failures` consecutive failures it backs off exponentially,
 * but never waits longer than the normal interval: a kiosk that heals should not stay behind.
 */
export function nextCheckDelayMs(failures: number, checkIntervalMs: number): number {
  if (failures <= 0) return checkIntervalMs;
  const backoff = UPDATE_BACKOFF.baseMs * UPDATE_BACKOFF.factor ** (failures - 1);
  return Math.min(backoff, UPDATE_BACKOFF.maxMs, checkIntervalMs);
}

export interface InstallContext {
  /** An update has been downloaded and verified. */
  downloaded: boolean;
  window: MaintenanceWindow;
  /** Local minute of the day now (see localMinuteOfDay). */
  minuteOfDay: number;
  sessionActive: boolean;
  /** Milliseconds since the last shopper session ended; null when none has run since start. */
  msSinceLastSession: number | null;
}

export type InstallDecision =
  | { install: true }
  | {
      install: false;
      reason: 'nothing_downloaded' | 'outside_window' | 'session_active' | 'recent_session';
      retryInMs: number | null;
    };

/**
 * Installing restarts the app, so it happens only inside the maintenance window, never while a
 * shopper is using the kiosk, and not within a couple of minutes of the last session (someone may
 * still be standing there reading the QR codes).
 */
export function decideInstall(ctx: InstallContext): InstallDecision {
  if (!ctx.downloaded) return { install: false, reason: 'nothing_downloaded', retryInMs: null };
  if (!isInsideWindow(ctx.window, ctx.minuteOfDay)) {
    const minutes = minutesUntilWindowOpens(ctx.window, ctx.minuteOfDay);
    return { install: false, reason: 'outside_window', retryInMs: minutes * 60_000 };
  }
  if (ctx.sessionActive) return { install: false, reason: 'session_active', retryInMs: SESSION_RECHECK_MS };
  if (ctx.msSinceLastSession !== null && ctx.msSinceLastSession < INSTALL_QUIET_MS) {
    return { install: false, reason: 'recent_session', retryInMs: INSTALL_QUIET_MS - ctx.msSinceLastSession };
  }
  return { install: true };
}

export type UpdateErrorKind = 'checksum' | 'signature' | 'network' | 'feed' | 'other';

/** What an updater error looks like to the policy: electron-updater sets `code`, HTTP errors `statusCode`. */
export interface UpdateErrorLike {
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
const FEED_CODES = new Set([
  'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND',
  'ERR_UPDATER_INVALID_UPDATE_INFO',
  'ERR_UPDATER_INVALID_VERSION',
  'ERR_UPDATER_NO_FILES_PROVIDED',
  'ERR_UPDATER_ASSET_NOT_FOUND',
  'ERR_UPDATER_LATEST_VERSION_NOT_FOUND',
]);

/**
 * Sorts an updater failure into a kind and a one-line message for logs and the staff screen. The
 * raw message can carry a stack or a whole feed body, so only its first line is kept, shortened.
 */
export function classifyUpdateError(error: UpdateErrorLike): {
  kind: UpdateErrorKind;
  code: string;
  message: string;
} {
  const code =
    typeof error.code === 'string'
      ? error.code
      : typeof error.statusCode === 'number'
        ? `HTTP_${error.statusCode}`
        : 'UNKNOWN';
  const firstLine =
    String(error.message ?? '')
      .split('\n')[0]
      ?.slice(0, 200) ?? '';
  if (code === 'ERR_CHECKSUM_MISMATCH') {
    return {
      kind: 'checksum',
      code,
      message: 'Downloaded update does not match the published sha512; refused.',
    };
  }
  if (code === 'ERR_UPDATER_INVALID_SIGNATURE') {
    return {
      kind: 'signature',
      code,
      message: 'Update installer is not signed by the expected publisher; refused.',
    };
  }
  if (NETWORK_CODES.has(code) || /^HTTP_5\d\d$/.test(code)) {
    return { kind: 'network', code, message: `Update server unreachable (${code}).` };
  }
  if (FEED_CODES.has(code) || /^HTTP_4\d\d$/.test(code)) {
    return { kind: 'feed', code, message: `Update feed problem (${code}): ${firstLine}` };
  }
  return { kind: 'other', code, message: firstLine || code };
}
