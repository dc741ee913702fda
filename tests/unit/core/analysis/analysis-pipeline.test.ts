import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnalysisPipeline, type ProfileBuilder } from '../../../../electron/core/analysis/analysis-pipeline';
import { FaceFinder } from '../../../../electron/core/analysis/face-finder';
import { faceModelsIoFromManifest } from '../../../../electron/core/analysis/face-models-io';
import type { Mat3 } from '../../../../electron/core/color/matrix3';
import { SKIN_METRICS_IO, SKIN_ZONES } from '../../../../electron/core/skin/skin-metrics-io';
import type { Point3 } from '../../../../electron/core/vision/facemesh-decoder';
import type { RgbaImage } from '../../../../electron/core/vision/image-types';
import { KioskError } from '../../../../electron/shared/result';
import type { AnalysisProgress } from '../../../../electron/shared/schemas/analysis-schemas';
import type { SkinProfile } from '../../../../electron/shared/schemas/skin-profile-schemas';
import { canonicalFace } from '../vision/canonical-face';
import { ScriptedRunner, type ScriptedFace } from './scripted-runner';

const manifest = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../../../model/manifest.json'), 'utf8'),
) as { models: object[] };
const skinEntry = {
  name: 'skin-metrics',
  file: 'skin-metrics.onnx',
  sha256: 'a'.repeat(64),
  inputs: [SKIN_METRICS_IO.crop, SKIN_METRICS_IO.masks, SKIN_METRICS_IO.color].map((name) => ({
    name,
    shape: [1],
    layout: 'NCHW',
  })),
  outputs: [{ name: SKIN_METRICS_IO.zoneStats, shape: [1], layout: '[batch, zone, feature]' }],
};
const io = faceModelsIoFromManifest({
  ...manifest,
  models: [...manifest.models.filter((m) => (m as { name: string }).name !== 'skin-metrics'), skinEntry],
});

/**
 * A 640×480 frame: grey background, a skin-coloured square where the face is, with a fine
 * pixel-to-pixel grain (±20) so the capture gate sees a sharp, evenly lit face; `gain` scales it
 * and `flat` leaves the grain out (a frame with no detail at all reads as blurred).
 */
function makeFrame(gain = 1, flat = false): RgbaImage {
  const data = new Uint8Array(640 * 480 * 4);
  for (let y = 0; y < 480; y++)
    for (let x = 0; x < 640; x++) {
      const grain = flat ? 0 : ((x * 7919 + y * 104729) % 41) - 20;
      const base = Math.abs(x - 320) < 90 && Math.abs(y - 240) < 110 ? [200, 150, 120] : [120, 120, 120];
      data.set([...base.map((v) => Math.round((v + grain) * gain)), 255], (y * 640 + x) * 4);
    }
  return { width: 640, height: 480, data };
}
const frame = makeFrame();

/** The scripted mesh turned about the vertical axis by `degrees` (FaceMesh's depth follows the turn). */
function turnedMesh(degrees: number): Point3[] {
  const t = (degrees * Math.PI) / 180;
  return canonicalFace(96, 96, 120).map(([x, y]) => [
    96 + (x - 96) * Math.cos(t),
    y,
    -(x - 96) * Math.sin(t),
  ]);
}

const profile: SkinProfile = {
  source: 'scan',
  type: 'normal',
  sensitive: false,
  tone: null,
  metrics: [],
  concerns: [],
  meta: { executionProvider: 'x', modelVersion: 'x', timingsMs: {} },
};

function setup(
  faces: ScriptedFace[],
  options: { faceFlag?: number; calibration?: Mat3 | null; skin?: boolean; mesh?: Point3[] } = {},
) {
  const runner = new ScriptedRunner(faces, options.mesh ?? canonicalFace(96, 96, 120), options.faceFlag);
  const seen: Parameters<ProfileBuilder>[] = [];
  let clock = 0;
  const pipeline = new AnalysisPipeline({
    runner,
    finder: new FaceFinder(runner, io),
    io: options.skin === false ? { ...io, skin: null } : io,
    buildProfile: (...args) => {
      seen.push(args);
      return profile;
    },
    calibration: () => options.calibration ?? null,
    now: () => (clock += 2),
  });
  return { runner, pipeline, seen };
}

