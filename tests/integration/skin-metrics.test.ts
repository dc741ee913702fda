import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grayWorldGains } from '../../electron/core/color/white-balance';
import { diag3, IDENTITY3, type Mat3, type Vec3 } from '../../electron/core/color/matrix3';
import { COLOR_CHECKER_LINEAR } from '../../electron/core/color/color-checker';
import { solveColorCalibration } from '../../electron/core/color/color-calibration';
import { buildSkinProfile } from '../../electron/core/skin/skin-profile-builder';
import {
  decodeZoneStats,
  SKIN_CROP_SIZE as N,
  SKIN_METRICS_IO,
  SKIN_METRICS_SHAPES,
  SKIN_ZONES,
  type SkinMetricsOutputs,
} from '../../electron/core/skin/skin-metrics-io';
import { MONK_SWATCHES_LAB } from '../../electron/core/skin/monk-scale';
import { itaDegrees } from '../../electron/core/skin/skin-tone';
import { zoneQualities } from '../../electron/core/skin/zone-quality';
import { SkinProfile, type Lab } from '../../electron/shared/schemas/skin-profile-schemas';
import { skinMetricsModelBytes } from '../../model/skin-metrics/build-skin-metrics-model';
import { referenceZoneStats } from '../../model/skin-metrics/skin-metrics-reference';
import { illuminantGains, renderScene } from '../unit/core/color/synthetic-frames';
import {
  renderCrop,
  zoneBox,
  zoneMasks,
  type Blob,
  type CropSpec,
} from '../unit/model/skin-metrics/synthetic-crops';

const MODEL = new URL('../../model/skin-metrics.onnx', import.meta.url);
const MASKS = zoneMasks(N);
let session: ort.InferenceSession;

beforeAll(async () => {
  session = await ort.InferenceSession.create(readFileSync(MODEL), { executionProviders: ['cpu'] });
});
afterAll(async () => {
  await session.release();
});

async function zoneStats(crop: Float32Array, color: Mat3 = IDENTITY3, masks = MASKS): Promise<Float32Array> {
  const out = await session.run({
    [SKIN_METRICS_IO.crop]: new ort.Tensor('float32', crop, [...SKIN_METRICS_SHAPES.crop]),
    [SKIN_METRICS_IO.masks]: new ort.Tensor('float32', masks, [...SKIN_METRICS_SHAPES.masks]),
    [SKIN_METRICS_IO.color]: new ort.Tensor('float32', Float32Array.from(color), [
      ...SKIN_METRICS_SHAPES.color,
    ]),
  });
  return out[SKIN_METRICS_IO.zoneStats]!.data as Float32Array;
}
const measure = async (crop: Float32Array, color?: Mat3): Promise<SkinMetricsOutputs> =>
  decodeZoneStats(await zoneStats(crop, color));

const profileOf = (outputs: SkinMetricsOutputs, colorConfidence = 1) =>
  buildSkinProfile(
    outputs,
    {},
    { executionProvider: 'cpu', modelVersion: 'test', timingsMs: {}, colorConfidence },
  );

const SKIN: Lab = { L: 62, a: 12, b: 17 };
const base = (extra: Partial<CropSpec> = {}): CropSpec => ({
  n: N,
  skin: SKIN,
  texture: 1,
  quantise: true,
  ...extra,
});
const spotCount = (o: SkinMetricsOutputs) =>
  SKIN_ZONES.reduce((s, z) => s + Math.round(o[z].spotCenters * o[z].areaPx), 0);

/** Blob centres spread over a zone's rectangle, well inside it and apart from each other. */
function blobsIn(zone: (typeof SKIN_ZONES)[number], count: number, radius: number, amount: number): Blob[] {
  const b = zoneBox(zone, N);
  const cols = Math.min(count, 4);
  return Array.from({ length: count }, (_, i) => ({
    x: b.x0 + ((i % cols) + 1) * ((b.x1 - b.x0) / (cols + 1)),
    y: b.y0 + (Math.floor(i / cols) + 1) * ((b.y1 - b.y0) / (Math.ceil(count / cols) + 1)),
    radius,
    amount,
  }));
}

describe('skin-metrics.onnx', () => {
  it('is the file model:build writes today (byte for byte)', () => {
    expect(Buffer.from(skinMetricsModelBytes()).equals(readFileSync(MODEL))).toBe(true);
  });

  it('agrees with the plain-TypeScript reference on a full-size crop', async () => {
    const crop = renderCrop(
      base({
        spots: blobsIn('forehead', 2, 2.5, 35),
        redness: blobsIn('left_cheek', 1, 4, 10),
        outside: { L: 25, a: 4, b: 6 },
      }),
    );
    const color: Mat3 = [1.2, 0.03, 0, 0.02, 1, 0.01, 0, 0.05, 0.8];
    const onnx = await zoneStats(crop, color);
    const reference = referenceZoneStats(crop, MASKS, color, N);
    reference.forEach((r, i) => expect(Math.abs(onnx[i]! - r)).toBeLessThanOrEqual(1e-3 * (1 + Math.abs(r))));
  });
});

