import { describe, expect, it } from 'vitest';
import { MetricKey } from '../../../electron/shared/schemas/skin-profile-schemas';
import { bandOf, metricViews, MIN_SHOWN_CONFIDENCE, zonesFor } from '../../../renderer/src/lib/results-view';
import { MONK_SCALE_HEX, monkSwatch } from '../../../electron/shared/monk-scale';
import { PROFILE } from './state/renderer-fixtures';

describe('results view', () => {
  it('bands a score the way the legend says', () => {
    expect([0, 29.9, 30, 59.9, 60, 100].map(bandOf)).toEqual([
      'low',
      'low',
      'moderate',
      'moderate',
      'pronounced',
      'pronounced',
    ]);
  });

  it('lists measured metrics strongest first, then every other metric as not measured', () => {
    const views = metricViews(PROFILE);
    expect(views.map((v) => v.key).slice(0, 2)).toEqual(['redness', 'pores']);
    expect(views[0]).toMatchObject({ measured: true, band: 'pronounced' });
    // wrinkles was measured with confidence 0.2 < 0.3: shown as not measured, not as a bar.
    expect(PROFILE.metrics.find((m) => m.key === 'wrinkles')?.confidence).toBeLessThan(MIN_SHOWN_CONFIDENCE);
    expect(views.find((v) => v.key === 'wrinkles')).toEqual({ key: 'wrinkles', measured: false });
    expect(views).toHaveLength(MetricKey.options.length);
    expect(views.slice(2).every((v) => !v.measured)).toBe(true);
  });

  it('lights only the zones that carry a score for the chosen metric', () => {
    const zones = [
      { zone: 'forehead', polygon: [], scores: { wrinkles: 70, shine: 10 } },
      { zone: 'nose', polygon: [], scores: { shine: 40 } },
      { zone: 'chin', polygon: [] },
    ];
    expect(zonesFor(zones, 'wrinkles')).toEqual([{ zone: 'forehead', score: 70, band: 'pronounced' }]);
    expect(zonesFor(zones, 'shine').map((z) => [z.zone, z.band])).toEqual([
      ['forehead', 'low'],
      ['nose', 'moderate'],
    ]);
    expect(zonesFor(zones, 'redness')).toEqual([]);
  });

  it('shows the Monk scale’s published swatches, clamped to 1–10', () => {
    expect(MONK_SCALE_HEX).toHaveLength(10);
    expect(monkSwatch(1)).toBe('#f6ede4');
    expect(monkSwatch(10)).toBe('#292420');
    expect(monkSwatch(42)).toBe('#292420');
  });
});