async function errorOf(p: Promise<unknown>): Promise<KioskError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(KioskError);
  return e as KioskError;
}

const one: ScriptedFace[] = [{ cx: 320, cy: 240, width: 200 }];

describe('AnalysisPipeline', () => {
  it('runs the five stages in order, reporting each start and end', async () => {
    const { pipeline } = setup(one);
    const progress: AnalysisProgress[] = [];
    await pipeline.analyze(frame, {}, (p) => progress.push(p));
    expect(progress.map((p) => `${p.stage}:${p.done}`)).toEqual([
      'detect:false',
      'detect:true',
      'landmarks:false',
      'landmarks:true',
      'zones:false',
      'zones:true',
      'metrics:false',
      'metrics:true',
      'profile:false',
      'profile:true',
    ]);
  });

  it('returns the face box, the zone outlines and the timings of every stage', async () => {
    const { pipeline, seen } = setup(one);
    const result = await pipeline.analyze(frame, { goal: 'hydration' }, undefined, { decode: 7 });
    expect(result.faceBox.x).toBeCloseTo((320 - 100) / 640, 6);
    expect(result.faceBox.width).toBeCloseTo(200 / 640, 6);
    expect(result.zones.map((z) => z.zone)).toEqual([...SKIN_ZONES]);
    for (const z of result.zones)
      for (const [x, y] of z.polygon) expect(x >= 0 && x <= 1 && y >= 0 && y <= 1).toBe(true);
    expect(Object.keys(result.profile.meta!.timingsMs).sort()).toEqual([
      'decode',
      'detect',
      'landmarks',
      'metrics',
      'profile',
      'total',
      'zones',
    ]);
    expect(result.profile.meta!.timingsMs.decode).toBe(7);
    const [outputs, answers, context] = seen[0]!;
    expect(answers).toEqual({ goal: 'hydration' });
    expect(outputs.forehead.areaPx).toBe(1);
    expect(context.executionProvider).toBe('scripted');
    expect(context.modelVersion).toBe(io.modelVersion);
  });

  it('feeds the skin network an eye-levelled [0,1] crop, seven non-empty masks and the estimated light', async () => {
    const { runner, pipeline, seen } = setup(one);
    await pipeline.analyze(frame, {});
    const feeds = runner.calls.find((c) => c.model === 'skin-metrics')!.feeds;
    const crop = feeds.crop!;
    const masks = feeds.masks!;
    expect(crop.dims).toEqual([1, 3, 256, 256]);
    expect(crop.data.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(masks.dims).toEqual([1, 7, 256, 256]);
    for (let z = 0; z < 7; z++)
      expect(masks.data.subarray(z * 65536, (z + 1) * 65536).reduce((s, v) => s + v, 0)).toBeGreaterThan(200);
    const color = [...feeds.color!.data];
    expect(feeds.color!.dims).toEqual([1, 3, 3]);
    // Without a calibration the light is estimated: gains on the diagonal only, reported as such.
    expect([1, 2, 3, 5, 6, 7].map((i) => color[i])).toEqual([0, 0, 0, 0, 0, 0]);
    expect([0, 4, 8].every((i) => color[i]! > 0)).toBe(true);
    expect(seen[0]![2]).toMatchObject({ colourMode: 'approximate' });
    expect(seen[0]![2].colorConfidence).toBeLessThan(1);
    // This face's eyes are too small in the frame for their sclera to count: no iris run.
    expect(runner.calls.some((c) => c.model === 'iris')).toBe(false);
  });

  it('uses the stored calibration alone, calls the colour calibrated and skips the light estimate', async () => {
    const calibration: Mat3 = [1.1, 0.1, 0, 0, 0.9, 0, 0, 0.05, 1.2];
    const { runner, pipeline, seen } = setup(one, { calibration });
    await pipeline.analyze(frame, {});
    const color = [...runner.calls.find((c) => c.model === 'skin-metrics')!.feeds.color!.data];
    color.forEach((v, i) => expect(v).toBeCloseTo(calibration[i]!, 5));
    expect(seen[0]![2]).toMatchObject({ colorConfidence: 1, colourMode: 'calibrated' });
    expect(runner.calls.some((c) => c.model === 'iris')).toBe(false);
  });

  it('refuses a frame said to hold a chart that has none, before any network runs', async () => {
    const { runner, pipeline } = setup(one);
    expect((await errorOf(pipeline.analyze(frame, {}, () => {}, {}, { chartInFrame: true }))).code).toBe(
      'CHART_NOT_FOUND',
    );
    expect(runner.calls).toHaveLength(0);
  });

  it('fails with NO_FACE, MULTIPLE_FACES and QUALITY_SIZE', async () => {
    expect((await errorOf(setup([]).pipeline.analyze(frame, {}))).code).toBe('NO_FACE');
    const two = await errorOf(setup([...one, { cx: 560, cy: 120, width: 150 }]).pipeline.analyze(frame, {}));
    expect(two.code).toBe('MULTIPLE_FACES');
    expect(two.message).toBe('One person at a time, please.');
    expect(two.details).toEqual({ faces: 2 });
    const small = await errorOf(setup([{ cx: 320, cy: 240, width: 60 }]).pipeline.analyze(frame, {}));
    expect(small.code).toBe('QUALITY_SIZE');
    expect(small.details).toEqual({ hint: 'move_closer', faceWidthPx: 60 });
  });

  it('builds no profile from a face turned 50°, and says so with QUALITY_POSE', async () => {
    const { pipeline, seen } = setup(one, { mesh: turnedMesh(50) });
    const progress: AnalysisProgress[] = [];
    const error = await errorOf(pipeline.analyze(frame, {}, (p) => progress.push(p)));
    expect(error.code).toBe('QUALITY_POSE');
    expect(error.details).toMatchObject({ hint: 'look_straight' });
    expect(Math.abs(Number(error.details?.yaw))).toBeCloseTo(50, 0);
    expect(seen).toHaveLength(0);
    expect(progress.some((p) => p.stage === 'profile')).toBe(false);
  });

  it('still measures a face turned 25°: within the capture limits, outside the guidance ones', async () => {
    const { pipeline, seen } = setup(one, { mesh: turnedMesh(25) });
    await pipeline.analyze(frame, {});
    expect(seen).toHaveLength(1);
  });

  it('refuses a dark frame with QUALITY_LIGHT and a frame without any detail with QUALITY_BLUR', async () => {
    const dark = await errorOf(setup(one).pipeline.analyze(makeFrame(0.1), {}));
    expect(dark.code).toBe('QUALITY_LIGHT');
    expect(dark.details).toMatchObject({ hint: 'more_light' });
    expect(Number(dark.details?.brightness)).toBeLessThan(20);
    const blurred = await errorOf(setup(one).pipeline.analyze(makeFrame(1, true), {}));
    expect(blurred.code).toBe('QUALITY_BLUR');
    expect(blurred.details).toMatchObject({ hint: 'hold_still' });
  });

  it('ignores a far smaller face behind the shopper', async () => {
    const result = await setup([...one, { cx: 580, cy: 80, width: 60 }]).pipeline.analyze(frame, {});
    expect(result.faceBox.width).toBeCloseTo(200 / 640, 6);
  });

  it('treats a crop FaceMesh does not see a face in as no face', async () => {
    expect((await errorOf(setup(one, { faceFlag: 0.2 }).pipeline.analyze(frame, {}))).code).toBe('NO_FACE');
  });

  it('reports a missing skin network and a broken frame as typed errors', async () => {
    expect((await errorOf(setup(one, { skin: false }).pipeline.analyze(frame, {}))).code).toBe(
      'MODEL_UNAVAILABLE',
    );
    expect(
      (await errorOf(setup(one).pipeline.analyze({ width: 0, height: 0, data: new Uint8Array(0) }, {}))).code,
    ).toBe('IMAGE_INVALID');
  });
});
