import { describe, expect, it } from 'vitest';
import { profileFromAnswers } from '../../../../electron/core/skin/questionnaire-profile';
import {
  buildSkinProfile,
  measureTone,
  MIN_TONE_CONFIDENCE,
} from '../../../../electron/core/skin/skin-profile-builder';
import { METRIC_CONFIDENCE_FLOOR } from '../../../../electron/core/skin/metric-scoring';
import { zoneQualities } from '../../../../electron/core/skin/zone-quality';
import { MetricKey, SkinProfile } from '../../../../electron/shared/schemas/skin-profile-schemas';
import { allOf, evenFace } from './zone-stats-fixtures';

const context = {
  executionProvider: 'webgpu',
  modelVersion: 'skin-metrics:abcd1234',
  timingsMs: { metrics: 4.2 },
};

describe('buildSkinProfile', () => {
  it('returns a contract-valid scan profile carrying the run metadata', () => {
    const profile = buildSkinProfile(evenFace(), { goal: 'anti_aging' }, context);
    expect(SkinProfile.parse(profile)).toEqual(profile);
    expect(profile).toMatchObject({ source: 'scan', type: 'normal', sensitive: false, meta: context });
    expect(profile.tone).toMatchObject({ itaClass: 'intermediate', lab: { L: 62, a: 12, b: 17 } });
    expect(profile.concerns[0]!.concern).toBe('wrinkles');
  });

  it('reads tone from diffuse (non-shiny) skin only', () => {
    // Half of each tone zone is specular (L* 90): the tone sums exclude it.
    const shiny = evenFace(
      allOf(['forehead', 'left_cheek', 'right_cheek'], {
        L: 76,
        toneWeight: 0.5,
        toneL: 31,
        toneA: 6,
        toneB: 8.5,
      }),
    );
    const tone = measureTone(shiny, zoneQualities(shiny), 1, 'calibrated');
    expect(tone!.lab.L).toBeCloseTo(62, 10);
    expect(tone!.lab.b).toBeCloseTo(17, 10);
  });

  it('reports no tone when the tone zones are unusable, and lowers it with poor white balance', () => {
    const hidden = evenFace(allOf(['forehead', 'left_cheek', 'right_cheek'], { areaPx: 0 }));
    expect(buildSkinProfile(hidden, {}, context).tone).toBeNull();
    const unsure = buildSkinProfile(evenFace(), {}, { ...context, colorConfidence: 0 }).tone!;
    expect(unsure.confidence).toBeCloseTo(0.4, 12);
    expect(unsure.confidence).toBeGreaterThan(MIN_TONE_CONFIDENCE);
  });

  it('reports a metric below the confidence floor as not measured and derives nothing from it', () => {
    const red = allOf(['left_cheek', 'right_cheek', 'nose', 'chin'], { redArea: 0.6 });
    const trusted = buildSkinProfile(evenFace(red), {}, context);
    expect(trusted.metrics.find((m) => m.key === 'redness')!.score).toBeGreaterThan(60);
    expect(trusted.concerns.map((c) => c.concern)).toContain('redness');
    expect(trusted.sensitive).toBe(true);
    expect(trusted.notMeasured).toEqual([]);

    // The same skin seen with a fifth of the trust (a blurred face): every score falls below the floor.
    const unsure = buildSkinProfile(evenFace(red), {}, { ...context, faceSharpness: 0.2 });
    expect(unsure.metrics).toEqual([]);
    expect(unsure.notMeasured!.map((m) => m.key).sort()).toEqual([...MetricKey.options].sort());
    for (const m of unsure.notMeasured!) expect(m.confidence).toBeCloseTo(0.2, 10);
    expect(unsure.concerns).toEqual([]);
    expect(unsure.sensitive).toBe(false);
    expect(SkinProfile.parse(unsure)).toEqual(unsure);
  });

  it('keeps a metric measured at exactly the floor and lists one with no usable zone at confidence 0', () => {
    const atFloor = buildSkinProfile(evenFace(), {}, { ...context, faceSharpness: METRIC_CONFIDENCE_FLOOR });
    expect(atFloor.metrics).toHaveLength(8);
    const noEyes = evenFace(allOf(['under_eye_left', 'under_eye_right'], { areaPx: 0 }));
    const profile = buildSkinProfile(noEyes, {}, context);
    expect(profile.metrics.map((m) => m.key)).not.toContain('darkCircles');
    expect(profile.notMeasured).toEqual([{ key: 'darkCircles', confidence: 0 }]);
  });

  it('cannot tell the undertone of an approximate colour that rests on the skin prior', () => {
    const prior = buildSkinProfile(
      evenFace(),
      {},
      { ...context, colourMode: 'approximate', colorConfidence: 0.3 },
    ).tone!;
    expect(prior).toMatchObject({ colourMode: 'approximate', undertone: 'cannot_tell' });
    expect(prior.monk).not.toBeNull();
    const evidenced = buildSkinProfile(
      evenFace(),
      {},
      { ...context, colourMode: 'approximate', colorConfidence: 0.7 },
    ).tone!;
    expect(evidenced.undertone).not.toBe('cannot_tell');
    const calibrated = buildSkinProfile(
      evenFace(),
      {},
      { ...context, colourMode: 'calibrated', colorConfidence: 1 },
    ).tone!;
    expect(calibrated).toMatchObject({ colourMode: 'calibrated', undertone: 'neutral' });
  });

  it('is deterministic', () => {
    const outputs = evenFace({ forehead: { shine: 0.2, ridge90: 9 } });
    expect(buildSkinProfile(outputs, {}, context)).toEqual(buildSkinProfile(outputs, {}, context));
  });
});

describe('profileFromAnswers', () => {
  it('builds a questionnaire profile with no tone and no metrics', () => {
    const profile = profileFromAnswers({
      middayFeel: 'oily_tzone',
      sensitivity: 'often',
      goal: 'calm_redness',
    });
    expect(SkinProfile.parse(profile)).toEqual(profile);
    expect(profile).toMatchObject({
      source: 'questionnaire',
      type: 'combination',
      sensitive: true,
      tone: null,
      metrics: [],
      meta: null,
    });
    expect(profile.concerns.map((c) => c.concern)).toEqual(['redness', 'oiliness']);
  });

  it('defaults to normal, not sensitive, no concerns when every question was skipped', () => {
    expect(profileFromAnswers({})).toEqual({
      source: 'questionnaire',
      type: 'normal',
      sensitive: false,
      tone: null,
      metrics: [],
      concerns: [],
      meta: null,
    });
  });
});
