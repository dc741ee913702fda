import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BrandingService } from '../../../electron/services/branding-service';
import { createSessionHandlers } from '../../../electron/services/handlers/session-handlers';
import { invokeChannel } from '../../../electron/services/invoke-channel';
import type { HandlerTable } from '../../../electron/services/handler-types';
import { SessionService } from '../../../electron/services/session-service';
import { KioskConfigSchema, type KioskConfigInput } from '../../../electron/core/config/kiosk-config-schema';
import type { Logger } from '../../../electron/core/ports/logger-port';
import { AppInfo } from '../../../electron/shared/schemas/system-schemas';

const dir = mkdtempSync(path.join(tmpdir(), 'branding-'));
const svg = path.join(dir, 'logo.svg');
writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>');

function logger(): Logger & { lines: unknown[][] } {
  const lines: unknown[][] = [];
  const log = (level: string) => (msg: string, fields?: unknown) => lines.push([level, msg, fields]);
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error'), lines };
}

async function kiosk(input: KioskConfigInput) {
  const config = KioskConfigSchema.parse(input);
  const log = logger();
  const branding = await BrandingService.load(config.branding, log);
  const session = new SessionService({
    config,
    version: 't',
    needsSetup: null,
    keepAwake: { hold() {}, release() {} },
    logger: log,
    branding: branding.summary(),
  });
  const handlers = createSessionHandlers(session, branding) as unknown as HandlerTable;
  const invoke = (channel: string, raw: unknown) =>
    invokeChannel({ handlers, staffUnlocked: () => false, logger: log }, channel, raw, { emit: vi.fn() });
  return { invoke, log };
}

describe('store branding from the config', () => {
  it('tells the renderer the store name, an accent with readable ink, and which assets exist', async () => {
    const { invoke } = await kiosk({
      branding: { storeName: 'Glow & Co', accentColor: '#FFCC00', logoFile: svg },
    });
    const info = await invoke('app:info', {});
    expect(info.ok).toBe(true);
    if (!info.ok) return;
    expect(AppInfo.parse(info.value).branding).toEqual({
      storeName: 'Glow & Co',
      accent: { fill: '#ffcc00', ink: '#1f1a17' },
      logo: true,
      attract: 'builtin',
    });
    const logo = await invoke('app:brand-asset', { asset: 'logo' });
    expect(logo).toMatchObject({ ok: true, value: { mime: 'image/svg+xml' } });
    expect(await invoke('app:brand-asset', { asset: 'attract' })).toEqual({ ok: true, value: null });
    expect(await invoke('app:brand-asset', { asset: '../etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('keeps the built-in look and logs why when a file cannot be used', async () => {
    const { invoke, log } = await kiosk({
      branding: { logoFile: path.join(dir, 'missing.png'), attractMediaFile: svg },
    });
    const info = await invoke('app:info', {});
    expect(info.ok && info.value).toMatchObject({ branding: { logo: false, attract: 'image' } });
    expect(log.lines).toContainEqual([
      'warn',
      'branding.asset_rejected',
      { asset: 'logo', reason: expect.stringContaining('branding.logoFile') },
    ]);
  });

  it('rejects a colour that is not #rrggbb and unknown branding fields in the config', () => {
    expect(KioskConfigSchema.safeParse({ branding: { accentColor: 'red' } }).success).toBe(false);
    expect(KioskConfigSchema.safeParse({ branding: { logo: 'x.png' } }).success).toBe(false);
    expect(KioskConfigSchema.parse({}).branding).toEqual({
      storeName: null,
      accentColor: null,
      logoFile: null,
      attractMediaFile: null,
    });
  });
});
