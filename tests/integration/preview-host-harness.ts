import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { KioskRuntime } from '../../electron/services/kiosk-runtime';
import { silentLogger, type Logger } from '../../electron/core/ports/logger-port';
import { startPreviewHost, type PreviewHost } from '../../electron/preview-host/preview-host-server';
import { startTestRuntime } from '../support/test-runtime';

export const TOKEN = 'test-token-0123456789';

export interface HostUnderTest {
  host: PreviewHost;
  runtime: KioskRuntime;
  root: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** A preview host on a free loopback port over a demo runtime, with a tiny renderer folder. */
export async function startHostUnderTest(logger: Logger = silentLogger): Promise<HostUnderTest> {
  const root = mkdtempSync(path.join(tmpdir(), 'preview-host-'));
  const rendererDir = path.join(root, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("kiosk");');
  writeFileSync(path.join(root, 'secret.txt'), 'outside the renderer');
  const dataDir = path.join(root, 'data');
  const runtime = await startTestRuntime(dataDir);
  const host = await startPreviewHost({
    runtime,
    rendererDir,
    host: '127.0.0.1',
    port: 0,
    token: TOKEN,
    logger,
  });
  return {
    host,
    runtime,
    root,
    dataDir,
    stop: async () => {
      await host.close();
      await runtime.dispose();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** One HTTP request to the host, answered in full. */
export function call(
  port: number,
  pathname: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: pathname, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

/**
 * A WebSocket opened by hand on a raw TCP socket, so a test can send frames no well-behaved client
 * library would (invalid UTF-8, a length over the limit).
 */
export function rawWebSocket(port: number, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        [
          'GET /api/ws HTTP/1.1',
          `Host: 127.0.0.1:${port}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
          'Sec-WebSocket-Version: 13',
          `Sec-WebSocket-Protocol: kiosk-token.${token}`,
          '',
          '',
        ].join('\r\n'),
      );
    });
    socket.once('error', reject);
    socket.once('data', (chunk: Buffer) => {
      if (chunk.toString().startsWith('HTTP/1.1 101')) resolve(socket);
      else reject(new Error(`handshake refused: ${chunk.toString().split('\r\n')[0]}`));
    });
  });
}

/** A masked client frame (the mask key is zero, so the payload goes as it is). */
export function clientFrame(opcode: number, payload: Uint8Array, claimedLength = payload.length): Buffer {
  let header: Buffer;
  if (claimedLength < 126) header = Buffer.from([0x80 | opcode, 0x80 | claimedLength]);
  else if (claimedLength < 65536) {
    header = Buffer.alloc(4);
    header.writeUInt8(0x80 | opcode, 0);
    header.writeUInt8(0x80 | 126, 1);
    header.writeUInt16BE(claimedLength, 2);
  } else {
    header = Buffer.alloc(10);
    header.writeUInt8(0x80 | opcode, 0);
    header.writeUInt8(0x80 | 127, 1);
    header.writeBigUInt64BE(BigInt(claimedLength), 2);
  }
  return Buffer.concat([header, Buffer.alloc(4), payload]);
}

/** Resolves with the close status the server sent, once the socket ends. */
export function closeStatus(socket: Socket): Promise<number | null> {
  return new Promise((resolve) => {
    let status: number | null = null;
    socket.on('data', (chunk: Buffer) => {
      // A close frame from the server: 0x88, length, then the 2-byte status.
      const at = chunk.indexOf(0x88);
      if (at >= 0 && chunk.length >= at + 4) status = chunk.readUInt16BE(at + 2);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(status));
  });
}
