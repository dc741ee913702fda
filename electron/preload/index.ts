/**
 * The whole preload: `window.kiosk` with `invoke(channel, input)` and `on(event, listener)` for
 * exactly the channels and events of the IPC contract. Names outside the contract are refused here,
 * before anything reaches main; ipcRenderer itself is never exposed.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelNames, eventNames } from '../shared/ipc-contract';

const channelSet = new Set<string>(channelNames);
const eventSet = new Set<string>(eventNames);

contextBridge.exposeInMainWorld('kiosk', {
  invoke(channel: string, input: unknown): Promise<unknown> {
    if (!channelSet.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: 'Unknown channel.' } });
    }
    return ipcRenderer.invoke(channel, input);
  },
  on(event: string, listener: (payload: unknown) => void): () => void {
    if (!eventSet.has(event)) throw new Error(`Unknown event ${event}`);
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => ipcRenderer.removeListener(event, wrapped);
  },
});
