import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FaceFinder } from '../../../../electron/core/analysis/face-finder';
import { faceModelsIoFromManifest } from '../../../../electron/core/analysis/face-models-io';
import { assessPreviewFrame } from '../../../../electron/core/analysis/preview-guidance';
import type { RgbaImage } from '../../../../electron/core/vision/image-types';
import { canonicalFace } from '../vision/canonical-face';
import { ScriptedRunner, type ScriptedFace } from './scripted-runner';

const io = faceModelsIoFromManifest(
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../../model/manifest.json'), 'utf8')),
);

function frame(level: number): RgbaImage {
  const data = new Uint8Array(640 * 480 * 4);
  for (let i = 0; i < data.length; i += 4) data.set([level, level * 0.8, level * 0.7, 255], i);
  return { width: 640, height: 480, data };
}

const report = (faces: ScriptedFace[], image = frame(160), faceFlag = 0.95) => {
  const runner = new ScriptedRunner(faces, canonicalFace(96, 96, 120), faceFlag);
  return { runner, result: assessPreviewFrame(new FaceFinder(runner, io), io, image) };
};

describe('assessPreviewFrame', () => {
  it('measures one face: size, position, pose and light reach the gate', async () => {
    const r = await report([{ cx: 320, cy: 240, width: 200 }]).result;
    expect(r.faceCount).toBe(1);
    expect(r.measures.faceFraction).toBeCloseTo(200 / 480, 3);
    expect(Math.abs(r.measures.roll!)).toBeLessThan(1);
    expect(r.measures.brightness).toBeGreaterThan(120);
    // A flat frame has no detail at all: the only complaint is focus.
    expect(r.hints).toEqual(['hold_still']);
  });

  it('asks for more light on a dark frame', async () => {
    expect((await report([{ cx: 320, cy: 240, width: 200 }], frame(30)).result).hints).toContain(
      'more_light',
    );
  });

  it('stops at the face count: no face, or one person at a time', async () => {
    const none = report([]);
    expect((await none.result).hints).toEqual(['no_face']);
    expect(none.runner.calls.map((c) => c.model)).toEqual(['blazeface']);
    const two = report([
      { cx: 200, cy: 240, width: 180 },
      { cx: 470, cy: 240, width: 170 },
    ]);
    expect(await two.result).toMatchObject({ faceCount: 2, hints: ['one_person'], ready: false });
    expect(two.runner.calls.map((c) => c.model)).toEqual(['blazeface']);
  });

  it('does not guide on a crop FaceMesh finds no face in', async () => {
    expect((await report([{ cx: 320, cy: 240, width: 200 }], frame(160), 0.1).result).hints).toEqual([
      'no_face',
    ]);
  });

  it('refuses a frame whose data does not match its size', async () => {
    await expect(
      report([]).result.then(() =>
        assessPreviewFrame(new FaceFinder(new ScriptedRunner([], []), io), io, {
          width: 2,
          height: 2,
          data: new Uint8Array(3),
        }),
      ),
    ).rejects.toMatchObject({
      code: 'IMAGE_INVALID',
    });
  });
});
