import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FaceFinder } from '../../../../electron/core/analysis/face-finder';
import { faceModelsIoFromManifest } from '../../../../electron/core/analysis/face-models-io';
import { PreviewGuidance } from '../../../../electron/core/analysis/preview-guidance';
import type { RgbaImage } from '../../../../electron/core/vision/image-types';
import { canonicalFace } from '../vision/canonical-face';
import { ScriptedRunner, type ScriptedFace } from './scripted-runner';

const io = faceModelsIoFromManifest(
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../../model/manifest.json'), 'utf8')),
);

function frame(level: number, width = 640, height = 480): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set([level, level * 0.8, level * 0.7, 255], i);
  return { width, height, data };
}

function setup(faces: ScriptedFace[], faceFlag = 0.95) {
  const runner = new ScriptedRunner(faces, canonicalFace(96, 96, 120), faceFlag);
  const clock = { t: 0 };
  const guidance = new PreviewGuidance(new FaceFinder(runner, io), io, {
    now: () => clock.t,
    redetectMs: 250,
  });
  const models = () => runner.calls.map((c) => c.model);
  return { runner, clock, guidance, models };
}

const centred: ScriptedFace[] = [{ cx: 320, cy: 240, width: 200 }];

describe('PreviewGuidance', () => {
  it('measures one face: size, position, pose and light reach the gate', async () => {
    const r = await setup(centred).guidance.assess(frame(160));
    expect(r.faceCount).toBe(1);
    expect(r.measures.faceFraction).toBeGreaterThan(0.25);
    expect(Math.abs(r.measures.roll!)).toBeLessThan(1);
    expect(r.measures.brightness).toBeGreaterThan(120);
    // A flat frame has no detail at all: the only complaint is focus.
    expect(r.hints).toEqual(['hold_still']);
    expect(r.faceBox!.width).toBeGreaterThan(0.2);
  });

  it('asks for more light on a dark frame', async () => {
    expect((await setup(centred).guidance.assess(frame(30))).hints).toContain('more_light');
  });

  it('stops at the face count: no face, or one person at a time', async () => {
    const none = setup([]);
    expect((await none.guidance.assess(frame(160))).hints).toEqual(['no_face']);
    // No face: the detector looks a second time with the shadows lifted (deep skin in low light).
    expect(none.models()).toEqual(['blazeface', 'blazeface']);
    const two = setup([
      { cx: 200, cy: 240, width: 180 },
      { cx: 470, cy: 240, width: 170 },
    ]);
    expect(await two.guidance.assess(frame(160))).toMatchObject({
      faceCount: 2,
      hints: ['one_person'],
      ready: false,
    });
    expect(two.models()).toEqual(['blazeface']);
  });

  it('does not guide on a crop FaceMesh finds no face in', async () => {
    expect((await setup(centred, 0.1).guidance.assess(frame(160))).hints).toEqual(['no_face']);
  });

  it('tracks the face from its landmarks and runs the detector again after the interval', async () => {
    const { clock, guidance, models } = setup(centred);
    const first = await guidance.assess(frame(160));
    clock.t = 100;
    const tracked = await guidance.assess(frame(160));
    clock.t = 200;
    await guidance.assess(frame(160));
    expect(models()).toEqual(['blazeface', 'facemesh', 'facemesh', 'facemesh']);
    expect(tracked.faceBox!.width).toBeCloseTo(first.faceBox!.width, 1);
    clock.t = 260;
    await guidance.assess(frame(160));
    expect(models().slice(4)).toEqual(['blazeface', 'facemesh']);
  });

  it('detects again at once when the tracked face is lost, the frame size changes or it is reset', async () => {
    const { runner, guidance, models } = setup(centred);
    await guidance.assess(frame(160));
    runner.faceFlag = 0.1;
    expect((await guidance.assess(frame(160))).hints).toEqual(['no_face']);
    // Each FaceMesh that sees no face looks once more with the shadows lifted.
    expect(models()).toEqual([
      'blazeface',
      'facemesh',
      'facemesh',
      'facemesh',
      'blazeface',
      'facemesh',
      'facemesh',
    ]);
    runner.faceFlag = 0.95;
    await guidance.assess(frame(160));
    await guidance.assess(frame(160, 320, 240));
    await guidance.assess(frame(160, 320, 240));
    guidance.reset();
    await guidance.assess(frame(160, 320, 240));
    expect(models().slice(7)).toEqual([
      'blazeface',
      'facemesh',
      'blazeface',
      'facemesh',
      'facemesh',
      'blazeface',
      'facemesh',
    ]);
  });

  it('refuses a frame whose data does not match its size', async () => {
    await expect(
      setup([]).guidance.assess({ width: 2, height: 2, data: new Uint8Array(3) }),
    ).rejects.toMatchObject({ code: 'IMAGE_INVALID' });
  });
});
