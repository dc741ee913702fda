import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JsonLinesLogger } from '../../../electron/adapters/logging/json-lines-logger-adapter';

/**
 * The kiosk's log file as a shipper (Vector, Fluent Bit, Promtail, Filebeat …) expects it: one JSON
 * object per line, an RFC 3339 `time`, a `level`, an event name in `msg`, flat scalar fields. The
 * Vector config in build/logging is held to the same format.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const vector = parseToml(readFileSync(path.join(root, 'build/logging/vector.toml'), 'utf8')) as {
  sources: Record<string, { include: string[]; max_line_bytes: number }>;
  transforms: Record<string, { source: string; inputs: string[] }>;
  sinks: Record<string, { inputs: string[]; labels: Record<string, string> }>;
  tests: { inputs: { insert_at: string; log_fields: { message: string } }[] }[];
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kiosk-logship-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const base = { storeId: 'store-042', kioskId: 'kiosk-2', version: '1.4.0' };
const readLines = (file: string) => readFileSync(file, 'utf8').split('\n');

function expectShippable(text: string): Record<string, unknown> {
  expect(Buffer.byteLength(text)).toBeLessThan(vector.sources.skin_kiosk_log?.max_line_bytes ?? 0);
  const obj = JSON.parse(text) as Record<string, unknown>;
  expect(obj.constructor).toBe(Object);
  expect(typeof obj.time).toBe('string');
  expect(obj.time).toMatch(RFC3339);
  expect(new Date(obj.time as string).toISOString()).toBe(obj.time);
  expect(['debug', 'info', 'warn', 'error']).toContain(obj.level);
  expect(typeof obj.msg).toBe('string');
  for (const [k, v] of Object.entries(obj))
    expect(v === null || ['string', 'number', 'boolean'].includes(typeof v), k).toBe(true);
  return obj;
}

describe('log shipping format', () => {
  it('writes one flat JSON object per line, whatever the fields hold', () => {
    const logger = new JsonLinesLogger({ dir, base });
    logger.info('session.started');
    logger.warn('catalog.sync_failed', { error: 'line one\nline two "quoted"\r\t', attempt: 3, retry: true });
    logger.error('main.uncaught', { error: 'x'.repeat(5000), at: null });
    logger.info('camera.state', { state: 'ok', note: 'Niño ☀ \ud800 lone surrogate' });
    logger.close();
    const lines = readLines(path.join(dir, 'kiosk.log'));
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(4);
    const objects = lines.map(expectShippable);
    expect(objects[1]).toMatchObject({
      level: 'warn',
      msg: 'catalog.sync_failed',
      attempt: 3,
      retry: true,
      ...base,
    });
    expect(objects[1]?.error).toContain('line one\nline two');
    expect((objects[2]?.error as string).length).toBeLessThanOrEqual(300);
    // A lone surrogate is escaped by JSON.stringify, so the file stays valid UTF-8 for the shipper.
    expect(readFileSync(path.join(dir, 'kiosk.log')).toString('utf8')).not.toContain('\ufffd');
  });

  it('rotates into names the shipper follows, every line in exactly one file', () => {
    const logger = new JsonLinesLogger({ dir, base, maxBytes: 2000, keepFiles: 4 });
    for (let i = 0; i < 40; i++) logger.info('session.ended', { reason: 'completed', n: i });
    logger.close();
    const include = vector.sources.skin_kiosk_log?.include[0] ?? '';
    expect(include).toBe('${KIOSK_LOG_DIR}/kiosk*.log');
    const pattern = new RegExp(`^${path.basename(include).replace('.', '\\.').replace('*', '.*')}$`);
    const files = readdirSync(dir);
    expect(files.length).toBeGreaterThan(2);
    expect(files.filter((f) => !pattern.test(f))).toEqual([]);
    const seen = files.flatMap((f) =>
      readLines(path.join(dir, f))
        .filter(Boolean)
        .map((l) => expectShippable(l).n as number),
    );
    const kept = [...seen].sort((a, b) => a - b);
    expect(new Set(seen).size).toBe(seen.length);
    // The oldest lines beyond the kept files are gone; the newest are all there, none torn.
    expect(kept.at(-1)).toBe(39);
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => 40 - kept.length + i));
  });

  it("the Vector config parses the kiosk's own lines: its test input is what the logger writes", () => {
    const sample = vector.tests[0]?.inputs[0];
    expect(sample?.insert_at).toBe('skin_kiosk_parse');
    const logger = new JsonLinesLogger({ dir, base, now: () => new Date('2026-03-14T09:30:05.250Z') });
    logger.warn('health.changed', { status: 'degraded', reasons: 'camera_missing' });
    logger.close();
    expect(readLines(path.join(dir, 'kiosk.log'))[0]).toBe(sample?.log_fields.message);
    const remap = vector.transforms.skin_kiosk_parse;
    expect(remap?.inputs).toEqual(['skin_kiosk_log']);
    // The remap reads the logger's field names and RFC 3339 time ("%+" in Vector's strftime).
    for (const field of ['.time', '.msg', '.message']) expect(remap?.source).toContain(field);
    expect(remap?.source).toContain('format: "%+"');
    const labels = vector.sinks.loki?.labels ?? {};
    expect(labels).toEqual({
      job: 'skin-kiosk',
      store: '{{ storeId }}',
      kiosk: '{{ kioskId }}',
      level: '{{ level }}',
    });
    const line = JSON.parse(sample?.log_fields.message ?? '{}') as Record<string, unknown>;
    for (const tpl of Object.values(labels).filter((l) => l.startsWith('{{')))
      expect(line).toHaveProperty(tpl.replace(/[{} ]/g, ''));
  });
});
