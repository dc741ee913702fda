import { describe, expect, it } from 'vitest';
import { scoreMetrics } from '../../../../electron/core/skin/metric-scoring';
import { fuseSkinType, imageTypeEvidence, isSensitive } from '../../../../electron/core/skin/skin-type';
import { zoneQualities } from '../../../../electron/core/skin/zone-quality';
import { allOf, evenFace } from './zone-stats-fixtures';

const evidence = (outputs: ReturnType<typeof evenFace>) => {
  const q = zoneQualities(outputs);
  return imageTypeEvidence(outputs, q, scoreMetrics(outputs, q));
};
const shinyT = allOf(['forehead', 'nose', 'chin'], { shine: 0.3 });
const shinyAll = allOf(['forehead', 'nose', 'chin', 'left_cheek', 'right_cheek'], { shine: 0.3 });
const rough = allOf(['forehead', 'left_cheek', 'right_cheek', 'chin'], { detailEnergy: 40, poreEnergy: 40 });

describe('skin type', () => {
  it('reads the image alone: shiny T-zone → combination, shiny all over → oily, matte → normal, matte and rough → dry', () => {
    expect(fuseSkinType({}, evidence(evenFace(shinyT)))).toBe('combination');
    expect(fuseSkinType({}, evidence(evenFace(shinyAll)))).toBe('oily');
    expect(fuseSkinType({}, evidence(evenFace()))).toBe('normal');
    expect(fuseSkinType({}, evidence(evenFace(rough)))).toBe('dry');
  });

  it('votes sum to 1', () => {
    for (const zones of [shinyT, shinyAll, rough, {}]) {
      const v = evidence(evenFace(zones)).votes;
      expect(v.oily + v.combination + v.normal + v.dry).toBeCloseTo(1, 12);
    }
  });

  it('lets the midday answer outweigh the image', () => {
    expect(fuseSkinType({ middayFeel: 'tight_dry' }, evidence(evenFace(shinyAll)))).toBe('dry');
    expect(fuseSkinType({ middayFeel: 'oily_tzone' }, evidence(evenFace()))).toBe('combination');
    expect(fuseSkinType({ middayFeel: 'comfortable' }, null)).toBe('normal');
    expect(fuseSkinType({}, null)).toBe('normal');
  });

  it('ignores image evidence of no confidence', () => {
    expect(fuseSkinType({}, { votes: { oily: 1, combination: 0, normal: 0, dry: 0 }, confidence: 0 })).toBe(
      'normal',
    );
  });
});

describe('sensitive', () => {
  const red = (score: number, confidence = 0.9) => ({ key: 'redness' as const, score, confidence });
  it('follows a clear answer', () => {
    expect(isSensitive({ sensitivity: 'often' }, red(0), true)).toBe(true);
    expect(isSensitive({ sensitivity: 'rarely' }, red(95), true)).toBe(false);
  });
  it('asks the redness measurement for "sometimes" and for no answer', () => {
    expect(isSensitive({ sensitivity: 'sometimes' }, red(45), true)).toBe(true);
    expect(isSensitive({ sensitivity: 'sometimes' }, red(30), true)).toBe(false);
    expect(isSensitive({ sensitivity: 'sometimes' }, red(45, 0.2), true)).toBe(false);
    expect(isSensitive({}, red(65), true)).toBe(true);
    expect(isSensitive({}, red(55), true)).toBe(false);
    expect(isSensitive({}, null, true)).toBe(false);
  });
  it('treats "sometimes" as sensitive without a scan', () => {
    expect(isSensitive({ sensitivity: 'sometimes' }, null, false)).toBe(true);
  });
});
