import fs, { readdirSync, readFileSync, statSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalysisHandlers } from '../../../electron/services/handlers/analysis-handlers';
import { createSessionHandlers } from '../../../electron/services/handlers/session-handlers';
import type { HandlerTable } from '../../../electron/services/handler-types';
import { invokeChannel } from '../../../electron/services/invoke-channel';
import { SessionService } from '../../../electron/services/session-service';
import { BrandingService } from '../../../electron/services/branding-service';
import { KioskConfigSchema } from '../../../electron/core/config/kiosk-config-schema';
import { silentLogger } from '../../../electron/core/ports/logger-port';
import {
  colorChart,
  repoRoot,
  rgba,
  singleFaces,
  startServices,
  type ServicesFixture,
} from './analysis-fixtures';

/** Every file under `dir` (skipping dependency and VCS folders) with its size and modification time. */
function snapshot(dir: string, maxDepth = 12): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string, depth = 0) => {
    if (depth > maxDepth) return;
    let entries: fs.Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name === 'node_modules' || e.name === '.git') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p, depth + 1);
      else if (e.isFile()) {
        try {
          const s = statSync(p);
          out.set(p, `${s.size}:${s.mtimeMs}`);
        } catch {
          // A file another process removed between listing and stat.
        }
      }
    }
  };
  walk(dir);
  return out;
}

/** Does `haystack` contain a 64-byte run of any frame's pixels? */
function holdsPixels(haystack: Uint8Array, frames: readonly (Uint8Array | Uint8ClampedArray)[]): boolean {
  const buf = Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength);
  return frames.some((f) => buf.includes(Buffer.from(f.subarray(f.length / 2, f.length / 2 + 64))));
}

/** Does `bytes` start like an encoded image (JPEG, PNG, WebP)? */
function isEncodedImage(bytes: Uint8Array): boolean {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 16));
  return (
    b.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])) ||
    b.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47])) ||
    b.subarray(8, 12).toString('latin1') === 'WEBP'
  );
}

const WRITERS = [
  'writeFileSync',
  'writeFile',
  'appendFileSync',
  'appendFile',
  'writeSync',
  'write',
  'createWriteStream',
  'openSync',
  'open',
] as const;

describe('privacy: no camera frame reaches the disk during a whole session', () => {
  let fx: ServicesFixture;

  beforeAll(async () => {
    fx = startServices();
    await fx.services.ready();
  });
  afterAll(async () => {
    await fx.close();
  });

  it('writes nothing holding image data while previewing, analysing and ending the session', async () => {
    const session = new SessionService({
      config: KioskConfigSchema.parse({}),
      version: 'test',
      needsSetup: null,
      keepAwake: { hold() {}, release() {} },
      logger: silentLogger,
    });
    const handlers = {
      ...createSessionHandlers(
        session,
        await BrandingService.load(KioskConfigSchema.parse({}).branding, silentLogger),
      ),
      ...createAnalysisHandlers(fx.services),
    } as unknown as HandlerTable;
    const invoke = (channel: string, raw: unknown) =>
      invokeChannel({ handlers, staffUnlocked: () => false, logger: silentLogger }, channel, raw, fx.sink);
    const frames = await Promise.all(singleFaces.slice(0, 4).map((f) => rgba(f, 640)));
    const capture = await rgba(singleFaces[1]!);

    const pixels = [...frames.map((f) => f.data), capture.data];
    const before = new Map([...snapshot(fx.dataDir), ...snapshot(repoRoot), ...snapshot(tmpdir(), 3)]);
    const writes: { fn: string; args: unknown[] }[] = [];
    let sessionWrites = -1;
    const recorded = [
      ...WRITERS.map((fn) => wrap(fs as unknown as Record<string, unknown>, fn, writes)),
      ...(['writeFile', 'appendFile', 'open'] as const).map((fn) =>
        wrap(fs.promises as unknown as Record<string, unknown>, fn, writes),
      ),
    ];
    syncBuiltinESMExports();
    try {
      expect(await invoke('session:start', {})).toMatchObject({ ok: true });
      for (let i = 0; i < 12; i++)
        expect(await invoke('analysis:preview-frame', frames[i % frames.length])).toMatchObject({ ok: true });
      const analysed = await invoke('analysis:analyze', {
        frame: capture,
        answers: { middayFeel: 'oily_tzone' },
      });
      expect(analysed).toMatchObject({ ok: true });
      expect(await invoke('session:end', { reason: 'completed' })).toMatchObject({ ok: true });
      sessionWrites = writes.length;
      // Control: a staff calibration does write (its JSON), and the recorder sees it through the
      // adapter's own `node:fs/promises` import, so an empty list above is not a blind spot.
      await fx.services.calibrate(colorChart(), null);
    } finally {
      recorded.forEach((restore) => restore());
      syncBuiltinESMExports();
    }

    // The analysis writes nothing at all in this process during a session: no file, no stream.
    expect(writes.slice(0, sessionWrites).map((w) => w.fn)).toEqual([]);
    expect(writes.slice(sessionWrites).map((w) => w.fn)).toContain('writeFile');
    // Nothing new or changed on disk (the inference worker's thread included) holds the frames' pixels.
    const after = new Map([...snapshot(fx.dataDir), ...snapshot(repoRoot), ...snapshot(tmpdir(), 3)]);
    const changed = [...after].filter(([file, sig]) => before.get(file) !== sig).map(([file]) => file);
    for (const file of changed) {
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(file);
      } catch {
        continue;
      }
      expect(holdsPixels(bytes, pixels), `${file} holds frame pixels`).toBe(false);
      if (file.startsWith(fx.dataDir)) expect(isEncodedImage(bytes), `${file} is an image`).toBe(false);
    }
    expect(readdirSync(fx.dataDir)).toEqual(['color-calibration.json']);
  });
});

/** Replaces `target[name]` with a recorder that still calls through; returns the restore function. */
function wrap(
  target: Record<string, unknown>,
  name: string,
  log: { fn: string; args: unknown[] }[],
): () => void {
  const original = target[name] as (...args: unknown[]) => unknown;
  target[name] = function recorded(this: unknown, ...args: unknown[]) {
    log.push({ fn: name, args });
    return original.apply(this, args);
  };
  return () => {
    target[name] = original;
  };
}
