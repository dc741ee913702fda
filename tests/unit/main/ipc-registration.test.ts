import { beforeEach, describe, expect, it, vi } from 'vitest';

const handlers = new Map<string, (event: unknown, raw: unknown) => Promise<unknown>>();
vi.mock('electron', () => ({
  ipcMain: { handle: (ch: string, fn: (e: unknown, r: unknown) => Promise<unknown>) => handlers.set(ch, fn) },
}));

const { registerIpc } = await import('../../../electron/main/ipc-registration');
const { channelNames } = await import('../../../electron/shared/ipc-contract');
const { silentLogger } = await import('../../../electron/core/ports/logger-port');

const runtime = { invoke: vi.fn(async () => ({ ok: true, value: 'handled' })) };
const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });

describe('IPC registration', () => {
  beforeEach(() => {
    handlers.clear();
    runtime.invoke.mockClear();
    registerIpc(runtime as never, 'app://kiosk', silentLogger);
  });

  it('registers exactly the contract channels', () => {
    expect([...handlers.keys()].sort()).toEqual([...channelNames].sort());
  });

  it('passes requests from the app origin top frame to the runtime unparsed (the runtime parses)', async () => {
    const h = handlers.get('staff:status');
    expect(await h?.(frame('app://kiosk/index.html'), { any: 'thing' })).toEqual({
      ok: true,
      value: 'handled',
    });
    expect(runtime.invoke).toHaveBeenCalledWith('staff:status', { any: 'thing' });
  });

  it.each([
    ['another origin', frame('https://evil.example/')],
    ['a sub-frame of the app', frame('app://kiosk/x.html', {})],
    ['no frame', { senderFrame: null }],
  ])('refuses %s with FORBIDDEN_SENDER', async (_n, event) => {
    const h = handlers.get('staff:status');
    expect(await h?.(event, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(runtime.invoke).not.toHaveBeenCalled();
  });
});
