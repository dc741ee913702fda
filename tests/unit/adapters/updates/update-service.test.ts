import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UpdateService, type UpdateServiceDeps } from '../../../../electron/adapters/updates/update-service';
import type { UpdateDriver } from '../../../../electron/core/fleet/update-driver-port';
import { parseClockTime } from '../../../../electron/core/fleet/maintenance-window';
import type { LogFields } from '../../../../electron/core/ports/logger-port';
import type { UpdateState } from '../../../../electron/shared/schemas/system-schemas';

/** A driver whose answers each test scripts; the real electron-updater driver runs in tests/integration/fleet. */
class ScriptedDriver implements UpdateDriver {
  checks: Array<() => Promise<{ version: string } | null>> = [];
  downloads: Array<(progress: (p: number) => void) => Promise<void>> = [];
  installs = 0;
  installResult = true;
  canceled = false;
  check() {
    const next = this.checks.shift();
    if (!next) throw new Error('unexpected check');
    return next();
  }
  download(onProgress: (p: number) => void) {
    const next = this.downloads.shift();
    if (!next) throw new Error('unexpected download');
    return next(onProgress);
  }
  install() {
    this.installs += 1;
    return this.installResult;
  }
  cancel() {
    this.canceled = true;
  }
}

const MIN = 60_000;
let driver: ScriptedDriver;
let states: UpdateState[];
let logs: Array<{ level: string; msg: string; fields?: LogFields }>;
let clock: { minute: number; active: boolean; sinceLast: number | null };

function service(overrides: Partial<UpdateServiceDeps> = {}) {
  const at = (level: string) => (msg: string, fields?: LogFields) => logs.push({ level, msg, fields });
  return new UpdateService({
    driver,
    channel: 'latest',
    window: { start: '22:00', end: '02:00' },
    checkIntervalMs: 4 * 60 * MIN,
    firstCheckDelayMs: 1_000,
    sessions: { isActive: () => clock.active, msSinceLastSession: () => clock.sinceLast },
    onState: (s) => states.push(s),
    logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') },
    minuteOfDay: () => clock.minute,
    ...overrides,
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  driver = new ScriptedDriver();
  states = [];
  logs = [];
  clock = { minute: parseClockTime('23:30'), active: false, sinceLast: null };
});
afterEach(() => vi.useRealTimers());

describe('update service', () => {
  it('is disabled without a driver and never schedules anything', async () => {
    const s = service({ driver: null });
    s.start();
    expect(s.status().phase).toBe('disabled');
    expect(await s.checkNow()).toMatchObject({ phase: 'disabled' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('checks after start, downloads with whole-percent progress and installs inside the window', async () => {
    driver.checks.push(async () => ({ version: '0.2.0' }));
    driver.downloads.push(async (progress) => {
      for (const p of [0.2, 0.7, 10.1, 10.9, 55, 100]) progress(p);
    });
    const s = service();
    s.start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(driver.installs).toBe(1);
    expect(states.map((x) => x.phase)).toEqual([
      'checking',
      'downloading',
      'downloading',
      'downloading',
      'downloading',
      'downloading',
      'downloaded',
      'installing',
    ]);
    expect(states.filter((x) => x.phase === 'downloading').map((x) => x.progressPercent)).toEqual([
      0, 0.2, 10.1, 55, 100,
    ]);
    expect(logs.map((l) => l.msg)).toEqual(['update.available', 'update.downloaded', 'update.installing']);
  });

  it('holds a downloaded update until the window opens, then until the shopper leaves', async () => {
    clock.minute = parseClockTime('14:00');
    driver.checks.push(async () => ({ version: '0.2.0' }));
    driver.downloads.push(async () => {});
    const s = service();
    await s.checkNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(s.status().phase).toBe('downloaded');
    expect(driver.installs).toBe(0);

    // The retry is timed for 22:00; a shopper happens to be there.
    clock.minute = parseClockTime('22:00');
    clock.active = true;
    await vi.advanceTimersByTimeAsync(8 * 60 * MIN);
    expect(driver.installs).toBe(0);

    clock.active = false;
    clock.sinceLast = 30_000;
    await vi.advanceTimersByTimeAsync(MIN);
    expect(driver.installs).toBe(0);
    clock.sinceLast = 3 * MIN;
    await vi.advanceTimersByTimeAsync(MIN + 30_000);
    expect(driver.installs).toBe(1);
    expect(s.status().phase).toBe('installing');
  });

  it('backs off after failures and recovers', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    driver.checks.push(
      async () => Promise.reject(refused),
      async () => Promise.reject(refused),
      async () => null,
    );
    const s = service();
    await s.checkNow();
    expect(s.status()).toMatchObject({
      phase: 'error',
      lastError: 'Update server unreachable (ECONNREFUSED).',
    });
    expect(s.consecutiveFailures()).toBe(1);
    await vi.advanceTimersByTimeAsync(MIN - 1);
    expect(driver.checks).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.consecutiveFailures()).toBe(2);
    await vi.advanceTimersByTimeAsync(2 * MIN);
    expect(s.status()).toMatchObject({ phase: 'idle', lastError: null });
    expect(s.consecutiveFailures()).toBe(0);
    expect(logs.filter((l) => l.msg === 'update.check_failed').map((l) => l.fields?.failures)).toEqual([
      1, 2,
    ]);
  });

  it('logs a checksum refusal as an error and retries the download later', async () => {
    const mismatch = Object.assign(new Error('sha512 checksum mismatch, expected abc, got def'), {
      code: 'ERR_CHECKSUM_MISMATCH',
    });
    driver.checks.push(async () => ({ version: '0.2.0' }));
    driver.downloads.push(async () => Promise.reject(mismatch));
    const s = service();
    await s.checkNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(s.status()).toMatchObject({
      phase: 'error',
      lastError: 'Downloaded update does not match the published sha512; refused.',
    });
    expect(logs.find((l) => l.msg === 'update.download_failed')).toMatchObject({
      level: 'error',
      fields: { kind: 'checksum' },
    });
    driver.checks.push(async () => ({ version: '0.2.0' }));
    driver.downloads.push(async () => {});
    await vi.advanceTimersByTimeAsync(MIN);
    expect(driver.installs).toBe(1);
  });

  it('does not start a second check while one is running', async () => {
    let release: (v: null) => void = () => {};
    driver.checks.push(() => new Promise((r) => (release = r)));
    const s = service();
    const a = s.checkNow();
    const b = s.checkNow();
    release(null);
    await Promise.all([a, b]);
    expect(s.status().phase).toBe('idle');
  });

  it('reports an installer that did not start', async () => {
    driver.installResult = false;
    driver.checks.push(async () => ({ version: '0.2.0' }));
    driver.downloads.push(async () => {});
    const s = service();
    await s.checkNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(s.status()).toMatchObject({ phase: 'error', lastError: 'The installer did not start.' });
  });

  it('stops its timer and the download on dispose', async () => {
    driver.checks.push(async () => null);
    const s = service();
    await s.checkNow();
    expect(vi.getTimerCount()).toBe(1);
    s.dispose();
    expect(vi.getTimerCount()).toBe(0);
    expect(driver.canceled).toBe(true);
  });
});
