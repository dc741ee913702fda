import { describe, expect, it } from 'vitest';
import { labToLch } from '../../../../electron/core/color/color-spaces';
import { MONK_ITA_ANCHORS, MONK_SWATCHES_LAB, monkFromIta } from '../../../../electron/core/skin/monk-scale';
import { inSkinLocus, skinLocusColour, skinLocusDistance } from '../../../../electron/core/skin/skin-locus';
import {
  describeTone,
  ITA_MIN_B,
  itaClassOf,
  itaDegrees,
  undertoneOf,
  UNDERTONE_HUE,
} from '../../../../electron/core/skin/skin-tone';
import type { Lab } from '../../../../electron/shared/schemas/skin-profile-schemas';

const atHue = (h: number, C = 20, L = 60): Lab => ({
  L,
  a: C * Math.cos((h * Math.PI) / 180),
  b: C * Math.sin((h * Math.PI) / 180),
});

describe('ITA°', () => {
  it('is atan((L* − 50)/b*) in degrees', () => {
    expect(itaDegrees({ L: 50, a: 10, b: 20 })).toBe(0);
    expect(itaDegrees({ L: 70, a: 10, b: 20 })).toBeCloseTo(45, 10);
    expect(itaDegrees({ L: 30, a: 10, b: 20 })).toBeCloseTo(-45, 10);
  });

  it('stays within its standard domain: −90°…90°, and none for b* at or below the noise floor', () => {
    // atan2 used to give 90°–180° here and flip a light, bluish colour from "dark" to "very light".
    expect(itaDegrees({ L: 70, a: 5, b: -4 })).toBeNull();
    expect(itaDegrees({ L: 30, a: 5, b: -4 })).toBeNull();
    expect(itaDegrees({ L: 62, a: 0.2, b: 0.4 })).toBeNull();
    expect(itaDegrees({ L: 62, a: 3, b: ITA_MIN_B })).toBeCloseTo(80.5, 1);
    for (let L = 5; L <= 98; L += 3)
      for (const b of [2, 5, 15, 40]) {
        const ita = itaDegrees({ L, a: 8, b })!;
        expect(ita).toBeGreaterThan(-90);
        expect(ita).toBeLessThan(90);
      }
  });

  it('bins into Chardon classes at 55, 41, 28, 10 and −30 (upper bounds inclusive)', () => {
    const cases: [number, string][] = [
      [60, 'very_light'],
      [55, 'light'],
      [41.01, 'light'],
      [41, 'intermediate'],
      [28, 'tan'],
      [10, 'brown'],
      [-29.9, 'brown'],
      [-30, 'dark'],
      [-80, 'dark'],
    ];
    for (const [ita, cls] of cases) expect(itaClassOf(ita)).toBe(cls);
  });

  it('withholds ITA, its class and the Monk level for a grey photo, and says why', () => {
    // A grayscale photo used to read "Monk 6, ITA 90°, very light, warm".
    const tone = describeTone({ L: 62, a: 0.3, b: 0.6 }, 0.9, 'approximate');
    expect(tone).toMatchObject({
      ita: null,
      itaClass: null,
      monk: null,
      withheld: 'no_yellow',
      undertone: 'cannot_tell',
    });
  });
});

describe('Monk level from measured skin', () => {
  it('reaches every level 1–10 on measured skin colours from very light to the deepest', () => {
    // The nearest-swatch rule never gave 1–4 on real skin (those swatches have L* 88–94).
    const levels = new Set<number>();
    for (let ita = 65; ita >= -75; ita -= 1)
      levels.add(describeTone(skinLocusColour(ita), 1, 'calibrated').monk!);
    expect([...levels].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const light of [60, 52.5, 45, 37.5])
      expect(describeTone(skinLocusColour(light), 1, 'calibrated').monk).toBeLessThanOrEqual(4);
  });

  it('deepens monotonically as ITA° falls, with each anchor inside its own level', () => {
    let previous = 1;
    for (let ita = 80; ita >= -85; ita -= 0.5) {
      const monk = monkFromIta(ita);
      expect(monk).toBeGreaterThanOrEqual(previous);
      previous = monk;
    }
    MONK_ITA_ANCHORS.forEach((anchor, i) => expect(monkFromIta(anchor)).toBe(i + 1));
  });

  it('puts the swatches that lie inside measured skin (6, 7, 8) at their own level', () => {
    for (const level of [6, 7, 8])
      expect(describeTone(MONK_SWATCHES_LAB[level - 1]!, 1, 'calibrated').monk).toBe(level);
  });

  it('does not follow exposure of a calibrated colour (the colour is absolute)', () => {
    const skin = skinLocusColour(20);
    expect(describeTone(skin, 1, 'calibrated').monk).toBe(describeTone({ ...skin }, 0.3, 'calibrated').monk);
  });
});

describe('undertone', () => {
  it('reads cool, neutral and warm from the hue angle inside the skin locus', () => {
    expect(undertoneOf(atHue(UNDERTONE_HUE.coolBelow - 3))).toBe('cool');
    expect(undertoneOf(atHue((UNDERTONE_HUE.coolBelow + UNDERTONE_HUE.warmAbove) / 2))).toBe('neutral');
    expect(undertoneOf(atHue(UNDERTONE_HUE.warmAbove + 3))).toBe('warm');
    expect(labToLch(atHue(50)).h).toBeCloseTo(50, 10);
  });

  it('cannot tell for grey, blue, green or too little chroma (it used to say "warm" above 58°)', () => {
    expect(undertoneOf({ L: 60, a: 0.5, b: 1 })).toBe('cannot_tell');
    expect(undertoneOf(atHue(250))).toBe('cannot_tell');
    expect(undertoneOf(atHue(130))).toBe('cannot_tell');
    expect(undertoneOf(atHue(95))).toBe('cannot_tell');
    expect(undertoneOf(atHue(58, 4))).toBe('cannot_tell');
  });
});

describe('describeTone', () => {
  it('describes a measured colour with its swatch hex, mode and confidence', () => {
    const tone = describeTone({ L: 55.1, a: 7.8, b: 26.7 }, 0.8, 'calibrated');
    expect(tone).toMatchObject({
      itaClass: 'tan',
      monk: 6,
      undertone: 'warm',
      hex: '#a07e56',
      colourMode: 'calibrated',
      confidence: 0.8,
    });
    expect(describeTone({ L: 55, a: 1, b: 2.5 }, 0.8, 'calibrated').confidence).toBeLessThan(0.6);
    expect(describeTone({ L: 55, a: 7, b: 20 }, 3, 'approximate').confidence).toBe(1);
  });
});

describe('skin locus', () => {
  it('gives measured-skin colours near the Chardon class means, at their own ITA°', () => {
    const veryLight = skinLocusColour(60);
    expect(veryLight.L).toBeCloseTo(71.6, 1);
    expect(veryLight.b).toBeCloseTo(12.4, 1);
    expect(skinLocusColour(-45).L).toBeCloseTo(36.5, 1);
    for (const ita of [55, 20, -10, -50]) expect(itaDegrees(skinLocusColour(ita))!).toBeCloseTo(ita, 6);
  });

  it('holds skin and nothing else: grey, blue and green lie outside, at a distance', () => {
    expect(inSkinLocus(skinLocusColour(20))).toBe(true);
    expect(skinLocusDistance(skinLocusColour(20))).toBeCloseTo(0, 9);
    for (const other of [{ L: 60, a: 0, b: 1 }, atHue(250), atHue(130)]) {
      expect(inSkinLocus(other)).toBe(false);
      expect(skinLocusDistance(other)).toBeGreaterThan(5);
    }
  });
});
