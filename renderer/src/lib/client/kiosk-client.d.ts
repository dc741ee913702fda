import type {
  ChannelInput,
  ChannelName,
  ChannelOutput,
  EventName,
  EventPayload,
} from '../../../../electron/shared/ipc-contract';
import type { Result } from '../../../../electron/shared/result';
/**
 * The renderer's only door to the machine. In Electron it wraps `window.kiosk` (the preload bridge);
 * in a browser it speaks to the preview host. Both carry exactly the channels of the IPC contract.
 */
export interface KioskClient {
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
/** What the preload exposes as `window.kiosk` (see electron/preload/index.ts). */
export interface KioskBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
declare global {
  interface Window {
    kiosk?: KioskBridge;
  }
}
