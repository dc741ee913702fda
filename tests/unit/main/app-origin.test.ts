import { describe, expect, it } from 'vitest';
import { appOrigin, isAppUrl, PRODUCTION_ORIGIN } from '../../../electron/main/app-origin';

describe('app origin', () => {
  it('is app://kiosk in production and the dev server origin in development', () => {
    expect(appOrigin(undefined)).toBe('app://kiosk');
    expect(appOrigin('http://localhost:5173/index.html')).toBe('http://localhost:5173');
  });

  it('matches only URLs of exactly that origin', () => {
    expect(isAppUrl('app://kiosk/index.html', PRODUCTION_ORIGIN)).toBe(true);
    expect(isAppUrl('app://kiosk.evil/index.html', PRODUCTION_ORIGIN)).toBe(false);
    expect(isAppUrl('https://kiosk/index.html', PRODUCTION_ORIGIN)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', PRODUCTION_ORIGIN)).toBe(false);
    expect(isAppUrl('not a url', PRODUCTION_ORIGIN)).toBe(false);
  });
});
