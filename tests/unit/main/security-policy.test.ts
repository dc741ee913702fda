import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ app: { on: vi.fn() } }));
const { applyPermissionPolicy } = await import('../../../electron/main/security-policy');
const { silentLogger } = await import('../../../electron/core/ports/logger-port');

type RequestHandler = (
  wc: unknown,
  permission: string,
  cb: (ok: boolean) => void,
  details: Record<string, unknown>,
) => void;
type CheckHandler = (
  wc: unknown,
  permission: string,
  origin: string,
  details: Record<string, unknown>,
) => boolean;

function policy() {
  let request: RequestHandler = () => undefined;
  let check: CheckHandler = () => true;
  const session = {
    setPermissionRequestHandler: (h: RequestHandler) => (request = h),
    setPermissionCheckHandler: (h: CheckHandler) => (check = h),
    setDevicePermissionHandler: vi.fn(),
  };
  applyPermissionPolicy(session as never, 'app://kiosk', silentLogger);
  const ask = (permission: string, details: Record<string, unknown>) =>
    new Promise<boolean>((resolve) => request(null, permission, resolve, details));
  return {
    ask,
    check: (p: string, origin: string, d: Record<string, unknown> = {}) => check(null, p, origin, d),
  };
}

describe('permission policy', () => {
  it('grants the camera to the app origin only', async () => {
    const { ask } = policy();
    expect(await ask('media', { requestingUrl: 'app://kiosk/index.html', mediaTypes: ['video'] })).toBe(true);
    expect(await ask('media', { requestingUrl: 'https://evil.example/', mediaTypes: ['video'] })).toBe(false);
  });

  it('refuses the microphone and every other permission', async () => {
    const { ask } = policy();
    expect(await ask('media', { requestingUrl: 'app://kiosk/', mediaTypes: ['audio'] })).toBe(false);
    expect(await ask('media', { requestingUrl: 'app://kiosk/', mediaTypes: ['video', 'audio'] })).toBe(false);
    for (const p of [
      'notifications',
      'geolocation',
      'clipboard-read',
      'hid',
      'serial',
      'midi',
      'openExternal',
    ]) {
      expect(await ask(p, { requestingUrl: 'app://kiosk/' })).toBe(false);
    }
  });

  it('answers permission checks the same way', () => {
    const { check } = policy();
    expect(check('media', 'app://kiosk', { mediaType: 'video' })).toBe(true);
    expect(check('media', 'app://kiosk', { mediaType: 'audio' })).toBe(false);
    expect(check('media', 'https://evil.example', { mediaType: 'video' })).toBe(false);
    expect(check('geolocation', 'app://kiosk')).toBe(false);
  });

  it('accepts the origin as Electron passes it to permission checks, with a trailing slash', () => {
    const { check } = policy();
    expect(check('media', 'app://kiosk/', { mediaType: 'video' })).toBe(true);
    expect(check('media', 'app://kiosk/')).toBe(true);
    expect(check('media', 'app://kiosk.evil/', { mediaType: 'video' })).toBe(false);
    expect(check('media', 'app://kiosk/', { mediaType: 'audio' })).toBe(false);
  });
});
