import { app, type Session, type WebContents } from 'electron';
import type { Logger } from '../core/ports/logger-port';
import { isAppUrl } from './app-origin';

/**
 * Only the camera, only for the kiosk's own origin: every other permission (microphone,
 * notifications, geolocation, HID, serial, …) and every other origin is refused.
 */
export function applyPermissionPolicy(session: Session, origin: string, logger: Logger): void {
  session.setPermissionRequestHandler((_wc, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    const allowed =
      permission === 'media' &&
      isAppUrl(details.requestingUrl, origin) &&
      mediaTypes.length > 0 &&
      mediaTypes.every((t) => t === 'video');
    if (!allowed) logger.warn('security.permission_denied', { permission });
    callback(allowed);
  });
  session.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) => {
    const mediaType = 'mediaType' in details ? details.mediaType : undefined;
    // Electron passes the origin with a trailing slash (`app://kiosk/`): compare scheme and host
    // the same way the request handler does, not the strings.
    return (
      permission === 'media' &&
      isAppUrl(requestingOrigin, origin) &&
      (mediaType === undefined || mediaType === 'video')
    );
  });
  session.setDevicePermissionHandler(() => false);
}

/** No new windows, no navigation away from the app, no <webview>, for every web contents created. */
export function denyNavigationEverywhere(origin: string, logger: Logger): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(({ url }) => {
      logger.warn('security.window_open_denied', { origin: safeOrigin(url) });
      return { action: 'deny' };
    });
    const guard = (event: { preventDefault(): void }, url: string) => {
      if (!isAppUrl(url, origin)) {
        event.preventDefault();
        logger.warn('security.navigation_denied', { origin: safeOrigin(url) });
      }
    };
    contents.on('will-navigate', guard);
    contents.on('will-redirect', guard);
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      logger.warn('security.webview_denied');
    });
  });
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'invalid';
  }
}
