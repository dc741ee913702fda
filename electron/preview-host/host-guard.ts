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
