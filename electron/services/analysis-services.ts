import type { KioskConfig } from '../core/config/kiosk-config-schema';
import type { ChartCalibrationOptions } from '../core/color/chart-calibration';
import type { Mat3 } from '../core/color/matrix3';
import { silentLogger, type Logger } from '../core/ports/logger-port';
import {
  AnalysisPipeline,
  type AnalyzeOptions,
  type ProfileBuilder,
} from '../core/analysis/analysis-pipeline';
import { FaceFinder } from '../core/analysis/face-finder';
import type { FaceModelsIo } from '../core/analysis/face-models-io';
import { PreviewGuidance } from '../core/analysis/preview-guidance';
import type { RgbaImage } from '../core/vision/image-types';
import { buildSkinProfile } from '../core/skin/skin-profile-builder';
import { profileFromAnswers } from '../core/skin/questionnaire-profile';
import { KioskError } from '../shared/result';
import type { AnalysisResult, InferenceStatus, QualityReport } from '../shared/schemas/analysis-schemas';
import type { QuestionnaireAnswers } from '../shared/schemas/questionnaire-schemas';
import type { SkinProfile } from '../shared/schemas/skin-profile-schemas';
import type {
  CalibrationReport,
  CameraColourSettings,
  CameraDescription,
} from '../shared/schemas/colour-schemas';
import { decodeImage } from '../adapters/inference/image-decoder-adapter';
import { loadModelSet } from '../adapters/inference/model-files';
import { SupervisedModelRunner } from '../adapters/inference/supervised-model-runner';
import type { WorkerEntry } from '../adapters/inference/worker-model-runner';
import type { RestartBackoff } from '../core/analysis/restart-backoff';
import { CalibrationService } from './calibration-service';
import type { EventSink } from './handler-types';
import type { KioskPaths } from './kiosk-paths';

export interface AnalysisServices {
  /** Resolves once every network has loaded and run once; rejects with MODEL_UNAVAILABLE. */
  ready(): Promise<void>;
  /** Live guidance for a preview frame; also pushed as `camera:quality`. */
  preview(frame: RgbaImage, sink?: EventSink): Promise<QualityReport>;
  /** Full analysis of a captured frame; stages are pushed as `analysis:progress`. */
  analyze(
    frame: RgbaImage,
    answers: QuestionnaireAnswers,
    sink?: EventSink,
    priorTimingsMs?: Record<string, number>,
    options?: AnalyzeOptions,
  ): Promise<AnalysisResult>;
  /** Decodes a JPEG/PNG/WebP held in memory and analyses it (CLI); decode time is in the timings. */
  analyzeEncoded(
    bytes: Uint8Array,
    answers?: QuestionnaireAnswers,
    options?: AnalyzeOptions,
  ): Promise<AnalysisResult>;
  /** Forgets the face tracked for guidance; call when a shopper session ends. */
  sessionEnded(): void;
  /** A profile from the questionnaire alone. */
  fromAnswers(answers: QuestionnaireAnswers): SkinProfile;
  status(): InferenceStatus;
  /**
   * The renderer opened `label` (null: no camera): later analyses use that camera's calibration.
   * Returns the settings locked when it was calibrated, for the renderer to restore.
   */
  useCamera(label: string | null): CameraColourSettings | null;
  /**
   * Solves the chart calibration from a frame of the 24-patch chart and stores it for `camera`
   * (null: the default calibration, for any camera without its own).
   */
  calibrate(
    frame: RgbaImage,
    camera: CameraDescription | null,
    options?: ChartCalibrationOptions,
  ): Promise<CalibrationReport>;
  dispose(): Promise<void>;
}

export interface AnalysisServiceOptions {
  logger?: Logger;
  /** Where the inference worker's code is (tests, tools); resolved beside the adapter otherwise. */
  workerEntry?: WorkerEntry;
  /**
   * ORT intra-op threads in the worker; every core unless given (0). The pool's threads sleep
   * when idle, so on a two-core kiosk every core is about 5 ms faster per analysis when the machine
   * is idle and level with one thread when another process takes a core (docs/analysis.md, "Threads").
   */
  intraOpNumThreads?: number;
  /** Replaces the skin domain's profile builder (tests of the pipeline's plumbing). */
  buildProfile?: ProfileBuilder;
  /** Waits before restarting a crashed inference worker (default: 250 ms doubling to 30 s). */
  restartBackoff?: RestartBackoff;
}

/**
 * On-device analysis for one kiosk. Loading starts at once: the networks load in a worker thread on
 * the first execution provider in `config.analysis.executionProviders` that works here, and are
 * warmed up before the first shopper arrives. Frames are analysed in memory and never kept.
 */
