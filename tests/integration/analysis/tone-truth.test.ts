import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labToLch } from '../../../electron/core/color/color-spaces';
import { COLOR_CHECKER_SRGB8 } from '../../../electron/core/color/color-checker';
import type { RgbaImage } from '../../../electron/core/vision/image-types';
import { prepareFaces } from '../../support/tone-truth/face-photos';
import { LIGHTS } from '../../support/tone-truth/lights-and-camera';
import { runToneGrid, type ToneRecord } from '../../support/tone-truth/tone-run';
import { groupBy, scoreTones, TONE_TARGETS } from '../../support/tone-truth/tone-scores';
import { toneAlbedos } from '../../support/tone-truth/truth-set';
import { exposed, rgba, singleFaces, startServices, type ServicesFixture } from './analysis-fixtures';

/**
 * A small run of the tone benchmark (`npm run bench:tone`, docs/fairness-report.md) with the
 * issue's targets asserted, so a regression in colour fails CI; and the colour defects found on
 * real photos, each checked where it showed.
 */

let fx: ServicesFixture;
beforeAll(async () => {
  fx = startServices();
  await fx.services.ready();
});
afterAll(async () => {
  await fx.close();
});

describe('tone truth set (three faces, nine skins, two lights, two exposures)', () => {
  let records: ToneRecord[];
  beforeAll(async () => {
    const faces = await prepareFaces([singleFaces[0]!, singleFaces[4]!, singleFaces[6]!]);
    expect(faces).toHaveLength(3);
    // Measured skin from very light to the deepest the detector finds on every face: Monk 1 to 9.
    const ids = [
      'skin+60',
      'skin+52.5',
      'skin+45',
      'skin+37.5',
      'skin+30',
      'skin+15',
      'skin-15',
      'skin-45',
      'skin-60',
    ];
    records = await runToneGrid(fx.services, {
      faces,
      albedos: toneAlbedos().filter((a) => ids.includes(a.id)),
      lights: LIGHTS.filter((l) => l.name === 'd65' || l.name === 'a2850'),
      exposures: [0.8, 1.2],
      modes: ['calibrated', 'uncalibrated'],
    });
  }, 600_000);

  it('meets the calibrated targets for every tone: face, tone given, Monk ±1, ΔE00 ≤ 3, |ΔITA| ≤ 3°, ρ ≥ 0.98', () => {
    const calibrated = records.filter((r) => r.mode === 'calibrated');
    const t = TONE_TARGETS.calibrated;
    for (const [tone, group] of groupBy(calibrated, (r) => r.albedo.monk)) {
      const s = scoreTones(group);
      expect(s.faceFound, `Monk ${tone}`).toBe(1);
      expect(s.toneGiven, `Monk ${tone}`).toBeGreaterThanOrEqual(t.toneGiven);
      expect(s.monkWithinOne, `Monk ${tone}`).toBeGreaterThanOrEqual(t.monkWithinOne);
      expect(s.medianDeltaE, `Monk ${tone}`).toBeLessThanOrEqual(t.medianDeltaE);
      expect(s.itaMae, `Monk ${tone}`).toBeLessThanOrEqual(t.itaMae);
    }
    expect(scoreTones(calibrated).spearman).toBeGreaterThanOrEqual(t.spearman);
  });

  it('keeps the uncalibrated colour within ΔE00 8 and gives the tone for every tone, in depth order', () => {
    // The uncalibrated ITA° and Monk targets are not met (lightness follows the camera's exposure):
    // docs/fairness-report.md states the gap per tone; these are the targets it does meet.
    const uncalibrated = records.filter((r) => r.mode === 'uncalibrated');
    const t = TONE_TARGETS.uncalibrated;
    for (const [tone, group] of groupBy(uncalibrated, (r) => r.albedo.monk)) {
      const s = scoreTones(group);
      expect(s.faceFound, `Monk ${tone}`).toBe(1);
      expect(s.toneGiven, `Monk ${tone}`).toBeGreaterThanOrEqual(t.toneGiven);
      expect(s.medianDeltaE, `Monk ${tone}`).toBeLessThanOrEqual(t.medianDeltaE);
    }
    expect(scoreTones(uncalibrated).spearman).toBeGreaterThanOrEqual(0.9);
    // Every uncalibrated tone says so, for the "approximate colour" notice.
    expect(uncalibrated.every((r) => r.tone === null || r.tone.colourMode === 'approximate')).toBe(true);
  });
});

