import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskRuntime } from '../../../electron/services/kiosk-runtime';
import { loadKioskConfig, needsSetupMessage } from '../../../electron/adapters/config/kiosk-config-store';
import { hashPin } from '../../../electron/adapters/staff/pin-hash-adapter';
import type { HealthReport, StaffStatus } from '../../../electron/shared/schemas/system-schemas';
import { startTestRuntime } from '../../support/test-runtime';

/**
 * Staff access as the hosts build it: the config file read from the data folder, the runtime
 * assembled, every call through the contract path. The demo PIN belongs to a kiosk without a config
 * file only; a provisioned kiosk keeps its lockout across restarts.
 */
const running: KioskRuntime[] = [];
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.dispose()));
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataFolder(config: string | null): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'staff-access-'));
  folders.push(dir);
  if (config !== null) writeFileSync(path.join(dir, 'kiosk-config.json'), config);
  return dir;
}

async function boot(dataDir: string, packaged = false) {
  const loaded = await loadKioskConfig(path.join(dataDir, 'kiosk-config.json'));
  const runtime = await startTestRuntime(dataDir, {
    config: loaded.config,
    needsSetup: needsSetupMessage(loaded),
    configFound: loaded.kind !== 'missing',
    packaged,
  });
  running.push(runtime);
  const call = (channel: string, input: unknown = {}) => runtime.invoke(channel, input);
  const code = async (channel: string, input: unknown = {}) => {
    const r = await call(channel, input);
    return r.ok ? 'ok' : r.error.code;
  };
  const health = async () => ((await call('system:health')) as { value: HealthReport }).value;
  const status = async () => ((await call('staff:status')) as { value: StaffStatus }).value;
  return { runtime, call, code, health, status };
}

const provisioned = async (pin: string) =>
  JSON.stringify({ staff: { pinHash: await hashPin(pin, { N: 1024 }) } });

describe('staff access', () => {
  it('opens to the demo PIN only on a kiosk without a config file', async () => {
    const k = await boot(dataFolder(null));
    expect(await k.code('staff:unlock', { pin: '1234' })).toBe('ok');
    expect((await k.health()).reasons).not.toContain('staff_pin_missing');
  });

  it.each([
    ['not JSON', '{"storeId": '],
    ['a misspelt field', '{"staf": {}}'],
    ['a wrong value', '{"staff": {"maxAttempts": 0}}'],
  ])('keeps staff mode closed when the config file is %s: "needs setup" is read-only', async (_n, text) => {
    const k = await boot(dataFolder(text));
    const info = (await k.call('app:info')) as { value: { needsSetup: string | null } };
    expect(info.value.needsSetup).toMatch(/cannot be used/);
    expect(await k.code('staff:unlock', { pin: '1234' })).toBe('STAFF_PIN_NOT_SET');
    expect(await k.status()).toMatchObject({ unlocked: false, pinConfigured: false });
    for (const channel of ['system:logs', 'catalog:sync-now', 'analysis:status', 'payment:orders'])
      expect(
        await k.code(channel, channel.endsWith('logs') || channel.endsWith('orders') ? { limit: 5 } : {}),
      ).toBe('STAFF_REQUIRED');
    expect((await k.health()).reasons).toContain('needs_setup');
  });

  it('never accepts the demo PIN on a kiosk whose valid config file names no PIN', async () => {
    const k = await boot(dataFolder('{}'));
    expect(await k.code('staff:unlock', { pin: '1234' })).toBe('STAFF_PIN_NOT_SET');
    expect((await k.status()).pinConfigured).toBe(false);
  });

  it('opens to the provisioned PIN, and not to the demo one', async () => {
    const k = await boot(dataFolder(await provisioned('4821')));
    expect(await k.code('staff:unlock', { pin: '1234' })).toBe('STAFF_PIN_INVALID');
    expect(await k.code('staff:unlock', { pin: '4821' })).toBe('ok');
  });

  it('reports an installed kiosk without a PIN of its own as degraded, with the reason', async () => {
    for (const config of ['{}', null]) {
      const k = await boot(dataFolder(config), true);
      expect(await k.health()).toMatchObject({
        status: 'degraded',
        reasons: expect.arrayContaining(['staff_pin_missing']),
      });
    }
    const own = await boot(dataFolder(await provisioned('4821')), true);
    expect((await own.health()).reasons).not.toContain('staff_pin_missing');
    // A development host with no PIN is not a fleet problem.
    expect((await (await boot(dataFolder('{}'))).health()).reasons).not.toContain('staff_pin_missing');
  });

  it('keeps a lockout across a restart of the whole kiosk', async () => {
    const dir = dataFolder(await provisioned('4821'));
    const first = await boot(dir);
    for (let i = 0; i < 5; i++) await first.code('staff:unlock', { pin: '0000' });
    const lockedUntil = (await first.status()).lockedUntil;
    expect(lockedUntil).not.toBeNull();
    await first.runtime.dispose();
    running.splice(running.indexOf(first.runtime), 1);

    const second = await boot(dir);
    expect(await second.status()).toMatchObject({ lockedUntil, attemptsLeft: 0 });
    expect(await second.code('staff:unlock', { pin: '4821' })).toBe('STAFF_LOCKED_OUT');
  });
});