export function createAnalysisServices(
  config: KioskConfig,
  paths: KioskPaths,
  events: EventSink,
  options: AnalysisServiceOptions = {},
): AnalysisServices {
  const logger = options.logger ?? silentLogger;
  const calibrations = new CalibrationService({
    dataDir: paths.dataDir,
    kioskId: config.kioskId,
    maxAgeDays: config.analysis.calibrationMaxAgeDays,
    logger,
  });
  let camera: string | null = null;
  const now = () => performance.now();
  let runner: SupervisedModelRunner | null = null;
  let io: FaceModelsIo | null = null;
  let disposed = false;

  /** Everything that needs the loaded networks, built once. */
  interface Loaded {
    readonly pipeline: AnalysisPipeline;
    readonly guidance: PreviewGuidance;
  }

  const loading = (async (): Promise<Loaded> => {
    const set = await loadModelSet(paths.modelDir);
    const started = await SupervisedModelRunner.start({
      models: set.models,
      preference: config.analysis.executionProviders,
      intraOpNumThreads: options.intraOpNumThreads ?? 0,
      entry: options.workerEntry,
      backoff: options.restartBackoff,
      onEvent: ({ type, detail }) =>
        type === 'restarted'
          ? logger.info('analysis.worker_restarted', { detail })
          : logger.error(`analysis.worker_${type}`, { detail }),
    });
    if (disposed) {
      await started.dispose();
      throw new KioskError('MODEL_UNAVAILABLE', 'the analysis service has been shut down');
    }
    runner = started;
    io = set.io;
    const info = started.info();
    logger.info('analysis.ready', {
      executionProvider: info.executionProvider,
      skipped: info.tried
        .filter((t) => !t.ok)
        .map((t) => `${t.provider}: ${t.reason}`)
        .join('; '),
      models: set.io.modelVersion,
    });
    const finder = new FaceFinder(started, set.io);
    return {
      pipeline: new AnalysisPipeline({
        runner: started,
        finder,
        io: set.io,
        buildProfile: options.buildProfile ?? buildSkinProfile,
        calibration: (): Mat3 | null => calibrations.forCamera(camera)?.matrix ?? null,
        now,
      }),
      guidance: new PreviewGuidance(finder, set.io, { now }),
    };
  })();
  loading.catch((error: unknown) =>
    logger.error('analysis.unavailable', { reason: error instanceof Error ? error.message : String(error) }),
  );

  const loaded = async (): Promise<Loaded> => {
    const value = await loading;
    if (disposed) throw new KioskError('MODEL_UNAVAILABLE', 'the analysis service has been shut down');
    return value;
  };

  const services: AnalysisServices = {
    ready: async () => {
      await loaded();
    },
    async preview(frame, sink = events) {
      const report = await (await loaded()).guidance.assess(frame);
      sink.emit('camera:quality', report);
      return report;
    },
    async analyze(frame, answers, sink = events, priorTimingsMs = {}, options = {}) {
      const { pipeline } = await loaded();
      return pipeline.analyze(
        frame,
        answers,
        (p) => sink.emit('analysis:progress', p),
        priorTimingsMs,
        options,
      );
    },
    async analyzeEncoded(bytes, answers = {}, options = {}) {
      const t0 = now();
      const image = await decodeImage(bytes);
      return services.analyze(image, answers, { emit: () => {} }, { decode: now() - t0 }, options);
    },
    sessionEnded() {
      loading.then((l) => l.guidance.reset()).catch(() => undefined);
    },
    fromAnswers: (answers) => profileFromAnswers(answers),
    status() {
      const info = runner?.info() ?? { executionProvider: 'none', tried: [], warm: false };
      const supervision = runner?.supervision();
      const calibration = calibrations.status(camera);
      return {
        executionProvider: info.executionProvider,
        tried: info.tried.map((t) => ({ provider: t.provider, ok: t.ok, reason: t.reason })),
        warm: info.warm,
        modelVersion: io?.modelVersion ?? 'not loaded',
        calibrated: calibration.state !== 'missing',
        calibration,
        worker: supervision?.state ?? (disposed ? 'stopped' : 'loading'),
        restarts: supervision?.restarts ?? 0,
      };
    },
    useCamera(label) {
      if (label !== camera) logger.info('analysis.camera', { camera: label });
      camera = label;
      return label === null ? null : (calibrations.forCamera(label)?.settings ?? null);
    },
    calibrate: (frame, described, options = {}) =>
      calibrations.calibrate(frame, described, { guide: !options.corners, ...options }),
    async dispose() {
      disposed = true;
      await loading.catch(() => undefined);
      const r = runner;
      runner = null;
      await r?.dispose();
    },
  };
  return services;
}
