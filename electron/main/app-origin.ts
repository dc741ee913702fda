/**
 * The renderer is served from a privileged custom scheme rather than file://, so it has a real,
 * unique origin that the permission handler, navigation guard and IPC sender check can compare
 * against. In development electron-vite serves it from its dev server instead.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const PRODUCTION_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The origin the kiosk window loads, given electron-vite's dev-server URL when there is one. */
export function appOrigin(devServerUrl: string | undefined): string {
  if (!devServerUrl) return PRODUCTION_ORIGIN;
  const u = new URL(devServerUrl);
  return `${u.protocol}//${u.host}`;
}

/**
 * Compares scheme and host rather than `URL.origin`: Node's URL parser reports the origin of a
 * custom scheme such as app:// as "null", which would match nothing (or, worse, everything "null").
 */
export function isAppUrl(url: string, origin: string): boolean {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === origin;
  } catch {
    return false;
  }
}
