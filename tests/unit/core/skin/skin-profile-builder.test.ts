import { describe, expect, it } from 'vitest';
import { profileFromAnswers } from '../../../../electron/core/skin/questionnaire-profile';
import {
  buildSkinProfile,
  measureTone,
  MIN_TONE_CONFIDENCE,
} from '../../../../electron/core/skin/skin-profile-builder';
import { zoneQualities } from '../../../../electron/core/skin/zone-quality';
import { SkinProfile } from '../../../../electron/shared/schemas/skin-profile-schemas';
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