describe('skin colour through the network', () => {
  const W = 320;
  const H = 240;
  const FACE = { x: 110, y: 50, width: 100, height: 130 };
  const SKINS: Lab[] = [
    { L: 70, a: 9, b: 15 },
    { L: 60, a: 12, b: 18 },
    { L: 48, a: 13, b: 21 },
    { L: 36, a: 11, b: 16 },
    { L: 26, a: 7, b: 9 },
  ];

  it.each(['A', 'F2', 'F11', 'D75'] as const)(
    'recovers ITA° within 3° under %s light with the background balance applied',
    async (name) => {
      const e = illuminantGains(name);
      for (const skin of SKINS) {
        const crop = renderCrop(base({ skin, illuminant: e }));
        // A light skin under incandescent light blows the red channel at a fixed exposure; the
        // clipped-zone confidence covers that case, this one checks colour.
        if (crop.some((v) => v >= 0.98)) continue;
        const frame = renderScene({ width: W, height: H, face: FACE, skin, illuminant: e });
        const wb = grayWorldGains(frame, W, H, FACE);
        const profile = profileOf(await measure(crop, diag3(wb.gains)), wb.confidence);
        expect(profile.tone).not.toBeNull();
        expect(Math.abs(profile.tone!.ita! - itaDegrees(skin)!)).toBeLessThanOrEqual(3);
      }
    },
  );

  it('reads each Monk swatch rendered as skin at its own ITA° (within 1°), lightest to deepest', async () => {
    for (const swatch of MONK_SWATCHES_LAB) {
      const profile = profileOf(await measure(renderCrop(base({ skin: swatch, texture: 0.5 }))));
      expect(Math.abs(profile.tone!.ita! - itaDegrees(swatch)!)).toBeLessThanOrEqual(1);
    }
  });

  it('keeps ITA° and Monk for ±20 % exposure when the calibration sees the chart at that exposure', async () => {
    for (const skin of SKINS) {
      const tone = async (exposure: number) => {
        const chart = COLOR_CHECKER_LINEAR.map((c) => c.map((v) => v * exposure) as unknown as Vec3);
        const calibration = solveColorCalibration(chart);
        return profileOf(await measure(renderCrop(base({ skin, exposure })), calibration.matrix)).tone!;
      };
      const mid = await tone(1);
      for (const exposure of [0.8, 1.2]) {
        const t = await tone(exposure);
        expect(Math.abs(t.ita! - mid.ita!)).toBeLessThanOrEqual(0.5);
        expect(t.monk).toBe(mid.monk);
      }
    }
  });
});

describe('metrics on synthetic ground truth', () => {
  it.each([0, 3, 7])('recovers %i dark spots', async (count) => {
    const spots = [
      ...blobsIn('forehead', Math.min(count, 4), 2.5, 35),
      ...blobsIn('right_cheek', Math.max(0, count - 4), 2.5, 35),
    ];
    expect(spots).toHaveLength(count);
    const outputs = await measure(renderCrop(base({ spots })));
    expect(spotCount(outputs)).toBe(count);
  });

  it('gives a strictly higher redness score for more redness', async () => {
    const scores: number[] = [];
    for (const amount of [0, 3, 6, 10, 15]) {
      const redness = amount
        ? [
            ...blobsIn('left_cheek', 8, 4, amount),
            ...blobsIn('right_cheek', 8, 4, amount),
            ...blobsIn('nose', 2, 4, amount),
          ]
        : [];
      const profile = profileOf(await measure(renderCrop(base({ redness }))));
      scores.push(profile.metrics.find((m) => m.key === 'redness')!.score);
    }
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeGreaterThan(scores[i - 1]!);
    expect(scores.at(-1)! - scores[0]!).toBeGreaterThan(30);
  });

  it('scores the same relative texture and spots alike on light and deep skin', async () => {
    const spots = blobsIn('forehead', 3, 2.5, 35);
    const light = await measure(renderCrop(base({ skin: { L: 74, a: 8, b: 15 }, texture: 3, spots })));
    const deep = await measure(renderCrop(base({ skin: { L: 30, a: 10, b: 14 }, texture: 3, spots })));
    expect(spotCount(deep)).toBe(spotCount(light));
    const score = (o: SkinMetricsOutputs, key: string) =>
      profileOf(o).metrics.find((m) => m.key === key)!.score;
    for (const key of ['texture', 'darkSpots', 'pores'])
      expect(Math.abs(score(deep, key) - score(light, key))).toBeLessThanOrEqual(8);
  });

  it('sees shine as T-zone specular light and reads it as oily when the shopper skipped the question', async () => {
    // An oily T-zone: broad sheen over the forehead and down the nose.
    const shine = [...blobsIn('forehead', 8, 7, 0.3), ...blobsIn('nose', 3, 6, 0.3)];
    const matte = profileOf(await measure(renderCrop(base())));
    const shiny = profileOf(await measure(renderCrop(base({ shine }))));
    const score = (p: SkinProfile) => p.metrics.find((m) => m.key === 'shine')!.score;
    expect(score(shiny)).toBeGreaterThan(score(matte) + 20);
    expect(shiny.type).toBe('combination');
    expect(matte.type).toBe('normal');
  });
});

