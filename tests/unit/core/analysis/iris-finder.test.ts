import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { faceModelsIoFromManifest } from '../../../../electron/core/analysis/face-models-io';
import { findEyeOpening } from '../../../../electron/core/analysis/iris-finder';
import { EYE_CORNERS } from '../../../../electron/core/vision/face-mesh-topology';
import type { Point3 } from '../../../../electron/core/vision/facemesh-decoder';
import type { RgbaImage } from '../../../../electron/core/vision/image-types';
import { canonicalFace } from '../vision/canonical-face';
import { ScriptedRunner } from './scripted-runner';

const io = faceModelsIoFromManifest(
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../../model/manifest.json'), 'utf8')),
);
const image: RgbaImage = { width: 640, height: 480, data: new Uint8Array(640 * 480 * 4).fill(128) };
const runnerFor = (points: Point3[]) => new ScriptedRunner([], points);

describe('eye opening for the sclera', () => {
  it('runs the iris network on one eye and returns its lid and iris in image pixels', async () => {
    const face = canonicalFace(320, 240, 400);
    const runner = runnerFor(face);
    const eye = await findEyeOpening(runner, io, image, face);
    expect(runner.calls.map((c) => c.model)).toEqual(['iris']);
    expect(runner.calls[0]!.feeds.image!.dims).toEqual([1, 64, 64, 3]);
    expect(eye).not.toBeNull();
    expect(eye!.lid).toHaveLength(32);
    // The scripted iris sits mid-crop: between the corners of the eye it was cut around.
    const corners = [
      EYE_CORNERS.leftInner,
      EYE_CORNERS.leftOuter,
      EYE_CORNERS.rightInner,
      EYE_CORNERS.rightOuter,
    ].map((i) => face[i]!);
    const near = corners.some(
      (c, k) => k % 2 === 0 && Math.abs((c[0] + corners[k + 1]![0]) / 2 - eye!.iris.x) < 2,
    );
    expect(near).toBe(true);
    expect(eye!.iris.r).toBeGreaterThan(6);
  });

  it('does not run it for an eye too small for its sclera to count, or a closed one', async () => {
    const small = canonicalFace(320, 240, 60);
    const runner = runnerFor(small);
    expect(await findEyeOpening(runner, io, image, small)).toBeNull();
    const closed = canonicalFace(320, 240, 400).map((p, i) =>
      [159, 145, 386, 374].includes(i) ? ([p[0], 240, 0] as const) : p,
    );
    expect(await findEyeOpening(runnerFor(closed), io, image, closed)).toBeNull();
    expect(runner.calls).toHaveLength(0);
  });

  it('gives no evidence without an iris network in the manifest', async () => {
    const face = canonicalFace(320, 240, 400);
    expect(await findEyeOpening(runnerFor(face), { ...io, iris: null }, image, face)).toBeNull();
  });
});
