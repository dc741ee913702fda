import { net, protocol, type Session } from 'electron';
import { stat } from 'node:fs/promises';
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

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
};

const plain = (body: string, status: number) => new Response(body, { status, headers: SECURITY_HEADERS });

/**
 * Serves the built renderer and cached product images under app://kiosk/ on the kiosk window's
 * session (after `app.ready`). Paths resolve inside their root and must name a regular file:
 * directories and anything outside are 404, a malformed `%` escape is 400. Every response carries
 * the CSP header.
 */
export function serveAppProtocol(
  session: Session,
  rendererDir: string,
  resolveProductImage: (urlPath: string) => Promise<string | null>,
): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return plain('Not found', 404);
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return plain('Bad request', 400);
    }
    const file = pathname.startsWith('/product-images/')
      ? await resolveProductImage(pathname)
      : insideRoot(rendererDir, pathname);
    if (!file || !(await isRegularFile(file))) return plain('Not found', 404);
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
    return new Response(response.body, { status: response.status, headers });
  });
}

function insideRoot(root: string, pathname: string): string | null {
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const full = path.resolve(root, relative);
  return full.startsWith(root + path.sep) ? full : null;
}

async function isRegularFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
