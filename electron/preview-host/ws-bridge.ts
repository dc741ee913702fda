import type { WebSocketServer, RawData } from 'ws';
import { decodeWire, encodeWire, peekMessageId } from '../shared/wire-codec';
import type { Result } from '../shared/result';
import type { Logger } from '../core/ports/logger-port';
import type { KioskRuntime } from '../services/kiosk-runtime';

const UNDECODABLE: Result<never> = {
  ok: false,
  error: { code: 'INVALID_INPUT', message: 'The request could not be decoded.' },
};

/**
 * Requests arrive as `{ kind: 'invoke', id, channel, payload }` and are answered with
 * `{ kind: 'result', id, result }`; events are pushed as `{ kind: 'event', event, payload }`.
 * All frames are wire-codec binary so camera frames travel as raw bytes.
 */
export function attachWebSocketBridge(wss: WebSocketServer, runtime: KioskRuntime, logger: Logger): void {
  wss.on('connection', (ws) => {
    const unsubscribe = runtime.subscribe((event, payload) => {
      if (ws.readyState === ws.OPEN) ws.send(encodeWire({ kind: 'event', event, payload }));
    });
    ws.on('close', unsubscribe);
    // A protocol error on one socket (invalid UTF-8, a frame over the size limit, a reset) is that
    // socket's problem: ws closes it with the matching status; without a listener it would end the host.
    ws.on('error', (error: Error & { code?: string }) => {
      logger.warn('preview.ws_protocol_error', { code: error.code ?? error.name });
    });
    ws.on('message', (data: RawData, isBinary) => {
      void (async () => {
        let message: unknown;
        const bytes = isBinary ? toUint8(data) : new TextEncoder().encode(String(data));
        try {
          message = decodeWire(bytes);
        } catch {
          logger.warn('preview.ws_undecodable');
          // Answer it when its id can be read, as the HTTP API answers an undecodable body.
          const id = peekMessageId(bytes);
          if (id !== null && ws.readyState === ws.OPEN)
            ws.send(encodeWire({ kind: 'result', id, result: UNDECODABLE }));
          return;
        }
        const m = message as { kind?: unknown; id?: unknown; channel?: unknown; payload?: unknown };
        if (m?.kind !== 'invoke' || typeof m.id !== 'number' || typeof m.channel !== 'string') {
          logger.warn('preview.ws_bad_message');
          return;
        }
        const result = await runtime.invoke(m.channel, m.payload);
        if (ws.readyState === ws.OPEN) ws.send(encodeWire({ kind: 'result', id: m.id, result }));
      })();
    });
  });
}

function toUint8(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
