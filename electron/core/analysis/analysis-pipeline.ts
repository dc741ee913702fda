import type { AnalysisProgress, AnalysisResult, AnalysisStage } from '../../shared/schemas/analysis-schemas';
import type { QuestionnaireAnswers } from '../../shared/schemas/questionnaire-schemas';
import type { SkinProfile } from '../../shared/schemas/skin-profile-schemas';
import { KioskError } from '../../shared/result';
import { findChartCalibration } from '../color/chart-calibration';
import { grayWorldGains } from '../color/white-balance';
import type { Mat3 } from '../color/matrix3';
import { beginColourEstimate, calibratedCorrection } from './colour-correction';
import {
  decodeZoneStats,
  SKIN_METRICS_SHAPES,
  type SkinAnalysisContext,
  type SkinMetricsOutputs,
  type SkinZone,
} from '../skin/skin-metrics-io';
import { assertRgbaImage, type RgbaImage } from '../vision/image-types';
import type { FaceFinder } from './face-finder';
import type { FaceModelsIo } from './face-models-io';
import { measureFace } from './face-measures';
import type { ModelRunner } from './model-runner-port';
import { faceOutline, MIN_FACE_FLAG } from './preview-guidance';
import { prepareSkinInputs } from './skin-inputs';
import { zoneMetricScores } from '../skin/zone-scores';
import { zoneQualities } from '../skin/zone-quality';
import { CAPTURE_LIMITS, captureGateError } from './capture-gate';
import { estimateHeadPose } from '../vision/head-pose';
import { assessQuality, DEFAULT_QUALITY_THRESHOLDS } from '../vision/quality-gate';

/** Turns the network's per-zone statistics into a profile (the skin domain's `buildSkinProfile`). */
export type ProfileBuilder = (
  outputs: SkinMetricsOutputs,
  answers: QuestionnaireAnswers,
  context: SkinAnalysisContext,
) => SkinProfile;

/**
 * Sampling stride for the gray-world mean: about 160 samples across the shorter side whatever the
 * camera's resolution; a mean needs no more, and a 4K frame would otherwise cost tens of ms.
 */
function grayWorldStride(image: RgbaImage): number {
  return Math.max(2, Math.round(Math.min(image.width, image.height) / 160));
}

/** Smallest face the metrics are trusted on: detector box width in pixels and as a share of the shorter side. */
const MIN_FACE_WIDTH_PX = 96;
const MIN_FACE_FRACTION = 0.1;

export interface AnalysisPipelineDeps {
  readonly runner: ModelRunner;
  readonly finder: FaceFinder;
  readonly io: FaceModelsIo;
  readonly buildProfile: ProfileBuilder;
  /**
   * The stored chart calibration of the camera in use (camera linear RGB → linear sRGB), or null:
   * the colour is then estimated without a chart and reported as approximate.
   */
  readonly calibration: () => Mat3 | null;
  /** Milliseconds, monotonic (performance.now in the app). */
  readonly now: () => number;
}

export interface AnalyzeOptions {
  /**
   * Calibrate from a colour chart held in the same frame (photos taken for a check, the tone
   * benchmark). CHART_NOT_FOUND when there is none; the stored calibration is not used.
   */
  readonly chartInFrame?: boolean;
}

/**
 * One captured frame → skin profile: detect → landmarks → zones → metrics → profile. Each stage is
 * reported as it starts and ends, and timed. Failures a shopper can fix are typed errors: a frame
 * that fails the capture gate (size, pose, light, focus) never becomes a profile.
 */
export class AnalysisPipeline {
  constructor(private readonly deps: AnalysisPipelineDeps) {}

