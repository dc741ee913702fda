import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { startPreviewHost, type PreviewHost } from '../../electron/preview-host/preview-host-server';
import type { KioskRuntime } from '../../electron/services/kiosk-runtime';
import { silentLogger } from '../../electron/core/ports/logger-port';
import { decodeWire, encodeWire } from '../../electron/shared/wire-codec';
import { startTestRuntime } from '../support/test-runtime';

const TOKEN = 'test-token-0123456789';
let host: PreviewHost;
let runtime: KioskRuntime;
let root: string;

function call(
  pathname: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: pathname,
        method: opts.method ?? 'GET',
        headers: opts.headers,
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const invoke = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  call(`/api/invoke/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, ...headers },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'preview-host-'));
  const rendererDir = path.join(root, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  writeFileSync(path.join(root, 'secret.txt'), 'outside the renderer');
  runtime = await startTestRuntime(path.join(root, 'data'));
  host = await startPreviewHost({
    runtime,
    rendererDir,
    host: '127.0.0.1',
    port: 0,
    token: TOKEN,
    logger: silentLogger,
  });
});

afterAll(async () => {
  await host.close();
  await runtime.dispose();
  rmSync(root, { recursive: true, force: true });
});

describe('preview host', () => {
  it('refuses to bind anywhere but loopback', async () => {
    await expect(
      startPreviewHost({
        runtime,
        rendererDir: root,
        host: '0.0.0.0',
        port: 0,
        token: TOKEN,
        logger: silentLogger,
      }),
    ).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });

  it('serves the renderer with the CSP header, and nothing outside it', async () => {
    const index = await call(`/?token=${TOKEN}`);
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>kiosk</title>');
    const bearer = { headers: { authorization: `Bearer ${TOKEN}` } };
    expect((await call('/../secret.txt', bearer)).status).toBe(404);
    expect((await call('/%2e%2e/secret.txt', bearer)).status).toBe(404);
    expect((await call('/product-images/../../secret.txt', bearer)).status).toBe(404);
  });

  it('answers 401 without the token or with a wrong one', async () => {
    expect((await invoke('app:info', {}, { authorization: '' })).status).toBe(401);
    expect((await invoke('app:info', {}, { authorization: 'Bearer wrong-token-0123456789' })).status).toBe(
      401,
    );
    const ok = await invoke('app:info', {});
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { storeId: 'demo-store' } });
  });

  it('refuses requests from another origin or another Host name (DNS rebinding)', async () => {
    expect((await invoke('app:info', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await invoke('app:info', {}, { host: `evil.example:${host.port}` })).status).toBe(403);
    expect((await invoke('app:info', {}, { origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
  });

  it('answers INVALID_INPUT for a wrong payload shape', async () => {
    const r = await invoke('staff:unlock', { pin: 42 });
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('speaks the same contract over the WebSocket, with the token as a subprotocol', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api/ws`, [`kiosk-token.${TOKEN}`]);
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const reply = new Promise<unknown>((resolve) =>
      ws.once('message', (data: Buffer) => resolve(decodeWire(new Uint8Array(data)))),
    );
    ws.send(encodeWire({ kind: 'invoke', id: 1, channel: 'staff:status', payload: {} }));
    expect(await reply).toMatchObject({
      kind: 'result',
      id: 1,
      result: { ok: true, value: { unlocked: false } },
    });
    ws.close();
  });

  it('rejects a WebSocket without the token', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api/ws`);
    const status = await new Promise<number>((resolve) =>
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(401);
  });
});
