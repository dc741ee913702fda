import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAnalysisHandlers } from '../../../electron/services/handlers/analysis-handlers';
import type { Frame, QualityReport } from '../../../electron/shared/schemas/analysis-schemas';
import {
  exposed,
  facesDir,
  groupPhotos,
  rgba,
  startServices,
  type ServicesFixture,
} from './analysis-fixtures';

let fx: ServicesFixture;
beforeAll(async () => {
  fx = startServices();
  await fx.services.ready();
});
afterAll(async () => {
  await fx.close();
});

const turned = path.join(facesDir, 'crops', 'vladmandic-face-api-sample1-face1.jpg');
/** The astronaut portrait cut down to her head: frontal, level, evenly lit. */
let frontal: Buffer;
beforeAll(async () => {
  frontal = await sharp(path.join(facesDir, 'skimage-astronaut.png'))
    .extract({ left: 119, top: 16, width: 210, height: 210 })
    .png()
    .toBuffer();
});

/** A 640×480 preview frame: the photo resized to `size` px and placed at (left, top) on grey. */
async function frame(
  file: string | Buffer,
  size: number,
  left = (640 - size) / 2,
  top = (480 - size) / 2,
  edit = (s: Sharp) => s,
): Promise<Frame> {
  const photo = await edit(sharp(file).resize(size, size)).png().toBuffer();
  const meta = await sharp(photo).metadata();
  const x = Math.round(left);
  const y = Math.round(top);
  const crop = {
    left: Math.max(0, -x),
    top: Math.max(0, -y),
    width: Math.min(meta.width!, 640 - x) - Math.max(0, -x),
    height: Math.min(meta.height!, 480 - y) - Math.max(0, -y),
  };
  const piece = await sharp(photo).extract(crop).png().toBuffer();
  const canvas = sharp({
    create: { width: 640, height: 480, channels: 3, background: { r: 128, g: 128, b: 128 } },
  }).composite([{ input: piece, left: Math.max(0, x), top: Math.max(0, y) }]);
  return rgba(await canvas.png().toBuffer());
}

async function preview(image: Frame): Promise<QualityReport> {
  return createAnalysisHandlers(fx.services)['analysis:preview-frame'](image, fx.sink);
}

describe('quality gate on real frames', () => {
  // Each case is a different scene, not the next frame of the same one: start every case without the
  // face the guidance loop tracked from the previous case, as a new shopper session would.
  beforeEach(() => fx.services.sessionEnded());
  it('is ready for a frontal, centred, well-lit, sharp face', async () => {
    const r = await preview(await frame(frontal, 360));
    expect(r.hints, JSON.stringify(r.measures)).toEqual([]);
    expect(r.ready).toBe(true);
    expect(r.faceCount).toBe(1);
    expect(r.faceBox!.x).toBeGreaterThan(0.2);
  });

  it.each([
    ['more_light', () => frame(frontal, 360).then((f) => exposed(f, 0.015))],
    ['hold_still', () => frame(frontal, 360, undefined, undefined, (s) => s.blur(5))],
    [
      'level_head',
      () =>
        frame(frontal, 360, undefined, undefined, (s) =>
          s.rotate(32, { background: '#808080' }).resize(360, 360),
        ),
    ],
    ['center_face', () => frame(frontal, 300, -40, 90)],
    ['move_closer', () => frame(frontal, 150)],
    ['move_back', () => frame(frontal, 760, -60, -170)],
    ['look_straight', () => frame(turned, 360)],
  ] as const)('hints %s', async (hint, make) => {
    const r = await preview(await make());
    expect(r.faceCount, JSON.stringify(r.measures)).toBe(1);
    expect(r.hints, JSON.stringify(r.measures)).toContain(hint);
    expect(r.ready).toBe(false);
  });

  it('asks for one person at a time on a group photo and for a face on an empty frame', async () => {
    expect((await preview(await rgba(groupPhotos[0]!, 640))).hints).toEqual(['one_person']);
    const empty = { width: 640, height: 480, data: new Uint8Array(640 * 480 * 4).fill(90) };
    expect(await preview(empty)).toMatchObject({
      faceCount: 0,
      hints: ['no_face'],
      ready: false,
      faceBox: null,
    });
  });

  it('pushes every report as a camera:quality event', async () => {
    fx.events.length = 0;
    const r = await preview(await frame(frontal, 360));
    expect(fx.events).toEqual([{ event: 'camera:quality', payload: r }]);
  });
});
