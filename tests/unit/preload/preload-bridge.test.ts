import { describe, expect, it, vi } from 'vitest';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async () => ({ ok: true, value: 1 }));
const on = vi.fn();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke, on, removeListener: vi.fn() },
}));

await import('../../../electron/preload/index');

type Bridge = {
  invoke(c: string, i: unknown): Promise<unknown>;
  on(e: string, l: (p: unknown) => void): () => void;
};

describe('preload bridge', () => {
  const bridge = exposed.kiosk as Bridge;

  it('exposes only invoke and on as window.kiosk, never ipcRenderer', () => {
    expect(Object.keys(exposed)).toEqual(['kiosk']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });

  it('forwards contract channels and refuses anything else before it reaches main', async () => {
    await bridge.invoke('app:info', {});
    expect(invoke).toHaveBeenCalledWith('app:info', {});
    invoke.mockClear();
    expect(await bridge.invoke('fs:readFile', '/etc/passwd')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('subscribes only to contract events', () => {
    const off = bridge.on('payment:state', () => undefined);
    expect(on).toHaveBeenCalledWith('payment:state', expect.any(Function));
    expect(typeof off).toBe('function');
    expect(() => bridge.on('ipc-message', () => undefined)).toThrow();
  });
});
