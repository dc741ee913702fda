import { describe, expect, it } from 'vitest';
import {
  accentPair,
  contrastRatio,
  INK_DARK,
  INK_LIGHT,
  relativeLuminance,
} from '../../../../electron/core/config/brand-colors';

describe('brand colours', () => {
  it('computes WCAG contrast against known values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 6);
    expect(() => relativeLuminance('red')).toThrow(/#rrggbb/);
  });

  it('puts white text on a dark accent and dark text on a light one', () => {
    expect(accentPair('#8C3B4A')).toEqual({ fill: '#8c3b4a', ink: INK_LIGHT });
    expect(accentPair('#ffcc00')).toEqual({ fill: '#ffcc00', ink: INK_DARK });
  });

  it('reads at AA (4.5:1) for every accent a store could pick', () => {
    let worst = Infinity;
    for (let r = 0; r < 256; r += 15)
      for (let g = 0; g < 256; g += 15)
        for (let b = 0; b < 256; b += 15) {
          const hex = `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
          const { fill, ink } = accentPair(hex);
          worst = Math.min(worst, contrastRatio(fill, ink));
        }
    expect(worst).toBeGreaterThanOrEqual(4.5);
  });
});
