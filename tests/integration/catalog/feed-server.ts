import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** What the server does wrong for matching paths. */
export type Fault =
  | { kind: 'status'; status: number }
  /** Never answers. */
  | { kind: 'hang' }
  /** Sends half the body under the full Content-Length, then drops the connection. */
  | { kind: 'cut' }
  /** Sends half the body with an honest, shorter Content-Length. */
  | { kind: 'short' }
  /** Flips one byte in the middle. */
  | { kind: 'corrupt' }
  /** Replaces the body and its content type. */
  | { kind: 'body'; body: Buffer | string; contentType?: string };

const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.gz': 'application/gzip',
  '.png': 'image/png',
  '.webp': 'image/webp',
};

/**
 * A static file server on 127.0.0.1 serving a published feed folder like any CDN would: strong ETags,
 * If-None-Match → 304. Faults can be switched on per path to test what a kiosk does when the host or
 * the network misbehaves. Every request is recorded.
 */
export class FeedServer {
  readonly requests: Array<{ path: string; ifNoneMatch: string | null; status: number }> = [];
  private faults: Array<{ match: (p: string) => boolean; fault: Fault }> = [];
  private server: Server | null = null;
  url = '';

  constructor(private readonly root: string) {}

  async start(): Promise<this> {
    this.server = createServer(
      (req, res) => void this.handle(req.url ?? '/', req.headers['if-none-match'] ?? null, res),
    );
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/feed/`;
    return this;
  }

  fault(match: string | RegExp | ((p: string) => boolean), fault: Fault): void {
    const test =
      typeof match === 'function'
        ? match
        : typeof match === 'string'
          ? (p: string) => p.includes(match)
          : (p: string) => match.test(p);
    this.faults.push({ match: test, fault });
  }

  clearFaults(): void {
    this.faults = [];
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async handle(
    url: string,
    ifNoneMatch: string | string[] | null,
    res: ServerResponse,
  ): Promise<void> {
    const urlPath = decodeURIComponent(new URL(url, 'http://x').pathname);
    const record = (status: number) =>
      this.requests.push({
        path: urlPath,
        ifNoneMatch: typeof ifNoneMatch === 'string' ? ifNoneMatch : null,
        status,
      });
    const fault = this.faults.find((f) => f.match(urlPath))?.fault;
    if (fault?.kind === 'hang') {
      record(0);
      return;
    }
    if (fault?.kind === 'status') {
      record(fault.status);
      res.writeHead(fault.status).end('error');
      return;
    }
    const relative = urlPath.replace(/^\/feed\//, '');
    const file = path.resolve(this.root, relative);
    let body: Buffer;
    try {
      if (!file.startsWith(this.root + path.sep)) throw new Error('outside');
      body = await readFile(file);
    } catch {
      record(404);
      res.writeHead(404).end();
      return;
    }
    let type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    if (fault?.kind === 'body') {
      body = Buffer.from(fault.body);
      type = fault.contentType ?? type;
    }
    if (fault?.kind === 'corrupt') {
      body = Buffer.from(body);
      const middle = body.length >> 1;
      body[middle] = body[middle]! ^ 0xff;
    }
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    if (ifNoneMatch === etag) {
      record(304);
      res.writeHead(304, { etag }).end();
      return;
    }
    record(200);
    if (fault?.kind === 'short') body = body.subarray(0, body.length >> 1);
    res.writeHead(200, { 'content-type': type, 'content-length': String(body.length), etag });
    if (fault?.kind === 'cut') {
      res.write(body.subarray(0, body.length >> 1), () => setTimeout(() => res.destroy(), 20));
      return;
    }
    res.end(body);
  }
}
