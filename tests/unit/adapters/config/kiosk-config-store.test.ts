import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  loadKioskConfig,
  needsSetupMessage,
  resolveConfigPath,
  writeKioskConfig,
} from '../../../../electron/adapters/config/kiosk-config-store';
import { demoConfig } from '../../../../electron/core/fleet/config-validation';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kiosk-cfg-'));
  file = path.join(dir, 'kiosk-config.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('kiosk config store', () => {
  it('a missing file runs the demo', async () => {
    const r = await loadKioskConfig(file);
    expect(r).toEqual({ kind: 'missing', path: file, config: demoConfig() });
    expect(needsSetupMessage(r)).toBeNull();
  });

  it('round-trips a written config, with defaults filled in and private permissions', async () => {
    const written = await writeKioskConfig(file, {
      storeId: 'store-9',
      kioskId: 'k-3',
      updates: { channel: 'beta' },
    });
    expect(written.updates.window).toEqual({ start: '02:00', end: '05:00' });
    const r = await loadKioskConfig(file);
    expect(r).toEqual({ kind: 'loaded', path: file, config: written });
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['kiosk-config.json']);
  });

  it('invalid JSON → needs setup, payments off, never a throw', async () => {
    writeFileSync(file, '{ "storeId": "s1", ');
    const r = await loadKioskConfig(file);
    expect(r.kind).toBe('invalid');
    if (r.kind !== 'invalid') return;
    expect(r.reasons[0]).toMatch(/^not valid JSON/);
    expect(r.config.payments.mode).toBe('disabled');
    expect(needsSetupMessage(r)).toContain('cannot be used: not valid JSON');
  });

  it('wrong fields → needs setup with the field names', async () => {
    writeFileSync(
      file,
      JSON.stringify({ storeId: 's1', updates: { window: { start: '2am', end: '05:00' } }, extra: true }),
    );
    const r = await loadKioskConfig(file);
    expect(r).toMatchObject({
      kind: 'invalid',
      reasons: ['updates.window.start: expected HH:MM (24 h)', 'extra: unknown field'],
    });
  });

  it('accepts a UTF-8 byte-order mark (Windows Notepad writes one)', async () => {
    writeFileSync(file, `\uFEFF${JSON.stringify({ storeId: 'store-bom' })}`);
    const r = await loadKioskConfig(file);
    expect(r.kind === 'loaded' && r.config.storeId).toBe('store-bom');
  });

  // Root reads anything, so this only runs as an ordinary user.
  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)(
    'an unreadable file is a needs-setup reason too',
    async () => {
      writeFileSync(file, '{}');
      chmodSync(file, 0o000);
      const r = await loadKioskConfig(file);
      expect(r).toMatchObject({ kind: 'invalid', reasons: ['cannot read the file (EACCES)'] });
    },
  );

  it('refuses to write an invalid config and leaves the old file intact', async () => {
    await writeKioskConfig(file, { storeId: 'before' });
    const before = readFileSync(file, 'utf8');
    await expect(
      writeKioskConfig(file, { storeId: 'after', payments: { mode: 'stripe' } }),
    ).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
    });
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(readdirSync(dir)).toEqual(['kiosk-config.json']);
  });

  it('SKINKIOSK_CONFIG overrides the default location', () => {
    expect(resolveConfigPath('/data', {})).toBe(path.join('/data', 'kiosk-config.json'));
    expect(resolveConfigPath('/data', { SKINKIOSK_CONFIG: '/etc/skinkiosk/config.json' })).toBe(
      path.resolve('/etc/skinkiosk/config.json'),
    );
  });
});
