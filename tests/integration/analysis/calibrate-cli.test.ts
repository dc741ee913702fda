import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runAnalyzeCommand } from '../../../electron/cli/analyze-command';
import { runCalibrateCommand } from '../../../electron/cli/calibrate-command';
import { CALIBRATION_FILE } from '../../../electron/adapters/inference/color-calibration-store';
import type { Point } from '../../../electron/core/color/homography';
import { gridAt, renderChartScene } from '../../unit/core/color/chart-frames';
import { rgba, singleFaces } from './analysis-fixtures';

const W = 640;
const H = 480;
const CAMERA = [0.72, 0.11, 0.03, 0.06, 0.76, 0.05, 0.02, 0.13, 0.69] as const;
let work: string;

const png = async (file: string, data: Uint8Array, width: number, height: number): Promise<string> => {
  const target = path.join(work, file);
  await sharp(Buffer.from(data), { raw: { width, height, channels: 4 } })
    .png()
    .toFile(target);
  return target;
};

/** A defocused photo: a box blur of `r` pixels, as a chart held out of the camera's focus looks. */
function defocused(data: Uint8Array, r: number): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++)
      for (let c = 0; c < 4; c++) {
        let s = 0;
        let n = 0;
        for (let dy = -r; dy <= r; dy += 2)
          for (let dx = -r; dx <= r; dx += 2) {
            s +=
              data[
                (Math.min(H - 1, Math.max(0, y + dy)) * W + Math.min(W - 1, Math.max(0, x + dx))) * 4 + c
              ]!;
            n++;
          }
        out[(y * W + x) * 4 + c] = Math.round(s / n);
      }
  return out;
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'kiosk-calibrate-cli-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

async function run(command: (argv: string[]) => Promise<number>, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const code = await command(argv);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('skinkiosk calibrate, then analyze', () => {
  it('finds the chart in a photo, stores the calibration, prints every patch; analyze then uses it', async () => {
    const dataDir = path.join(work, 'kiosk-a');
    const photo = await png(
      'chart.png',
      renderChartScene({ width: W, height: H, corners: gridAt(90, 70, 55), camera: [...CAMERA] }),
      W,
      H,
    );
    const calibrated = await run(runCalibrateCommand, [photo, '--data-dir', dataDir]);
    expect(calibrated.code).toBe(0);
    expect(calibrated.out).toMatch(/calibration stored for camera "default"/);
    expect(calibrated.out).toMatch(/chart detected/);
    for (const name of ['dark skin', 'light skin', 'cyan', 'white 9.5', 'black 2'])
      expect(calibrated.out).toMatch(new RegExp(`^${name} +#[0-9a-f]{6} +\\d+\\.\\d\\d`, 'm'));
    expect(calibrated.out).toMatch(/mean ΔE00 0\.\d\d/);
    expect(
      JSON.parse(readFileSync(path.join(dataDir, CALIBRATION_FILE), 'utf8')).cameras.default.located,
    ).toBe('detected');

    const analysed = await run(runAnalyzeCommand, [singleFaces[1]!, '--data-dir', dataDir, '--ep', 'cpu']);
    expect(analysed.code).toBe(0);
    expect(analysed.out).toMatch(/^colour: calibrated \(camera "default"/m);
    expect(analysed.out).toMatch(/tone \(calibrated colour\): Monk \d+/);
  });

  it('says the colour is approximate without a calibration', async () => {
    const analysed = await run(runAnalyzeCommand, [
      singleFaces[1]!,
      '--data-dir',
      path.join(work, 'empty'),
      '--ep',
      'cpu',
    ]);
    expect(analysed.out).toMatch(/^colour: approximate/m);
    expect(analysed.out).toMatch(/tone \(approximate colour\)/);
  });

  it('calibrates from the chart held in the same photo with --chart', async () => {
    const face = await rgba(singleFaces[0]!);
    const chart = renderChartScene({
      width: face.width,
      height: face.height,
      corners: gridAt(300, 360, 28),
      camera: [1, 0, 0, 0, 1, 0, 0, 0, 1],
    });
    const mixed = new Uint8Array(face.data);
    // The chart's card over the lower right of the photo, the photo elsewhere.
    for (let y = 350; y < face.height; y++)
      for (let x = 290; x < face.width; x++)
        mixed.set(
          chart.subarray((y * face.width + x) * 4, (y * face.width + x) * 4 + 4),
          (y * face.width + x) * 4,
        );
    const photo = await png('face-and-chart.png', mixed, face.width, face.height);
    const { code, out } = await run(runAnalyzeCommand, [
      photo,
      '--chart',
      '--json',
      '--ep',
      'cpu',
      '--data-dir',
      path.join(work, 'empty'),
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(out).result.profile.tone.colourMode).toBe('calibrated');
    const without = await run(runAnalyzeCommand, [
      singleFaces[1]!,
      '--chart',
      '--json',
      '--ep',
      'cpu',
      '--data-dir',
      path.join(work, 'empty'),
    ]);
    expect(without.code).toBe(1);
    expect(JSON.parse(without.out).error.code).toBe('CHART_NOT_FOUND');
  });

  it('falls back to given corners for a chart it cannot find (out of focus), under the named camera', async () => {
    const dataDir = path.join(work, 'kiosk-b');
    const corners: Point[] = gridAt(140, 100, 60);
    const blurred = await png(
      'blurred.png',
      defocused(renderChartScene({ width: W, height: H, corners, camera: [...CAMERA] }), 8),
      W,
      H,
    );
    const lost = await run(runCalibrateCommand, [blurred, '--data-dir', dataDir]);
    expect(lost.code).toBe(1);
    expect(lost.err).toMatch(/^CHART_NOT_FOUND: .*\nGive the chart corners with --corners/);
    const found = await run(runCalibrateCommand, [
      blurred,
      '--data-dir',
      dataDir,
      '--camera',
      'HD Webcam',
      '--corners',
      corners.flat().join(','),
      '--json',
    ]);
    expect(found.code).toBe(0);
    expect(JSON.parse(found.out)).toMatchObject({ camera: 'HD Webcam', located: 'corners' });
  });

  it('refuses a photo without a chart and bad usage, storing nothing', async () => {
    const dataDir = path.join(work, 'kiosk-c');
    const none = await run(runCalibrateCommand, [singleFaces[2]!, '--data-dir', dataDir]);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/^CHART_NOT_FOUND/);
    expect((await run(runCalibrateCommand, [])).code).toBe(2);
    expect((await run(runCalibrateCommand, ['x.png', '--corners', '1,2,3'])).code).toBe(2);
    expect(
      (await run(runCalibrateCommand, [path.join(work, 'missing.png'), '--data-dir', dataDir])).code,
    ).toBe(1);
    expect(() => readFileSync(path.join(dataDir, CALIBRATION_FILE))).toThrow();
  });
});
