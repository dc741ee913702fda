import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Registry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FunnelService, localDay } from '../../../../electron/adapters/metrics/funnel-service';
import { silentLogger, type Logger } from '../../../../electron/core/ports/logger-port';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kiosk-funnel-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const NOON = new Date(2026, 2, 14, 12, 0, 0).getTime();
const service = (now: () => number, logger: Logger = silentLogger, registry = new Registry()) =>
  new FunnelService({ dataDir: dir, registry, logger, now });

function shopper(f: FunnelService, paid: boolean): void {
  f.sessionStarted();
  f.reach('consent');
  f.reach('scan_completed');
  f.reach('routine_shown');
  f.reach('added_to_cart');
  if (paid) f.payment('succeeded');
  else f.payment('declined');
  f.sessionEnded(paid ? 'completed' : 'idle');
}

describe('funnel service', () => {
  it('counts sessions into the metrics registry, every step and category present from the start', async () => {
    const registry = new Registry();
    const f = service(() => NOON, silentLogger, registry);
    const before = await registry.metrics();
    expect(before).toContain('skinkiosk_funnel_steps_total{step="paid"} 0');
    expect(before).toContain('skinkiosk_funnel_declines_total{category="walked_away"} 0');
    shopper(f, true);
    shopper(f, false);
    const text = await registry.metrics();
    expect(text).toContain('skinkiosk_funnel_steps_total{step="attract"} 2');
    expect(text).toContain('skinkiosk_funnel_steps_total{step="paid"} 1');
    expect(text).toContain('skinkiosk_funnel_declines_total{category="card_declined"} 1');
    expect(text).toContain('skinkiosk_funnel_declines_total{category="walked_away"} 1');
  });

  it("keeps today's counts across a restart, and only counts on disk", async () => {
    const first = service(() => NOON);
    shopper(first, true);
    shopper(first, false);
    await first.flush();
    const file = readFileSync(path.join(dir, 'funnel-today.json'), 'utf8');
    expect(Object.keys(JSON.parse(file) as object).sort()).toEqual(['day', 'declines', 'steps']);
    const again = service(() => NOON + 3_600_000);
    expect(again.today()).toMatchObject({
      day: localDay(NOON),
      steps: { attract: 2, consent: 2, paid: 1, qr_shown: 0 },
      declines: { card_declined: 1, walked_away: 1 },
    });
  });

  it('starts a new day at local midnight, on screen and on disk', async () => {
    let now = NOON;
    const f = service(() => now);
    shopper(f, true);
    now = new Date(2026, 2, 15, 0, 0, 5).getTime();
    expect(f.today()).toMatchObject({ day: '2026-03-15', steps: { attract: 0 } });
    shopper(f, true);
    await f.flush();
    expect(service(() => now).today().steps.attract).toBe(1);
    // Yesterday's file does not leak into a later day after a restart either.
    expect(service(() => now + 86_400_000).today().steps.attract).toBe(0);
  });

  it('starts from zero, with a warning, when the file is torn, edited or not a file at all', async () => {
    const warnings: string[] = [];
    const logger: Logger = { ...silentLogger, warn: (m) => warnings.push(m) };
    const file = path.join(dir, 'funnel-today.json');
    writeFileSync(file, '{"day":"2026-03-14","steps":{"attract":');
    expect(service(() => NOON, logger).today().steps.attract).toBe(0);
    writeFileSync(file, JSON.stringify({ day: '2026-03-14', steps: { attract: -4 }, declines: {} }));
    expect(service(() => NOON, logger).today().steps.attract).toBe(0);
    rmSync(file);
    execFileSync('mkfifo', [file]);
    // A FIFO would block a plain read forever; the service must not even open it.
    const f = service(() => NOON, logger);
    expect(f.today().steps.attract).toBe(0);
    expect(warnings).toEqual(['funnel.file_unreadable', 'funnel.file_unreadable', 'funnel.file_unreadable']);
    // The next count replaces the FIFO with a real file.
    shopper(f, true);
    await f.flush();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ steps: { attract: 1 } });
  });

  it('writes bursts in order: the file always ends with the latest counts', async () => {
    const f = service(() => NOON);
    for (let i = 0; i < 50; i++) shopper(f, i % 2 === 0);
    await f.flush();
    const onDisk = JSON.parse(readFileSync(path.join(dir, 'funnel-today.json'), 'utf8')) as {
      steps: { attract: number; paid: number };
    };
    expect(onDisk.steps).toMatchObject({ attract: 50, paid: 25 });
  });
});