/** The ColorChecker as printed, held in the lower left corner of a photo. */
function withChart(image: RgbaImage): RgbaImage {
  const data = new Uint8Array(image.data);
  const cell = Math.round(Math.min(image.width, image.height) / 22);
  const x0 = Math.round(0.03 * image.width);
  const y0 = image.height - Math.round(0.03 * image.height) - 4 * cell;
  for (let y = y0 - cell / 3; y < y0 + 4 * cell + cell / 3; y++)
    for (let x = x0 - cell / 3; x < x0 + 6 * cell + cell / 3; x++) {
      const col = Math.floor((x - x0) / cell);
      const row = Math.floor((y - y0) / cell);
      const inPatch =
        col >= 0 &&
        row >= 0 &&
        col < 6 &&
        row < 4 &&
        (x - x0) % cell > cell * 0.08 &&
        (x - x0) % cell < cell * 0.92 &&
        (y - y0) % cell > cell * 0.08 &&
        (y - y0) % cell < cell * 0.92;
      const [, r, g, b] = inPatch ? COLOR_CHECKER_SRGB8[row * 6 + col]! : ['', 30, 30, 30];
      data.set(
        [r as number, g as number, b as number, 255],
        (Math.round(y) * image.width + Math.round(x)) * 4,
      );
    }
  return { width: image.width, height: image.height, data };
}

describe('colour on real photos', () => {
  it('never turns skin lavender or grey: every face comes out skin-coloured (b* > 5, hue 35°–80°)', async () => {
    // Gray world on a skin-filled frame used to give #a09cb0 (b* −9.9) and #a6879a (b* −5.9).
    for (const file of singleFaces) {
      const tone = (await fx.services.analyze(await rgba(file), {})).profile.tone;
      expect(tone, path.basename(file)).not.toBeNull();
      const { h } = labToLch(tone!.lab);
      expect(tone!.lab.b, path.basename(file)).toBeGreaterThan(5);
      expect(h, path.basename(file)).toBeGreaterThan(35);
      expect(h, path.basename(file)).toBeLessThan(80);
      expect(tone!.ita, path.basename(file)).not.toBeNull();
      expect(Math.abs(tone!.ita!), path.basename(file)).toBeLessThan(90);
    }
  });

  it('gives the lightest faces a Monk level of 4 or lighter (levels 1–4 were never given)', async () => {
    const levels: number[] = [];
    for (const file of singleFaces)
      levels.push((await fx.services.analyze(await rgba(file), {})).profile.tone!.monk!);
    expect(Math.min(...levels)).toBeLessThanOrEqual(4);
  });

  it('keeps the Monk level when the light is 20 % dimmer or brighter, with the chart in the photo', async () => {
    // Monk used to follow exposure: ×0.8 and ×1.2 moved it by up to three steps. The scene is
    // taken at 0.8 of the photo's exposure so that ×1.2 does not blow the face's highlights.
    for (const file of singleFaces.slice(0, 4)) {
      const photo = withChart(await rgba(file));
      const monk = async (gain: number) =>
        (
          await fx.services.analyze(
            exposed(photo, 0.8 * gain),
            {},
            { emit: () => {} },
            {},
            { chartInFrame: true },
          )
        ).profile.tone;
      const base = await monk(1);
      expect(base?.colourMode, path.basename(file)).toBe('calibrated');
      for (const gain of [0.8, 1.2]) {
        const tone = await monk(gain);
        expect(tone?.monk, `${path.basename(file)} ×${gain}`).toBe(base!.monk);
        expect(Math.abs(tone!.lab.L - base!.lab.L), `${path.basename(file)} ×${gain}`).toBeLessThan(0.6);
      }
    }
  });
});
