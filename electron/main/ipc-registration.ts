import { ipcMain, type WebContents } from 'electron';
import { channelNames, type EventName } from '../shared/ipc-contract';
import type { Result } from '../shared/result';
import type { Logger } from '../core/ports/logger-port';
import type { KioskRuntime } from '../services/kiosk-runtime';
import { isAppUrl } from './app-origin';

/**
 * The one `handle()` for every channel: the sender frame must be the kiosk's own top frame at the
 * app origin, then the payload (typed `unknown`) goes through the runtime's shared invoke path,
 * which parses it with the contract's schema and never throws across the bridge.
 */
export function registerIpc(runtime: KioskRuntime, origin: string, logger: Logger): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event, raw: unknown): Promise<Result<unknown>> => {
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !isAppUrl(frame.url, origin)) {
        logger.warn('ipc.forbidden_sender', { channel });
        return {
          ok: false,
          error: { code: 'FORBIDDEN_SENDER', message: 'Requests are only accepted from the kiosk app.' },
        };
      }
      return runtime.invoke(channel, raw);
    });
  }
}

/** Forwards every contract event to the kiosk window. */
export function forwardEvents(runtime: KioskRuntime, contents: () => WebContents | null): () => void {
  return runtime.subscribe((event: EventName, payload: unknown) => {
    const wc = contents();
    if (wc && !wc.isDestroyed()) wc.send(event, payload);
  });
}
