import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runAnalyzeCommand } from '../../../electron/cli/analyze-command';
import { facesDir, singleFaces, turnedFace } from './analysis-fixtures';

const portrait = singleFaces[1]!;
let bin: string;
const savedPath = process.env.PATH;

beforeAll(() => {
  // A stand-in fswebcam at the hardware edge: writes the portrait to stdout when asked for "-".
  bin = mkdtempSync(path.join(tmpdir(), 'fswebcam-cli-'));
  writeFileSync(
    path.join(bin, 'fswebcam'),
    `#!/bin/sh\nfor last in "$@"; do :; done\n[ "$last" = "-" ] && cat "${portrait}"\n`,
  );
  chmodSync(path.join(bin, 'fswebcam'), 0o755);
});
afterAll(() => rmSync(bin, { recursive: true, force: true }));
afterEach(() => {
  process.env.PATH = savedPath;
  vi.restoreAllMocks();
});

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const code = await runAnalyzeCommand(argv);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('skinkiosk analyze', () => {
  it('prints one JSON profile per image, and a typed error for a file that is not an image', async () => {
    const notImage = path.join(facesDir, 'LICENSES.md');
    const { code, out } = await run([portrait, notImage, '--json', '--ep', 'cpu']);
    expect(code).toBe(1);
    const [ok, bad] = out.split('\n').map(
      (l) =>
        JSON.parse(l) as {
          input: string;
          result?: { profile: { meta: { timingsMs: Record<string, number>; executionProvider: string } } };
          error?: { code: string };
        },
    );
    expect(ok!.input).toBe(portrait);
    expect(ok!.result!.profile.meta.executionProvider).toBe('cpu');
    expect(Object.keys(ok!.result!.profile.meta.timingsMs)).toEqual(
      expect.arrayContaining(['decode', 'detect', 'landmarks', 'zones', 'metrics', 'profile', 'total']),
    );
    expect(bad!.error!.code).toBe('IMAGE_INVALID');
  });

  it('prints a readable profile with the provider and per-stage timing', async () => {
    const { code, out } = await run([portrait, '--ep', 'cpu']);
    expect(code).toBe(0);
    expect(out).toMatch(/^execution provider: cpu/m);
    expect(out).toMatch(/skin type: (oily|combination|normal|dry)/);
    expect(out).toMatch(
      /timing \(ms\): decode [\d.]+, detect [\d.]+, landmarks [\d.]+, zones [\d.]+, metrics [\d.]+, profile [\d.]+, total [\d.]+/,
    );
  });

  it('prints QUALITY_POSE and no profile for a face turned about 50°, and exits 1', async () => {
    const file = path.join(bin, 'turned.png');
    writeFileSync(file, await turnedFace());
    const text = await run([file, '--ep', 'cpu']);
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/QUALITY_POSE: The head is turned too far .*Look straight at the camera/);
    expect(text.out).not.toMatch(/skin type:/);
    const json = await run([file, '--json', '--ep', 'cpu']);
    const line = JSON.parse(json.out) as { result?: unknown; error: { code: string } };
    expect(line.error.code).toBe('QUALITY_POSE');
    expect(line.result).toBeUndefined();
  });

  it.runIf(process.platform === 'linux')(
    'takes a still from the camera with fswebcam and analyses it in memory',
    async () => {
      process.env.PATH = `${bin}:/usr/bin:/bin`;
      const { code, out } = await run(['--camera', '/dev/video0', '--json', '--ep', 'cpu']);
      expect(code).toBe(0);
      const line = JSON.parse(out) as { input: string; result: { faceBox: { width: number } } };
      expect(line.input).toBe('camera /dev/video0');
      expect(line.result.faceBox.width).toBeGreaterThan(0.2);
    },
  );

  it.runIf(process.platform === 'linux')('says clearly when fswebcam is missing', async () => {
    process.env.PATH = path.join(bin, 'nothing-here');
    const { code, err } = await run(['--camera', '--ep', 'cpu']);
    expect(code).toBe(1);
    expect(err).toMatch(/^CAMERA_UNAVAILABLE: fswebcam is not installed/);
  });

  it('rejects bad usage with exit code 2', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run([portrait, '--ep', 'tpu'])).code).toBe(2);
    expect((await run(['--camera', 'a', 'b'])).code).toBe(2);
  });
});
