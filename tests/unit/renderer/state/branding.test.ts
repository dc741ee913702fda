import { describe, expect, it, vi } from 'vitest';
import type { AppInfo } from '../../../../electron/shared/schemas/system-schemas';
import { Branding } from '../../../../renderer/src/lib/branding.svelte';
import { ScriptedClient } from './scripted-client';

const INFO: AppInfo = {
  version: '1',
  storeId: 's',
  kioskId: 'k',
  locales: ['en'],
  defaultLocale: 'en',
  idleTimeoutSec: 60,
  stillThereSec: 10,
  demoPayments: true,
  needsSetup: null,
};

describe('Branding', () => {
  it('writes the accent into the tokens and turns the store files into object URLs', async () => {
    const props = new Map<string, string>();
    const client = new ScriptedClient().answer('app:brand-asset', ({ asset }) => ({
      mime: asset === 'logo' ? 'image/svg+xml' : 'video/mp4',
      data: new Uint8Array([1, 2, 3]),
    }));
    const created = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => `blob:${(b as Blob).type}`);
    const branding = new Branding(client, { style: { setProperty: (k, v) => props.set(k, v) } });
    await branding.apply({
      ...INFO,
      branding: {
        storeName: 'Glow & Co',
        accent: { fill: '#ffcc00', ink: '#1f1a17' },
        logo: true,
        attract: 'video',
      },
    });
    expect(props).toEqual(
      new Map([
        ['--accent', '#ffcc00'],
        ['--accent-ink', '#1f1a17'],
      ]),
    );
    expect(branding.storeName).toBe('Glow & Co');
    expect(branding.logoUrl).toBe('blob:image/svg+xml');
    expect(branding.attract).toEqual({ kind: 'video', url: 'blob:video/mp4' });
    expect(created).toHaveBeenCalledTimes(2);
  });

  it('keeps the built-in look without a branding section, or when an asset is missing', async () => {
    const props = new Map<string, string>();
    const client = new ScriptedClient().answer('app:brand-asset', null);
    const branding = new Branding(client, { style: { setProperty: (k, v) => props.set(k, v) } });
    await branding.apply(INFO);
    expect(client.calls).toEqual([]);
    await branding.apply({
      ...INFO,
      branding: { storeName: null, accent: null, logo: true, attract: 'image' },
    });
    expect(props.size).toBe(0);
    expect(branding.logoUrl).toBeNull();
    expect(branding.attract).toBeNull();
  });
});
