import { request } from 'node:http';
import WebSocket from 'ws';
import { decodeWire, encodeWire } from '../../../electron/shared/wire-codec';

/** Sends one request on one transport and resolves with what came back (a Result, if all is well). */
export type Send = (channel: string, payload: unknown) => Promise<unknown>;

export type IpcHandler = (event: unknown, raw: unknown) => Promise<unknown>;

/** The kiosk window's own top frame, as Electron would describe the sender. */
const APP_SENDER = { senderFrame: { url: 'app://kiosk/index.html', parent: null } };

/**
 * What a sender returns for a payload its own side cannot serialise (nested a few thousand levels):
 * the renderer's encoder throws before anything is sent, so it never reaches the kiosk.
 */
export const UNDELIVERABLE = Symbol('undeliverable');

/** Electron IPC: the registered handler, with the payload structured-cloned as IPC does. */
export const ipcSender =
  (handlers: Map<string, IpcHandler>): Send =>
  async (channel, payload) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no IPC handler for ${channel}`);
    const cloned = encodeOr(() => structuredClone(payload) as unknown);
    return cloned === UNENCODABLE ? UNDELIVERABLE : handler(APP_SENDER, cloned);
  };

/** One POST to the preview host; JSON for JSON-able payloads, the wire codec otherwise. */
export function httpPost(
  port: number,
  token: string,
  path: string,
  body: Uint8Array | string,
  json: boolean,
): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': json ? 'application/json' : 'application/octet-stream',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The preview host's HTTP API: JSON, or the binary wire codec when the payload carries bytes. */
export const httpSender =
  (port: number, token: string): Send =>
  async (channel, payload) => {
    const binary = carriesBytes(payload);
    const body = encodeOr(() => (binary ? encodeWire(payload) : (JSON.stringify(payload) ?? 'null')));
    if (body === UNENCODABLE) return UNDELIVERABLE;
    const reply = await httpPost(port, token, `/api/invoke/${channel}`, body, !binary);
    if (reply.status !== 200) return { httpStatus: reply.status };
    return binary ? decodeWire(new Uint8Array(reply.body)) : JSON.parse(reply.body.toString('utf8'));
  };

const UNENCODABLE = Symbol('unencodable');

/** The encoded payload, or UNENCODABLE when the sending side's encoder gives up (too deep for its stack). */
function encodeOr<T>(encode: () => T): T | typeof UNENCODABLE {
  try {
    return encode();
  } catch (error) {
    if (error instanceof RangeError) return UNENCODABLE;
    throw error;
  }
}

/** Whether a payload holds bytes (then it goes in the wire codec, as the renderer sends frames). */
export const carriesBytes = (value: unknown, depth = 0): boolean =>
  value instanceof Uint8Array ||
  (depth < 8 &&
    value !== null &&
    typeof value === 'object' &&
    Object.values(value).some((v) => carriesBytes(v, depth + 1)));

/** A WebSocket client of the preview host that matches replies to requests by id. */
export class WsClient {
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const message = decodeWire(new Uint8Array(data)) as { kind: string; id?: number; result?: unknown };
      if (message.kind !== 'result' || message.id === undefined) return;
      this.pending.get(message.id)?.(message.result);
      this.pending.delete(message.id);
    });
  }

  static async open(port: number, token: string): Promise<WsClient> {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/api/ws`, [`kiosk-token.${token}`]);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    return new WsClient(socket);
  }

  readonly send: Send = (channel, payload) => {
    const id = this.nextId++;
    const bytes = encodeOr(() => encodeWire({ kind: 'invoke', id, channel, payload }));
    if (bytes === UNENCODABLE) return Promise.resolve(UNDELIVERABLE);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no reply to ${channel} #${id}`)), 60_000);
      this.pending.set(id, (result) => {
        clearTimeout(timer);
        resolve(result);
      });
      this.socket.send(bytes);
    });
  };

  /** Raw bytes as one binary message (undecodable ones get no answer by design). */
  sendRaw(bytes: Uint8Array): void {
    this.socket.send(bytes);
  }

  close(): void {
    this.socket.close();
  }
}
