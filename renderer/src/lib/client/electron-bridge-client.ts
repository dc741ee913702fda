import type { KioskBridge, KioskClient } from './kiosk-client';

/** The Electron flavour: every call goes through the preload's contextBridge API. */
export function createElectronBridgeClient(bridge: KioskBridge): KioskClient {
  return {
    invoke: (channel, input) => bridge.invoke(channel, input) as never,
    on: (event, listener) => bridge.on(event, listener as (payload: unknown) => void),
  };
}
