import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import type { HealthReport } from '../../shared/schemas/system-schemas';
import type { Logger } from '../../core/ports/logger-port';

export interface MetricsServerOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  metrics: () => Promise<{ contentType: string; body: string }>;
  health: () => Promise<HealthReport>;
  logger: Logger;
}

export interface MetricsServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const COMMON_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Whether a request's `Host` names this endpoint, the check the preview host makes too: a page that
 * rebinds its own DNS name to the kiosk's address would send that name. Bound to loopback, only
 * loopback names are answered; bound to a LAN address, an IP literal, `localhost`, this machine's
 * host name or a name under it (`kiosk-042.stores.example.net` on the machine `kiosk-042`). A port
 * in the header must be the endpoint's own.
 */
export function hostHeaderAllowed(header: string | undefined, bindAddress: string, port: number): boolean {
  if (!header) return false;
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:]+)(?::(\d+))?$/.exec(header.trim().toLowerCase());
  if (!match?.[1]) return false;
  const [, name, portText] = match;
  if (portText !== undefined && Number(portText) !== port) return false;
  if (LOOPBACK_NAMES.has(name)) return true;
  if (isIP(bindAddress) !== 0 && /^(127\.|::1$)/.test(bindAddress)) return false;
  if (isIP(name.replace(/^\[|\]$/g, '')) !== 0) return true;
  const own = hostname().toLowerCase();
  return name === own || name.startsWith(`${own}.`);
}

/**
 * Serves `/metrics` (Prometheus text) and `/health` (JSON) and nothing else: read-only, no
 * parameters, no personal data in either, bound to the configured address (loopback by default),
 * answering only requests whose `Host` names it (403 otherwise).
 */
export async function startMetricsServer(opts: MetricsServerOptions): Promise<MetricsServer> {
  const send = (res: ServerResponse, status: number, type: string, body: string, head: boolean) => {
    res.writeHead(status, {
      ...COMMON_HEADERS,
      'content-type': type,
      'content-length': Buffer.byteLength(body),
    });
    res.end(head ? undefined : body);
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.setHeader('allow', 'GET, HEAD');
      return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n', false);
    }
    if (!hostHeaderAllowed(req.headers.host, opts.host, port))
      return send(res, 403, 'text/plain; charset=utf-8', 'forbidden host\n', head);
    const pathname = new URL(req.url ?? '/', 'http://kiosk').pathname;
    if (pathname === '/metrics') {
      const { contentType, body } = await opts.metrics();
      return send(res, 200, contentType, body, head);
    }
    if (pathname === '/health') {
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(await opts.health()), head);
    }
    return send(res, 404, 'text/plain; charset=utf-8', 'not found\n', head);
  };
  let port = 0;
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      opts.logger.error('metrics.request_failed', { path: req.url ?? '', error: (err as Error).message });
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error\n', false);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  opts.logger.info('metrics.listening', { host: opts.host, port });
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
