import { describe, expect, it, vi } from 'vitest';
import { invokeChannel, type InvokeDeps } from '../../../electron/services/invoke-channel';
import type { HandlerTable } from '../../../electron/services/handler-types';
import { KioskError } from '../../../electron/shared/result';
import type { Logger } from '../../../electron/core/ports/logger-port';

const sink = { emit: vi.fn() };

function deps(
  handlers: Partial<HandlerTable>,
  staff = false,
): InvokeDeps & { logger: Logger & { lines: unknown[][] } } {
  const lines: unknown[][] = [];
  const log = (level: string) => (msg: string, fields?: unknown) => lines.push([level, msg, fields]);
  return {
    handlers: handlers as HandlerTable,
    staffUnlocked: () => staff,
    logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error'), lines },
  };
}

describe('invokeChannel', () => {
  it('parses input and returns the handler value as ok', async () => {
    const d = deps({
      'staff:unlock': async ({ pin }) => ({
        unlocked: pin === '1234',
        lockedUntil: null,
        attemptsLeft: 5,
        pinConfigured: true,
      }),
    });
    expect(await invokeChannel(d, 'staff:unlock', { pin: '1234' }, sink)).toEqual({
      ok: true,
      value: { unlocked: true, lockedUntil: null, attemptsLeft: 5, pinConfigured: true },
    });
  });

  it('answers INVALID_INPUT for a wrong shape and logs the path, never the payload', async () => {
    const handler = vi.fn();
    const d = deps({ 'analysis:preview-frame': handler });
    const secret = new Uint8Array([1, 2, 3]);
    const r = await invokeChannel(d, 'analysis:preview-frame', { width: 1, height: 1, data: secret }, sink);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('INVALID_INPUT');
    expect(handler).not.toHaveBeenCalled();
    const logged = JSON.stringify(d.logger.lines);
    expect(logged).toContain('ipc.invalid_input');
    expect(logged).not.toContain('"data"');
    expect(logged).not.toMatch(/1,2,3/);
  });

  it('refuses unknown channels and non-object payloads, and strips unknown keys', async () => {
    const seen: unknown[] = [];
    const d = deps({
      'staff:unlock': async (input) => {
        seen.push(input);
        return { unlocked: false, lockedUntil: null, attemptsLeft: 5, pinConfigured: true };
      },
    });
    expect(await invokeChannel(d, 'fs:read', {}, sink)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await invokeChannel(d, '__proto__', {}, sink)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await invokeChannel(d, 'staff:unlock', 'not an object', sink)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await invokeChannel(d, 'staff:unlock', { pin: '12ab' }, sink)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await invokeChannel(d, 'staff:unlock', { pin: '1234', extra: true }, sink)).toMatchObject({
      ok: true,
    });
    expect(seen).toEqual([{ pin: '1234' }]);
  });

  it('gates staff channels', async () => {
    const handler = vi.fn(async () => []);
    expect(
      await invokeChannel(deps({ 'payment:orders': handler }), 'payment:orders', { limit: 5 }, sink),
    ).toMatchObject({
      ok: false,
      error: { code: 'STAFF_REQUIRED' },
    });
    expect(handler).not.toHaveBeenCalled();
    expect(
      await invokeChannel(deps({ 'payment:orders': handler }, true), 'payment:orders', { limit: 5 }, sink),
    ).toEqual({ ok: true, value: [] });
  });

  it('turns a KioskError into its typed shape and any other throw into INTERNAL', async () => {
    const typed = deps({
      'staff:lock': async () =>
        Promise.reject(new KioskError('STAFF_LOCKED_OUT', 'wait', { lockedUntil: 'x' })),
    });
    expect(await invokeChannel(typed, 'staff:lock', {}, sink)).toEqual({
      ok: false,
      error: { code: 'STAFF_LOCKED_OUT', message: 'wait', details: { lockedUntil: 'x' } },
    });
    const crash = deps({ 'staff:lock': async () => Promise.reject(new TypeError('boom')) });
    expect(await invokeChannel(crash, 'staff:lock', {}, sink)).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });

  it('refuses a handler answer that breaks the output schema', async () => {
    const d = deps({ 'staff:status': async () => ({ unlocked: 'yes' }) as never });
    expect(await invokeChannel(d, 'staff:status', {}, sink)).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });

  it('answers INVALID_INPUT, never an exception, for a payload whose properties throw when read', async () => {
    const handler = vi.fn();
    const d = deps({ 'analysis:preview-frame': handler });
    // What an old wire decoder made of {"__proto__": <bytes>}: typed-array getters on a plain object.
    const hostile = Object.create(new Uint8Array(4)) as object;
    const trap = {
      get width() {
        throw new Error('boom');
      },
      height: 1,
      data: new Uint8Array(4),
    };
    for (const raw of [hostile, trap]) {
      await expect(invokeChannel(d, 'analysis:preview-frame', raw, sink)).resolves.toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    expect(handler).not.toHaveBeenCalled();
  });
});
