import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from '../../../electron/shared/schemas/analysis-schemas';
import {
  exposed,
  invokeAnalysis,
  rgba,
  singleFaces,
  startServices,
  turnedFace,
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

const portrait = singleFaces[1]!;
const analyze = (frame: Frame) => invokeAnalysis(fx, 'analysis:analyze', { frame, answers: {} }, false);
const progressStages = () =>
  fx.events.filter((e) => e.event === 'analysis:progress').map((e) => (e.payload as { stage: string }).stage);

describe('the capture gate on real photos, over the contract', () => {
  it('gives no profile for a face turned about 50° (QUALITY_POSE), and tells the shopper what to do', async () => {
    const frame = await rgba(await turnedFace());
    fx.events.length = 0;
    const result = await analyze(frame);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'QUALITY_POSE', details: { hint: 'look_straight' } },
    });
    if (result.ok) return;
    expect(result.error.message).toMatch(/Look straight at the camera/);
    expect(Math.abs(Number(result.error.details?.yaw))).toBeGreaterThan(40);
    expect(progressStages()).not.toContain('profile');
  });

  it('refuses a face in near darkness (QUALITY_LIGHT) and a blurred one (QUALITY_BLUR)', async () => {
    const dark = await analyze(exposed(await rgba(portrait), 0.015));
    expect(dark).toMatchObject({
      ok: false,
      error: { code: 'QUALITY_LIGHT', details: { hint: 'more_light' } },
    });
    const blurred = await analyze(await rgba(await sharp(portrait).blur(4).png().toBuffer()));
    expect(blurred).toMatchObject({
      ok: false,
      error: { code: 'QUALITY_BLUR', details: { hint: 'hold_still' } },
    });
  });

  it('still measures the same photo in plain light and in focus, and keeps doing so after refusals', async () => {
    const result = await analyze(await rgba(portrait));
    expect(result).toMatchObject({ ok: true });
  });

  it('refuses the same turned frame every time: the gate does not depend on what came before', async () => {
    const frame = await rgba(await turnedFace());
    const codes = [];
    for (let i = 0; i < 3; i++) {
      const r = await analyze(frame);
      codes.push(r.ok ? 'ok' : r.error.code);
    }
    expect(codes).toEqual(['QUALITY_POSE', 'QUALITY_POSE', 'QUALITY_POSE']);
  });

  it('measures every frontal single-face photo of the set: the limits leave room for real captures', async () => {
    for (const file of singleFaces) {
      const r = await analyze(await rgba(file));
      expect(r.ok ? 'ok' : `${r.error.code} ${JSON.stringify(r.error.details)}`, file).toBe('ok');
    }
  });
});
