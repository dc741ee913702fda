import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';
import { decodeWire, encodeWire } from '../shared/wire-codec';
import type { Logger } from '../core/ports/logger-port';
import type { KioskRuntime } from '../services/kiosk-runtime';
import {
  assertLoopback,
  sameOrigin,
  tokenCookie,
  tokenCookieName,
  tokenFrom,
  tokenFromCookie,
  tokenMatches,
} from './host-guard';
import { contentType, readStatic, resolveStatic } from './static-files';
import { attachWebSocketBridge } from './ws-bridge';

export interface PreviewHostOptions {
  runtime: KioskRuntime;
  rendererDir: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  token: string;
  logger: Logger;
}

export interface PreviewHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Largest request body (a 4K RGBA frame plus header). */
const MAX_BODY = 3840 * 2160 * 4 + 64 * 1024;

/**
 * The browser preview host: serves the built renderer and the kiosk's handler table to a page on
 * this machine only. Same handlers, same schemas as Electron main; transport is HTTP POST
 * (`/api/invoke/<channel>`) and a WebSocket (`/api/ws`) for requests and pushed events. Everything,
 * static files included, needs the per-run token (see host-guard.ts).
 */
export async function startPreviewHost(opts: PreviewHostOptions): Promise<PreviewHost> {
  assertLoopback(opts.host);
  const rendererDir = opts.rendererDir;
  let port = 0;

  const server = createServer((req, res) => {
    handleHttp(req, res).catch((err: unknown) => {
      opts.logger.error('preview.http_error', { error: err instanceof Error ? err.message : String(err) });
      if (!res.headersSent) send(res, 500, 'text/plain', 'Internal error');
    });
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!sameOrigin(req, port)) return send(res, 403, 'text/plain', 'Forbidden origin');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      if (!tokenMatches(opts.token, tokenFrom(req)))
        return send(res, 401, 'text/plain', 'Missing or wrong token');
      const match = /^\/api\/invoke\/([a-z-]+:[a-z-]+)$/.exec(url.pathname);
      if (req.method !== 'POST' || !match?.[1]) return send(res, 404, 'text/plain', 'Not found');
      const body = await readBody(req);
      if (body === null) return send(res, 413, 'text/plain', 'Payload too large');
      const isJson = (req.headers['content-type'] ?? '').startsWith('application/json');
      let payload: unknown;
      try {
        payload = isJson ? JSON.parse(body.toString('utf8') || '{}') : decodeWire(body);
      } catch {
        payload = Symbol('undecodable');
      }
      const result = await opts.runtime.invoke(match[1], payload);
      return isJson
        ? send(res, 200, 'application/json', JSON.stringify(result))
        : send(res, 200, 'application/octet-stream', Buffer.from(encodeWire(result)));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'text/plain', 'Method not allowed');
    const fromQuery = url.searchParams.get('token');
    const given = fromQuery ?? tokenFromCookie(req, tokenCookieName(port)) ?? tokenFrom(req);
    if (!tokenMatches(opts.token, given))
      return send(
        res,
        401,
        'text/plain',
        'Missing or wrong token: open the address skinkiosk serve printed.',
      );
    const extra: Record<string, string> = fromQuery ? { 'Set-Cookie': tokenCookie(port, opts.token) } : {};
    if (url.pathname.startsWith('/product-images/')) {
      const file = await opts.runtime.resolveProductImage(url.pathname);
      if (!file) return send(res, 404, 'text/plain', 'Not found');
      return send(res, 200, contentType(file), await readStatic(file), extra);
    }
    const file = await resolveStatic(rendererDir, url.pathname);
    if (!file) return send(res, 404, 'text/plain', 'Not found');
    return send(res, 200, contentType(file), await readStatic(file), extra);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY });
  wss.on('error', (error) => opts.logger.warn('preview.ws_server_error', { error: error.message }));
  attachWebSocketBridge(wss, opts.runtime, opts.logger);
  server.on('upgrade', (req, socket, head) => {
    // Until ws takes the socket over, a reset or a write after close is ours to absorb.
    socket.on('error', () => socket.destroy());
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const reject = (status: string) => {
      socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
      socket.destroy();
    };
    if (path !== '/api/ws') return reject('404 Not Found');
    if (!sameOrigin(req, port)) return reject('403 Forbidden');
    if (!tokenMatches(opts.token, tokenFrom(req))) return reject('401 Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const hostForUrl = opts.host === '::1' ? '[::1]' : opts.host;
  opts.logger.info('preview.listening', { host: opts.host, port });

  return {
    url: `http://${hostForUrl}:${port}/`,
    port,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...extra,
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) tooBig = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooBig ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
