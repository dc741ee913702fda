import { net, protocol } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';
import { APP_HOST, APP_SCHEME } from './app-origin';

/** Must run before `app.ready`: makes app:// a secure, standard origin that may use getUserMedia. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/**
 * Serves the built renderer and cached product images under app://kiosk/. Paths are resolved inside
 * their root only; anything else is a 404. Every response carries the CSP header.
 */
export function serveAppProtocol(
  rendererDir: string,
  resolveProductImage: (urlPath: string) => Promise<string | null>,
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const pathname = decodeURIComponent(url.pathname);
    const file = pathname.startsWith('/product-images/')
      ? await resolveProductImage(pathname)
      : insideRoot(rendererDir, pathname);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

function insideRoot(root: string, pathname: string): string | null {
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const full = path.resolve(root, relative);
  return full.startsWith(root + path.sep) ? full : null;
}
