import path from 'node:path';
import sharp from 'sharp';
import { loadModelSet } from '../../electron/adapters/inference/model-files';
import { OrtSessionSet } from '../../electron/adapters/inference/ort-session-set';
import { FaceFinder } from '../../electron/core/analysis/face-finder';
import { prepareSkinInputs } from '../../electron/core/analysis/skin-inputs';
import { decodeZoneStats, SKIN_METRICS_SHAPES, SKIN_ZONES } from '../../electron/core/skin/skin-metrics-io';
import { buildSkinProfile } from '../../electron/core/skin/skin-profile-builder';
import { MONK_SCALE_HEX } from '../../electron/shared/monk-scale';
import type { MetricKey } from '../../electron/shared/schemas/skin-profile-schemas';
import {
  lockedExposure,
  monkAlbedo,
  prepareSkin,
  renderLesionCrop,
  type Lesion,
  type LesionKind,
  type PreparedSkin,
} from './synthetic-lesions';

/** The metric each kind of lesion should move. */
export const LESION_METRIC: Readonly<Record<LesionKind, MetricKey>> = {
  spots: 'darkSpots',
  erythema: 'redness',
  lines: 'wrinkles',
};

/** A face's skin ready for lesions, and the camera exposure locked for it. */
export interface TruthSkin {
  readonly skin: PreparedSkin;
  readonly exposure: number;
}

export interface LesionReading {
  /** The metric's 0–100 score, or null when the profile reports it as not measured. */
  readonly score: number | null;
  readonly confidence: number;
  /** Dark-spot centres the network counted over all zones. */
  readonly spotCount: number;
}

/**
 * The product's own path from a face photo to a skin crop (detector, landmarks, eye-levelled crop
 * and zone masks) and from a crop to a profile (the skin network, then `buildSkinProfile`), run
 * in-process on the CPU. The crop between the two is where the synthetic lesions are drawn.
 */
export class LesionTruthBench {
  private constructor(
    private readonly runner: OrtSessionSet,
    private readonly finder: FaceFinder,
    private readonly skin: NonNullable<Awaited<ReturnType<typeof loadModelSet>>['io']['skin']>,
  ) {}

  static async open(modelDir: string): Promise<LesionTruthBench> {
    const set = await loadModelSet(modelDir);
    if (!set.io.skin) throw new Error('the skin-metrics network is not in the model manifest');
    const runner = await OrtSessionSet.open({
      models: set.models,
      preference: ['cpu'],
      intraOpNumThreads: 1,
    });
    return new LesionTruthBench(runner, new FaceFinder(runner, set.io), set.io.skin);
  }

  /** The skin crop and zone masks of the one face in `photo`, with the exposure locked for Monk 1. */
  async skinCrop(photo: string): Promise<TruthSkin> {
    const { data, info } = await sharp(photo)
      .rotate()
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const image = { width: info.width, height: info.height, data: new Uint8Array(data) };
    const [face] = await this.finder.detect(image);
    if (!face) throw new Error(`no face in ${path.basename(photo)}`);
    const mesh = await this.finder.landmarks(image, face);
    const { crop, masks } = prepareSkinInputs(image, mesh.points);
    const skin = prepareSkin({ crop, masks });
    return { skin, exposure: lockedExposure(skin, monkAlbedo(MONK_SCALE_HEX[0]!)) };
  }

  /** The skin re-toned to Monk tone `tone` (1–10) with `lesion` drawn, measured as a shopper would be. */
  async read(truth: TruthSkin, tone: number, lesion: Lesion): Promise<LesionReading> {
    const hex = MONK_SCALE_HEX[tone - 1];
    if (!hex) throw new RangeError(`Monk tone ${tone} does not exist`);
    const source = truth.skin.source;
    const crop = renderLesionCrop(truth.skin, monkAlbedo(hex), lesion, truth.exposure);
    const out = await this.runner.run('skin-metrics', {
      [this.skin.crop]: { data: crop, dims: SKIN_METRICS_SHAPES.crop },
      [this.skin.masks]: { data: source.masks, dims: SKIN_METRICS_SHAPES.masks },
      // The truth is rendered in sRGB under D65: no white balance, so only the metrics are tested.
      [this.skin.color]: {
        data: new Float32Array([1, 0, 0, 0, 1, 0, 0, 0, 1]),
        dims: SKIN_METRICS_SHAPES.color,
      },
    });
    const stats = decodeZoneStats(out[this.skin.zoneStats]!.data);
    const profile = buildSkinProfile(
      stats,
      {},
      { executionProvider: 'cpu', modelVersion: 'truth', timingsMs: {} },
    );
    const key = LESION_METRIC[lesion.kind];
    const metric = profile.metrics.find((m) => m.key === key);
    const unmeasured = profile.notMeasured?.find((m) => m.key === key);
    return {
      score: metric?.score ?? null,
      confidence: metric?.confidence ?? unmeasured?.confidence ?? 0,
      spotCount: SKIN_ZONES.reduce((n, z) => n + Math.round(stats[z].spotCenters * stats[z].areaPx), 0),
    };
  }

  async dispose(): Promise<void> {
    await this.runner.dispose();
  }
}
