import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Release {
  version: string;
  fileName: string;
  content: Buffer;
  /** Publish this sha512 instead of the real one (a tampered or broken feed). */
  sha512Override?: string;
  stagingPercentage?: number;
}

export const sha512Base64 = (data: Buffer) => createHash('sha512').update(data).digest('base64');

/** The latest-linux.yml electron-builder publishes for one AppImage. */
function channelYaml(r: Release): string {
  const sha = r.sha512Override ?? sha512Base64(r.content);
  const lines = [
    `version: ${r.version}`,
    'files:',
    `  - url: ${r.fileName}`,
    `    sha512: ${sha}`,
    `    size: ${r.content.length}`,
    `path: ${r.fileName}`,
    `sha512: ${sha}`,
    `releaseDate: '2026-01-10T02:00:00.000Z'`,
  ];
  if (r.stagingPercentage !== undefined) lines.push(`stagingPercentage: ${r.stagingPercentage}`);
  return `${lines.join('\n')}\n`;
}

/**
 * A static update host on 127.0.0.1, like any S3 bucket or CDN the generic provider points at:
 * `<channel>-linux.yml` plus the files. Requests are recorded so tests can see what was fetched.
 */
export class LoopbackUpdateServer {
  readonly requests: Array<{ path: string; stagingId: string | undefined }> = [];
  private readonly files = new Map<string, Buffer>();
  private server: Server | null = null;
  url = '';

  publish(channel: string, release: Release): void {
    this.files.set(`/${channel}-linux.yml`, Buffer.from(channelYaml(release)));
    this.files.set(`/${release.fileName}`, release.content);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      this.requests.push({ path, stagingId: req.headers['x-user-staging-id'] as string | undefined });
      const body = this.files.get(path);
      if (!body) {
        res.writeHead(404).end();
        return;
      }
      res
        .writeHead(200, { 'content-length': body.length, 'content-type': 'application/octet-stream' })
        .end(body);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this.url;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = null;
  }
}

/** An "AppImage" that, when the updater starts it, records which version ran. */
export function fakeAppImage(version: string, markerFile: string): Buffer {
  return Buffer.from(`#!/bin/sh\necho ${version} > '${markerFile}'\n`);
}
