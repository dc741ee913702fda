import { z } from 'zod';

/** The skin measurements the analysis produces, each a 0–100 score (higher = more of it). */
export const MetricKey = z.enum([
  'texture',
  'pores',
  'darkSpots',
  'redness',
  'wrinkles',
  'shine',
  'unevenness',
  'darkCircles',
]);
export type MetricKey = z.infer<typeof MetricKey>;

export const MetricScore = z.object({
  key: MetricKey,
  /** 0–100, see docs/skin-metrics.md for each formula. */
  score: z.number().min(0).max(100),
  /** 0–1; drops when the zone is occluded, too dark, clipped or blurred. */
  confidence: z.number().min(0).max(1),
});
export type MetricScore = z.infer<typeof MetricScore>;

/**
 * A measurement the scan could not make reliably: its confidence was below the documented floor
 * (docs/skin-metrics.md, "Confidence floor"), e.g. the zones it needs were hidden, unlike the rest
 * of the face, clipped or blurred. It has no score, and nothing (concerns, skin type, sensitivity,
 * the routine) is derived from it.
 */
export const UnmeasuredMetric = z.object({
  key: MetricKey,
  /** The confidence that fell short, 0–1 (0 when no zone could be used at all). */
  confidence: z.number().min(0).max(1),
});
export type UnmeasuredMetric = z.infer<typeof UnmeasuredMetric>;

/**
 * Concerns shared by the analysis, the questionnaire and the catalog's product attributes.
 * Products declare which concerns they target; the recommender matches them.
 */
export const Concern = z.enum([
  'texture',
  'pores',
  'dark_spots',
  'redness',
  'wrinkles',
  'oiliness',
  'uneven_tone',
  'dark_circles',
  'dryness',
  'acne',
  'dullness',
]);
export type Concern = z.infer<typeof Concern>;

export const Lab = z.object({ L: z.number(), a: z.number(), b: z.number() });
export type Lab = z.infer<typeof Lab>;

/** Chardon's six ITA° classes. */
export const ItaClass = z.enum(['very_light', 'light', 'intermediate', 'tan', 'brown', 'dark']);
export type ItaClass = z.infer<typeof ItaClass>;

export const Undertone = z.enum(['cool', 'neutral', 'warm']);
export type Undertone = z.infer<typeof Undertone>;

/** A measured undertone, or `cannot_tell` when the colour lies outside the skin locus (grey, blue, green). */
export const SkinUndertone = z.enum([...Undertone.options, 'cannot_tell']);
export type SkinUndertone = z.infer<typeof SkinUndertone>;

/**
 * How the skin colour was measured: `calibrated` against a colour chart (stored for this camera, or
 * found in the same photo), or `approximate` from an illuminant estimated without one.
 */
export const ColourMode = z.enum(['calibrated', 'approximate']);
export type ColourMode = z.infer<typeof ColourMode>;

/**
 * Why ITA° and the Monk level were withheld: `no_yellow` when b* is at or below the noise floor
 * (ITA's domain is b* > 0 and skin always has some yellow), so the light or the camera's colour is
 * wrong rather than the skin.
 */
export const ToneWithheld = z.enum(['no_yellow']);
export type ToneWithheld = z.infer<typeof ToneWithheld>;

export const SkinTone = z.object({
  /** Individual Typology Angle atan((L* − 50)/b*) in degrees, −90…90; null when withheld. */
  ita: z.number().min(-90).max(90).nullable(),
  itaClass: ItaClass.nullable(),
  /** Monk Skin Tone 1 (lightest) to 10 (deepest) from ITA° (docs/colour.md); null when withheld. */
  monk: z.number().int().min(1).max(10).nullable(),
  /** Why `ita`, `itaClass` and `monk` are null; null when they are given. */
  withheld: ToneWithheld.nullable(),
  undertone: SkinUndertone,
  /** Measured skin colour (D65 CIELAB) for shade matching. */
  lab: Lab,
  /** sRGB hex of the measured colour, for the swatch. */
  hex: z.string().regex(/^#[0-9a-f]{6}$/i),
  colourMode: ColourMode,
  confidence: z.number().min(0).max(1),
});
export type SkinTone = z.infer<typeof SkinTone>;

export const SkinType = z.enum(['oily', 'combination', 'normal', 'dry']);
export type SkinType = z.infer<typeof SkinType>;

/** Where a profile came from: a camera scan fused with answers, or the answers alone. */
const ProfileSource = z.enum(['scan', 'questionnaire']);

const AnalysisMeta = z.object({
  /** Execution provider that ran the networks, e.g. `cpu` or `webgpu`. */
  executionProvider: z.string().max(32),
  /** `<model>:<sha256 prefix>` per network, space-separated. */
  modelVersion: z.string().max(256),
  /** Milliseconds per pipeline stage (decode, detect, landmarks, metrics, …). */
  timingsMs: z
    .record(z.string().max(32), z.number())
    .refine((timings) => Object.keys(timings).length <= 32, { message: 'at most 32 stages' }),
});

export const SkinProfile = z.object({
  source: ProfileSource,
  type: SkinType,
  sensitive: z.boolean(),
  /** Null when there was no scan (questionnaire-only) or the tone could not be measured reliably. */
  tone: SkinTone.nullable(),
  /** The measurements made with at least the floor's confidence; only these are scored and used. */
  metrics: z.array(MetricScore).max(MetricKey.options.length),
  /** Scan profiles: every other measurement, shown as "not measured". Absent on questionnaire profiles. */
  notMeasured: z.array(UnmeasuredMetric).max(MetricKey.options.length).optional(),
  /** Concerns ranked by importance for this shopper (strongest first), from metrics and answers. */
  concerns: z
    .array(z.object({ concern: Concern, weight: z.number().min(0).max(1) }))
    .max(Concern.options.length),
  meta: AnalysisMeta.nullable(),
});
export type SkinProfile = z.infer<typeof SkinProfile>;
