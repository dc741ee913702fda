import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { SKIN_METRICS_IO, SKIN_ZONES, ZONE_FEATURES } from '../../../../electron/core/skin/skin-metrics-io';
import { buildSkinMetricsGraph } from '../../../../model/skin-metrics/skin-metrics-graph';
import { referenceZoneStats } from '../../../../model/skin-metrics/skin-metrics-reference';
import { renderCrop, zoneMasks } from './synthetic-crops';
import { rng } from '../../../support/seeded-random';

const sessions: ort.InferenceSession[] = [];
afterAll(async () => {
  for (const s of sessions) await s.release();
});

async function runGraph(
  n: number,
  crop: Float32Array,
  masks: Float32Array,
  color: number[],
): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(buildSkinMetricsGraph(n).toBytes(), {
    executionProviders: ['cpu'],
  });
  sessions.push(session);
  const out = await session.run({
    [SKIN_METRICS_IO.crop]: new ort.Tensor('float32', crop, [1, 3, n, n]),
    [SKIN_METRICS_IO.masks]: new ort.Tensor('float32', masks, [1, SKIN_ZONES.length, n, n]),
    [SKIN_METRICS_IO.color]: new ort.Tensor('float32', Float32Array.from(color), [1, 3, 3]),
  });
  const stats = out[SKIN_METRICS_IO.zoneStats]!;
  expect(stats.dims).toEqual([1, SKIN_ZONES.length, ZONE_FEATURES.length]);
  return stats.data as Float32Array;
}

/** Every cell within 1e-3 relative (1e-3 absolute near zero) of the double-precision reference. */
function expectAgreement(onnx: Float32Array, reference: Float64Array): void {
  const bad: string[] = [];
  reference.forEach((r, i) => {
    const o = onnx[i]!;
    if (!(Math.abs(o - r) <= 1e-3 * (1 + Math.abs(r)))) {
      bad.push(
        `${SKIN_ZONES[Math.floor(i / ZONE_FEATURES.length)]}.${ZONE_FEATURES[i % ZONE_FEATURES.length]}: onnx ${o} ref ${r}`,
      );
    }
  });
  expect(bad).toEqual([]);
}

const COLOR = [1.3, 0.05, -0.02, 0.02, 1.0, 0.03, -0.01, 0.08, 0.7];

describe('skin-metrics graph vs the plain-TypeScript reference', () => {
  it('agrees on a 32² crop with texture, spots, redness, shine and dark surroundings', async () => {
    const n = 32;
    const crop = renderCrop({
      n,
      skin: { L: 62, a: 13, b: 17 },
      texture: 1.5,
      spots: [{ x: 10, y: 5, radius: 1.5, amount: 12 }],
      redness: [{ x: 8, y: 19, radius: 2, amount: 10 }],
      shine: [{ x: 16, y: 6, radius: 2, amount: 0.3 }],
      outside: { L: 20, a: 3, b: 5 },
    });
    const masks = zoneMasks(n);
    expectAgreement(await runGraph(n, crop, masks, COLOR), referenceZoneStats(crop, masks, COLOR, n));
  });

  it('agrees on random pixels and random zone assignment at 64², including clipped pixels', async () => {
    const n = 64;
    const random = rng(3);
    const crop = Float32Array.from({ length: 3 * n * n }, () => random() * 1.1 - 0.05);
    const masks = new Float32Array(SKIN_ZONES.length * n * n);
    for (let p = 0; p < n * n; p++) {
      const z = Math.floor(random() * (SKIN_ZONES.length + 2));
      if (z < SKIN_ZONES.length) masks[z * n * n + p] = 1;
    }
    const identity = [1, 0, 0, 0, 1, 0, 0, 0, 1];
    expectAgreement(await runGraph(n, crop, masks, identity), referenceZoneStats(crop, masks, identity, n));
  });

  it('serialises to the same bytes every time', () => {
    const first = buildSkinMetricsGraph(64).toBytes();
    const second = buildSkinMetricsGraph(64).toBytes();
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it('refuses a crop size the pooling cannot divide', () => {
    expect(() => buildSkinMetricsGraph(36)).toThrow(RangeError);
  });
});
