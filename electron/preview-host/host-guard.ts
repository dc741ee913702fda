import { timingSafeEqual, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { KioskError } from '../shared/result';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** The preview host exposes the kiosk's whole handler table, so it only ever listens on loopback. */
export function assertLoopback(host: string): void {
  if (!LOOPBACK.has(host)) {
    throw new KioskError(
      'CONFIG_INVALID',
      `Refusing to bind the preview host to ${host}: only loopback is allowed.`,
    );
  }
}

export const newToken = (): string => randomBytes(24).toString('base64url');

export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Token from `Authorization: Bearer …` or, for WebSockets (no custom headers), the `kiosk-token.…` subprotocol. */
export function tokenFrom(req: IncomingMessage): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  const protocols = req.headers['sec-websocket-protocol'];
  if (typeof protocols === 'string') {
    const entry = protocols
      .split(',')
      .map((p) => p.trim())
      .find((p) => p.startsWith('kiosk-token.'));
    if (entry) return entry.slice('kiosk-token.'.length);
  }
  return null;
}

/**
 * Refuses requests from another origin and requests whose Host is not this loopback address (a
 * DNS-rebinding page would send its own host name). Requests without an Origin header (curl, tests)
 * pass this check but still need the token.
 */
export function sameOrigin(req: IncomingMessage, port: number): boolean {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  if (!req.headers.host || !allowedHosts.includes(req.headers.host)) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return allowedHosts.some((h) => origin === `http://${h}`);
}

/**
 * Static files (the renderer, product images) are loaded by the browser itself, which cannot add a
 * header: the page's first request carries the token in its query (`/?token=…`) and gets it back
 * as an HttpOnly, SameSite=Strict cookie for the rest. The name carries the port because cookies
 * are shared by every port of a host, and two preview hosts must not overwrite each other's.
 */
export const tokenCookieName = (port: number): string => `kiosk-token-${port}`;

export function tokenFromCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export const tokenCookie = (port: number, token: string): string =>
  `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
