import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRIC_CONCERN } from '../../../electron/core/skin/concern-ranking';
import { METRIC_CONFIDENCE_FLOOR } from '../../../electron/core/skin/metric-scoring';
import type { Frame } from '../../../electron/shared/schemas/analysis-schemas';
import { MetricKey, SkinProfile } from '../../../electron/shared/schemas/skin-profile-schemas';
import {
  facesDir,
  invokeAnalysis,
  rgba,
  singleFaces,
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

async function profileOf(frame: Frame): Promise<SkinProfile> {
  const result = await invokeAnalysis(fx, 'analysis:analyze', { frame, answers: {} }, false);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return SkinProfile.parse((result.value as { profile: unknown }).profile);
}

/** Every metric is either measured at or above the floor or listed as not measured, never both. */
function expectSplitAtFloor(profile: SkinProfile): void {
  const notMeasured = profile.notMeasured ?? [];
  for (const m of profile.metrics) expect(m.confidence).toBeGreaterThanOrEqual(METRIC_CONFIDENCE_FLOOR);
  for (const m of notMeasured) expect(m.confidence).toBeLessThan(METRIC_CONFIDENCE_FLOOR);
  expect([...profile.metrics.map((m) => m.key), ...notMeasured.map((m) => m.key)].sort()).toEqual(
    [...MetricKey.options].sort(),
  );
  // No answers were given: every concern comes from a measured metric.
  const measuredConcerns = profile.metrics.map((m) => METRIC_CONCERN[m.key]);
  for (const c of profile.concerns) expect(measuredConcerns).toContain(c.concern);
}

describe('confidence floor on real photos', () => {
  it('shows no score for the zones a band across the face hides, only "not measured"', async () => {
    // The portrait with a blue band over cheeks and nose (a scarf, a hand): the forehead is still seen.
    const band = await sharp({
      create: { width: 200, height: 60, channels: 3, background: { r: 60, g: 80, b: 140 } },
    })
      .png()
      .toBuffer();
    const covered = await sharp(singleFaces[1]!)
      .composite([{ input: band, left: 170, top: 235 }])
      .png()
      .toBuffer();
    const profile = await profileOf(await rgba(covered));
    expectSplitAtFloor(profile);
    const notMeasured = (profile.notMeasured ?? []).map((m) => m.key);
    for (const key of ['pores', 'redness', 'darkCircles', 'shine'] as const)
      expect(notMeasured).toContain(key);
    expect(profile.metrics.map((m) => m.key)).toContain('wrinkles');
  });

  it('measures every metric of the uncovered portrait', async () => {
    const profile = await profileOf(await rgba(singleFaces[1]!));
    expectSplitAtFloor(profile);
    expect(profile.notMeasured).toEqual([]);
  });

  it.each(['vladmandic-face-api-sample3-face2.jpg', 'vladmandic-face-api-sample3-face3.jpg'])(
    'splits the barely trusted faces of a dim group photo at the floor (%s)',
    async (name) => {
      expectSplitAtFloor(await profileOf(await rgba(path.join(facesDir, 'crops', name))));
    },
  );
});
