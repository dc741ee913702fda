import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { decodeWire, encodeWire } from '../../electron/shared/wire-codec';
import {
  call,
  clientFrame,
  closeStatus,
  rawWebSocket,
  startHostUnderTest,
  TOKEN,
  type HostUnderTest,
} from './preview-host-harness';

let hut: HostUnderTest;
const warnings: string[] = [];

beforeAll(async () => {
  hut = await startHostUnderTest({
    debug() {},
    info() {},
    warn: (msg) => warnings.push(msg),
    error: (msg) => warnings.push(msg),
  });
});
afterAll(() => hut.stop());

const stillServing = async () => {
  const ok = await call(hut.host.port, '/api/invoke/app:info', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: '{}',
  });
  expect(ok.status).toBe(200);
  expect(JSON.parse(ok.body)).toMatchObject({ ok: true });
};

describe('preview host against protocol errors', () => {
  it('closes only the socket that sent invalid UTF-8 (1007) and keeps serving everyone else', async () => {
    const bystander = new WebSocket(`ws://127.0.0.1:${hut.host.port}/api/ws`, [`kiosk-token.${TOKEN}`]);
    await new Promise((resolve, reject) => bystander.once('open', resolve).once('error', reject));

    const socket = await rawWebSocket(hut.host.port, TOKEN);
    const closed = closeStatus(socket);
    socket.write(clientFrame(0x1, new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])));
    expect(await closed).toBe(1007);

    const reply = new Promise<unknown>((resolve) =>
      bystander.once('message', (data: Buffer) => resolve(decodeWire(new Uint8Array(data)))),
    );
    bystander.send(encodeWire({ kind: 'invoke', id: 1, channel: 'staff:status', payload: {} }));
    expect(await reply).toMatchObject({ kind: 'result', id: 1, result: { ok: true } });
    bystander.close();
    await stillServing();
    expect(warnings).toContain('preview.ws_protocol_error');
  });

  it('closes a socket whose frame claims more than the size limit (1009) and stays up', async () => {
    const socket = await rawWebSocket(hut.host.port, TOKEN);
    const closed = closeStatus(socket);
    socket.write(clientFrame(0x2, new Uint8Array(16), 64 * 1024 * 1024));
    expect(await closed).toBe(1009);
    await stillServing();
  });

  it('survives a client that resets in the middle of the handshake', async () => {
    const socket = await rawWebSocket(hut.host.port, TOKEN);
    socket.resetAndDestroy();
    await stillServing();
  });
});

describe('preview host static files', () => {
  const port = () => hut.host.port;

  it('answer 401 without the token: the page, its scripts and product images alike', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js', '/product-images/x.webp']) {
      const reply = await call(port(), path);
      expect(reply.status, path).toBe(401);
      expect(reply.body).not.toMatch(/<title>|console\.log/);
    }
    expect((await call(port(), '/?token=wrong-token-0123456789')).status).toBe(401);
  });

  it('take the token once in the query and then from an HttpOnly, SameSite=Strict cookie for this port', async () => {
    const first = await call(port(), `/?token=${TOKEN}`);
    expect(first.status).toBe(200);
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toBe(`kiosk-token-${port()}=${TOKEN}; HttpOnly; SameSite=Strict; Path=/`);
    const withCookie = { headers: { cookie: `other=1; kiosk-token-${port()}=${TOKEN}` } };
    const script = await call(port(), '/assets/app.js', withCookie);
    expect(script.status).toBe(200);
    expect(script.headers['set-cookie']).toBeUndefined();
    expect(
      (await call(port(), '/assets/app.js', { headers: { cookie: `kiosk-token-1=${TOKEN}` } })).status,
    ).toBe(401);
    // The cookie opens static files only; the API still wants the Bearer header or the subprotocol.
    const api = await call(port(), '/api/invoke/app:info', { method: 'POST', ...withCookie, body: '{}' });
    expect(api.status).toBe(401);
  });
});
