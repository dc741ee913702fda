import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JsonLinesLogger } from '../../../../electron/adapters/logging/json-lines-logger-adapter';
import { LogLine } from '../../../../electron/shared/schemas/staff-schemas';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kiosk-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const readLines = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('JSON-lines logger', () => {
  it('writes one JSON object per line with base fields, and keeps recent lines for staff', () => {
    const now = new Date('2026-01-01T10:00:00.000Z');
    const log = new JsonLinesLogger({ dir, base: { storeId: 's1', kioskId: 'k1' }, now: () => now });
    log.info('session.started');
    log.warn('payment.failed', { orderId: 'ord_1', reason: 'reader_offline' });
    log.debug('dropped below the minimum level');
    log.close();
    expect(readLines(log.filePath)).toEqual([
      {
        time: '2026-01-01T10:00:00.000Z',
        level: 'info',
        msg: 'session.started',
        storeId: 's1',
        kioskId: 'k1',
      },
      {
        time: '2026-01-01T10:00:00.000Z',
        level: 'warn',
        msg: 'payment.failed',
        storeId: 's1',
        kioskId: 'k1',
        orderId: 'ord_1',
        reason: 'reader_offline',
      },
    ]);
    const recent = log.recent(10);
    expect(recent.map((l) => l.msg)).toEqual([
      'session.started',
      'payment.failed orderId=ord_1 reason=reader_offline',
    ]);
    for (const l of recent) expect(LogLine.safeParse(l).success).toBe(true);
  });

  it('never writes personal data, whatever a caller passes', () => {
    const log = new JsonLinesLogger({ dir });
    log.error(`analysis failed on data:image/png;base64,${'iVBORw0KGgo'.repeat(10)}`, {
      faceImage: 'AAAA',
      answers: 'oily,acne',
      email: 'shopper@example.com',
      note: 'card 4242424242424242',
    });
    log.close();
    const text = readFileSync(log.filePath, 'utf8');
    for (const leak of ['iVBORw0KGgo', 'AAAA', 'oily', 'shopper@example.com', '4242424242424242'])
      expect(text).not.toContain(leak);
    expect(log.recent(1)[0]?.msg).not.toContain('oily');
  });

  it('redacts nested fields, binary and secrets in text before the line reaches the file', () => {
    const log = new JsonLinesLogger({ dir });
    log.warn('payment.failed', {
      details: { pin: '4821', card: { last4: '4242' }, image: 'AAAA', stage: 'capture' },
      payload: new Uint8Array([7, 7, 7, 7]),
      error: 'Invalid API Key provided: sk_live_51HxYzAbCdEfGhIjKlMn',
    });
    log.close();
    const [line] = readLines(log.filePath);
    expect(line).toMatchObject({
      details: { pin: '[redacted]', card: '[redacted]', image: '[redacted]', stage: 'capture' },
      payload: '[binary]',
      error: 'Invalid API Key provided: [redacted]',
    });
    expect(readFileSync(log.filePath, 'utf8')).not.toMatch(/4821|sk_live|"7"|\[7,7/);
    expect(log.recent(1)[0]?.msg).toContain('stage');
    expect(log.recent(1)[0]?.msg).not.toContain('4821');
  });

  it('rotates by size and keeps a bounded number of files', () => {
    const log = new JsonLinesLogger({ dir, maxBytes: 400, keepFiles: 2 });
    for (let i = 0; i < 40; i++) log.info('tick', { i });
    log.close();
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['kiosk.1.log', 'kiosk.2.log', 'kiosk.log']);
    for (const f of files) expect(readFileSync(path.join(dir, f)).length).toBeLessThanOrEqual(400);
    // Rotation keeps order: the newest line is in kiosk.log, older ones in .1 then .2.
    const newest = readLines(path.join(dir, 'kiosk.log')).at(-1);
    const older = readLines(path.join(dir, 'kiosk.1.log')).at(-1);
    expect(newest?.i).toBe(39);
    expect(Number(older?.i)).toBeLessThan(39);
  });

  it('shows lines from before a restart on the staff screen', () => {
    const first = new JsonLinesLogger({ dir, base: { kioskId: 'k1' } });
    first.error('main.uncaught', { error: 'TypeError: x is undefined' });
    first.close();
    const second = new JsonLinesLogger({ dir, base: { kioskId: 'k1' } });
    second.info('app.started');
    expect(second.recent(5).map((l) => l.msg)).toEqual([
      'main.uncaught error=TypeError: x is undefined',
      'app.started',
    ]);
    second.close();
  });

  it('bounds the in-memory buffer and adds child fields', () => {
    const log = new JsonLinesLogger({ dir, recentLines: 3 });
    const child = log.child({ component: 'updater' });
    for (let i = 0; i < 5; i++) child.info('check', { i });
    expect(log.recent(10).map((l) => l.msg)).toEqual([
      'check component=updater i=2',
      'check component=updater i=3',
      'check component=updater i=4',
    ]);
    log.close();
  });
});