describe('confidence', () => {
  /** Applies `edit` to every pixel of the forehead rectangle of an sRGB crop. */
  function editForehead(
    crop: Float32Array,
    edit: (v: number, c: number, x: number, y: number) => number,
  ): Float32Array {
    const out = Float32Array.from(crop);
    const b = zoneBox('forehead', N);
    for (let c = 0; c < 3; c++)
      for (let y = b.y0; y < b.y1; y++)
        for (let x = b.x0; x < b.x1; x++)
          out[c * N * N + y * N + x] = edit(crop[c * N * N + y * N + x]!, c, x, y);
    return out;
  }
  const textureConfidence = (o: SkinMetricsOutputs) =>
    profileOf(o).metrics.find((m) => m.key === 'texture')!.confidence;

  it('drops for a dark, a clipped and a blurred forehead, and for a hidden one', async () => {
    const crop = renderCrop(base({ texture: 2 }));
    const good = await measure(crop);
    const q0 = zoneQualities(good).forehead.overall;
    expect(q0).toBeGreaterThan(0.9);

    const dark = await measure(editForehead(crop, (v) => Math.round(v * 0.06 * 255) / 255));
    const clipped = await measure(editForehead(crop, (v, c) => (c === 0 ? 1 : Math.min(1, v * 1.6))));
    const soft = gaussianBlur(crop, 2);
    const blurred = await measure(editForehead(crop, (_v, c, x, y) => soft[c * N * N + y * N + x]!));
    const hidden = await measure(editForehead(crop, (_v, c) => [0.12, 0.09, 0.07][c]!));
    for (const [name, outputs] of Object.entries({ dark, clipped, blurred, hidden })) {
      expect(zoneQualities(outputs).forehead.overall, name).toBeLessThan(0.5 * q0);
      expect(textureConfidence(outputs), name).toBeLessThan(textureConfidence(good));
    }
  });

  it('halves with a half-sharp face from the quality gate', async () => {
    const outputs = await measure(renderCrop(base({ texture: 2 })));
    const sharp = buildSkinProfile(
      outputs,
      {},
      { executionProvider: 'cpu', modelVersion: 't', timingsMs: {} },
    );
    const soft = buildSkinProfile(
      outputs,
      {},
      { executionProvider: 'cpu', modelVersion: 't', timingsMs: {}, faceSharpness: 0.5 },
    );
    sharp.metrics.forEach((m, i) => expect(soft.metrics[i]!.confidence).toBeCloseTo(m.confidence / 2, 10));
  });

  it('produces a profile the contract accepts', async () => {
    const profile = profileOf(await measure(renderCrop(base({ spots: blobsIn('forehead', 2, 2.5, 35) }))));
    expect(SkinProfile.parse(profile)).toEqual(profile);
    expect(profile.metrics).toHaveLength(8);
  });
});

/** Separable Gaussian blur of each channel (defocus), edges clamped. */
function gaussianBlur(crop: Float32Array, sigma: number): Float32Array {
  const r = Math.ceil(3 * sigma);
  const taps = Array.from({ length: 2 * r + 1 }, (_, k) => Math.exp(-((k - r) ** 2) / (2 * sigma * sigma)));
  const total = taps.reduce((s, t) => s + t, 0);
  const pass = (src: Float32Array, dx: number, dy: number) => {
    const out = new Float32Array(src.length);
    for (let c = 0; c < 3; c++)
      for (let y = 0; y < N; y++)
        for (let x = 0; x < N; x++) {
          let s = 0;
          taps.forEach((t, k) => {
            const xx = Math.min(N - 1, Math.max(0, x + (k - r) * dx));
            const yy = Math.min(N - 1, Math.max(0, y + (k - r) * dy));
            s += t * src[c * N * N + yy * N + xx]!;
          });
          out[c * N * N + y * N + x] = s / total;
        }
    return out;
  };
  return pass(pass(crop, 1, 0), 0, 1);
}