  async analyze(
    image: RgbaImage,
    answers: QuestionnaireAnswers,
    onProgress: (p: AnalysisProgress) => void = () => {},
    priorTimingsMs: Readonly<Record<string, number>> = {},
    options: AnalyzeOptions = {},
  ): Promise<AnalysisResult> {
    assertRgbaImage(image);
    const chart = options.chartInFrame ? findChartCalibration(image.data, image.width, image.height) : null;
    if (options.chartInFrame && !chart) {
      throw new KioskError(
        'CHART_NOT_FOUND',
        'No colour chart was found in the photo: show the whole 24-patch chart.',
      );
    }
    const { runner, finder, io, now } = this.deps;
    const timings: Record<string, number> = { ...priorTimingsMs };
    const started = now();
    const stage = async <T>(name: AnalysisStage, work: () => Promise<T> | T): Promise<T> => {
      onProgress({ stage: name, done: false });
      const t0 = now();
      const value = await work();
      timings[name] = now() - t0;
      onProgress({ stage: name, done: true });
      return value;
    };

    const detection = await stage('detect', async () => {
      const faces = await finder.detect(image);
      const face = faces[0];
      if (!face) throw new KioskError('NO_FACE', 'No face was found. Look straight into the camera.');
      if (faces.length > 1)
        throw new KioskError('MULTIPLE_FACES', 'One person at a time, please.', { faces: faces.length });
      const width = face.xmax - face.xmin;
      if (width < MIN_FACE_WIDTH_PX || width < MIN_FACE_FRACTION * Math.min(image.width, image.height)) {
        throw new KioskError('QUALITY_SIZE', 'The face is too small to measure. Move closer to the camera.', {
          hint: 'move_closer',
          faceWidthPx: Math.round(width),
        });
      }
      return face;
    });
    const calibration = chart?.matrix ?? this.deps.calibration();
    // Without a calibration the background's colour is a cue for the light; it needs only the face
    // box, so it is measured while FaceMesh runs.
    const { face, balance } = await stage('landmarks', async () => {
      const pending = finder.landmarks(image, detection);
      // Observed here so a failure during the overlapped work cannot leave it unhandled.
      pending.catch(() => undefined);
      const box = {
        x: detection.xmin,
        y: detection.ymin,
        width: detection.xmax - detection.xmin,
        height: detection.ymax - detection.ymin,
      };
      const gains = calibration
        ? null
        : grayWorldGains(image.data, image.width, image.height, box, { stride: grayWorldStride(image) });
      const found = await pending;
      if (found.faceScore < MIN_FACE_FLAG)
        throw new KioskError('NO_FACE', 'The face is not clearly visible. Look straight into the camera.');
      return { face: found, balance: gains };
    });
    // Without a chart calibration the light is estimated: the iris network runs while the crop is cut.
    const estimate = balance ? beginColourEstimate(runner, io, image, face.points, balance) : null;
    const inputs = await stage('zones', () => prepareSkinInputs(image, face.points));
    // Lighting, focus and pose are judged on the landmark crop while the skin network runs; a frame
    // that fails the capture gate gets a typed error and no profile.
    const { outputs, correction, sharpness } = await stage('metrics', async () => {
      const skinIo = io.skin;
      if (!skinIo) throw new KioskError('MODEL_UNAVAILABLE', 'the skin-metrics network is not installed');
      const correction = estimate ? await estimate.finish(inputs) : calibratedCorrection(calibration!);
      const color = new Float32Array(correction.matrix);
      const pending = runner.run(
        'skin-metrics',
        {
          [skinIo.crop]: { data: inputs.crop, dims: SKIN_METRICS_SHAPES.crop },
          [skinIo.masks]: { data: inputs.masks, dims: SKIN_METRICS_SHAPES.masks },
          [skinIo.color]: { data: color, dims: SKIN_METRICS_SHAPES.color },
        },
        { consumeInputs: true },
      );
      pending.catch(() => undefined);
      const measures = measureFace(face, io.landmarks.input);
      const gate = assessQuality(
        image,
        1,
        {
          box: faceOutline(face.points),
          score: face.faceScore,
          pose: estimateHeadPose(face.points),
          measures,
        },
        CAPTURE_LIMITS,
      );
      const refused = captureGateError(gate);
      if (refused) throw refused;
      const out = await pending;
      const stats = out[skinIo.zoneStats];
      if (!stats) throw new KioskError('MODEL_UNAVAILABLE', `skin-metrics returned no "${skinIo.zoneStats}"`);
      return {
        outputs: decodeZoneStats(stats.data),
        correction,
        sharpness: measures.sharpness,
      };
    });
    const { profile, zoneScores } = await stage('profile', () => ({
      zoneScores: zoneMetricScores(outputs, zoneQualities(outputs)),
      profile: this.deps.buildProfile(
        outputs,
        { ...answers },
        {
          executionProvider: runner.info().executionProvider,
          modelVersion: io.modelVersion,
          timingsMs: { ...timings },
          colorConfidence: correction.confidence,
          colourMode: correction.mode,
          // Twice the gate's limit reads as fully sharp; at the limit, confidences halve.
          faceSharpness: Math.min(1, sharpness / (2 * DEFAULT_QUALITY_THRESHOLDS.minSharpness)),
        },
      ),
    }));
    timings.total = now() - started;
    const meta = profile.meta
      ? { ...profile.meta, timingsMs: { ...profile.meta.timingsMs, ...timings } }
      : null;
    return {
      profile: { ...profile, meta },
      zones: inputs.overlays.map((o) => ({ ...o, scores: zoneScores[o.zone as SkinZone] })),
      faceBox: {
        x: detection.xmin / image.width,
        y: detection.ymin / image.height,
        width: (detection.xmax - detection.xmin) / image.width,
        height: (detection.ymax - detection.ymin) / image.height,
      },
    };
  }
}
