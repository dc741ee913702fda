import { decodeWire, encodeWire } from '../../../../electron/shared/wire-codec';
import type { Result } from '../../../../electron/shared/result';
import type { KioskClient } from './kiosk-client';

type Pending = { resolve: (r: Result<unknown>) => void };
type ServerMessage =
  | { kind: 'result'; id: number; result: Result<unknown> }
  | { kind: 'event'; event: string; payload: unknown };

const TOKEN_KEY = 'skinkiosk.previewToken';

/**
 * The browser flavour, used with `skinkiosk serve`. The per-run token arrives once in the page URL
 * (`?token=…`); it is moved to sessionStorage and removed from the address bar.
 */
export function takePreviewToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export function createPreviewHostClient(token: string): KioskClient {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let socket: Promise<WebSocket> | null = null;

  const connect = (): Promise<WebSocket> => {
    socket ??= new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://${window.location.host}/api/ws`, [`kiosk-token.${token}`]);
      ws.binaryType = 'arraybuffer';
      ws.onopen = () => resolve(ws);
      ws.onerror = () => reject(new Error('preview host unreachable'));
      ws.onclose = () => {
        socket = null;
        for (const [id, p] of pending) {
          p.resolve({ ok: false, error: { code: 'INTERNAL', message: 'Connection to the kiosk was lost.' } });
          pending.delete(id);
        }
      };
      ws.onmessage = (ev: MessageEvent<ArrayBuffer>) => {
        const msg = decodeWire(new Uint8Array(ev.data)) as ServerMessage;
        if (msg.kind === 'result') {
          pending.get(msg.id)?.resolve(msg.result);
          pending.delete(msg.id);
        } else {
          for (const l of listeners.get(msg.event) ?? []) l(msg.payload);
        }
      };
    });
    return socket;
  };

  return {
    async invoke(channel, input) {
      let ws: WebSocket;
      try {
        ws = await connect();
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: 'The kiosk service is not reachable.' } };
      }
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, { resolve: resolve as Pending['resolve'] });
        ws.send(encodeWire({ kind: 'invoke', id, channel, payload: input }));
      });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      void connect().catch(() => undefined);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
}
