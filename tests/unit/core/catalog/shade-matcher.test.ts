import { describe, expect, it } from 'vitest';
import { deltaE2000 } from '../../../../electron/core/color/delta-e-2000';
import { matchShades, type ShadeOption } from '../../../../electron/core/catalog/shade-matcher';
import type { Lab } from '../../../../electron/shared/schemas/skin-profile-schemas';

const shade = (sku: string, name: string, lab: Lab, inStock = true): ShadeOption => ({
  sku,
  inStock,
  shade: { code: null, name, hex: '#c08060', lab, undertone: 'neutral', depth: 5 },
});

/** A ladder of shades 3 L* apart from light to deep, at a typical skin hue. */
const LADDER = Array.from({ length: 15 }, (_, i) =>
  shade('F1', `S${String(i).padStart(2, '0')}`, { L: 80 - 3 * i, a: 10 + i * 0.5, b: 18 }),
);

describe('matchShades', () => {
  it('returns the three nearest shades with their reference ΔE00, closest first', () => {
    const skin = { L: 65.5, a: 12.6, b: 18 };
    const result = matchShades(skin, LADDER, 0);
    expect(result.hits.map((h) => h.option.shade.name)).toEqual(['S05', 'S04', 'S06']);
    expect(result.hits[0]!.deltaE00).toBeCloseTo(deltaE2000(skin, LADDER[5]!.shade.lab), 10);
    expect(result.closeMatch).toBe(true);
  });

  it('weights lightness above chroma when ranking', () => {
    const skin = { L: 60, a: 12, b: 18 };
    const sameLightnessOtherChroma = shade('A', 'chroma-off', { L: 60, a: 12, b: 24 });
    const otherLightness = shade('B', 'lightness-off', { L: 64, a: 12, b: 18 });
    // The reference formula puts the lighter shade slightly closer; the ranking prefers the right depth.
    expect(deltaE2000(skin, otherLightness.shade.lab)).toBeLessThan(
      deltaE2000(skin, sameLightnessOtherChroma.shade.lab),
    );
    const result = matchShades(skin, [otherLightness, sameLightnessOtherChroma], 0);
    expect(result.hits[0]!.option.shade.name).toBe('chroma-off');
  });

  it('says there is no close match when even the best is more than ΔE00 5 away', () => {
    const result = matchShades({ L: 20, a: 8, b: 10 }, LADDER.slice(0, 5), 0);
    expect(result.hits).toHaveLength(3);
    expect(result.hits[0]!.deltaE00).toBeGreaterThan(5);
    expect(result.closeMatch).toBe(false);
  });

  it('steps lighter and darker, always beyond the best match', () => {
    const skin = { L: 65.5, a: 12.6, b: 18 };
    const lighter = matchShades(skin, LADDER, -1);
    expect(lighter.hits.map((h) => h.option.shade.name)).toEqual(['S04', 'S03', 'S02']);
    const darker2 = matchShades(skin, LADDER, 2);
    expect(darker2.hits[0]!.option.shade.name).toBe('S07');
    expect(darker2.hits.every((h) => h.option.shade.lab.L < LADDER[5]!.shade.lab.L)).toBe(true);
    expect(darker2.closeMatch).toBe(true);
    expect(matchShades(skin, LADDER.slice(5), -1).hits).toEqual([]);
  });

  it('offers in-stock shades first and is deterministic on ties', () => {
    const skin = { L: 65, a: 12, b: 18 };
    const twins = [shade('B', 'x', skin), shade('A', 'x', skin), shade('C', 'exact-oos', skin, false)];
    const result = matchShades(skin, twins, 0);
    expect(result.hits.map((h) => h.option.sku)).toEqual(['A', 'B']);
    expect(matchShades(skin, [twins[2]!], 0).hits.map((h) => h.option.sku)).toEqual(['C']);
  });
});
