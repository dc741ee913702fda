import { z } from 'zod';
import { MetricKey, SkinProfile } from './skin-profile-schemas';
import { QuestionnaireAnswers } from './questionnaire-schemas';
import { CalibrationStatus } from './colour-schemas';

/** Largest frame accepted over the bridge (4K). Larger images are refused before any work. */
const MAX_FRAME_PIXELS = 3840 * 2160;

/**
 * One camera frame, RGBA 8-bit, row-major. Frames live in memory only: they are never written to
 * disk, logged or sent off the machine.
 */
export const Frame = z
  .object({
    width: z.number().int().min(1).max(3840),
    height: z.number().int().min(1).max(3840),
    data: z.instanceof(Uint8Array),
  })
  .refine((f) => f.width * f.height <= MAX_FRAME_PIXELS, { message: 'frame too large' })
  .refine((f) => f.data.byteLength === f.width * f.height * 4, {
    message: 'data length must be width*height*4',
  });
export type Frame = z.infer<typeof Frame>;

/** Live guidance hints, in the order the shopper should fix them. */
export const QualityHint = z.enum([
  'no_face',
  'one_person',
  'move_closer',
  'move_back',
  'center_face',
  'look_straight',
  'level_head',
  'more_light',
  'less_light',
  'even_light',
  'hold_still',
]);
export type QualityHint = z.infer<typeof QualityHint>;

export const QualityReport = z.object({
  faceCount: z.number().int().nonnegative(),
  /** Face box in normalised [0,1] coordinates, for the oval guide. */
  faceBox: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }).nullable(),
  hints: z.array(QualityHint),
  /** True when every check passes; the renderer auto-captures after about 1 s of `ready`. */
  ready: z.boolean(),
  measures: z.record(z.string(), z.number()),
});
export type QualityReport = z.infer<typeof QualityReport>;

export const AnalysisStage = z.enum(['detect', 'landmarks', 'zones', 'metrics', 'profile']);
export type AnalysisStage = z.infer<typeof AnalysisStage>;

export const AnalysisProgress = z.object({ stage: AnalysisStage, done: z.boolean() });
export type AnalysisProgress = z.infer<typeof AnalysisProgress>;

export const AnalyzeRequest = z.object({ frame: Frame, answers: QuestionnaireAnswers });

const Point = z.tuple([z.number(), z.number()]);
/**
 * Zone outlines in normalised image coordinates, drawn over the shopper's own photo, with each
 * metric's 0–100 score measured on that zone alone (the overlay's intensity per concern).
 */
export const ZoneOverlay = z.object({
  zone: z.string(),
  polygon: z.array(Point),
  scores: z.partialRecord(MetricKey, z.number().min(0).max(100)).optional(),
});

export const AnalysisResult = z.object({
  profile: SkinProfile,
  zones: z.array(ZoneOverlay),
  faceBox: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }),
});
export type AnalysisResult = z.infer<typeof AnalysisResult>;

export const InferenceStatus = z.object({
  executionProvider: z.string(),
  /** Providers tried in preference order, with why each was skipped. */
  tried: z.array(z.object({ provider: z.string(), ok: z.boolean(), reason: z.string().nullable() })),
  warm: z.boolean(),
  modelVersion: z.string(),
  /** True when the camera in use has a chart calibration (ok or stale). */
  calibrated: z.boolean(),
  /**
   * The inference worker: `loading` at start, `running`, `restarting` after it died (analyses in
   * flight got ANALYSIS_INTERRUPTED), `down` while restarts keep failing (retried with growing
   * delays), `stopped` at shutdown.
   */
  worker: z.enum(['loading', 'running', 'restarting', 'down', 'stopped']),
  /** Workers started to replace one that died, since the kiosk started. */
  restarts: z.number().int().nonnegative(),
  calibration: CalibrationStatus,
});
export type InferenceStatus = z.infer<typeof InferenceStatus>;
