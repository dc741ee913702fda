import type { QuestionnaireAnswers } from '../../shared/schemas/questionnaire-schemas';
import type { ColourMode, Lab, SkinProfile, SkinTone } from '../../shared/schemas/skin-profile-schemas';
import { rankConcerns } from './concern-ranking';
import { applyConfidenceFloor, scoreMetrics } from './metric-scoring';
import type { SkinAnalysisContext, SkinMetricsOutputs, SkinZone } from './skin-metrics-io';
import { describeTone } from './skin-tone';
import { fuseSkinType, imageTypeEvidence, isSensitive } from './skin-type';
import { pooledConfidence, zoneQualities, type ZoneQualities } from './zone-quality';

/**
 * The network's per-zone statistics + the shopper's answers → a SkinProfile. Pure: the same inputs
 * always give the same profile. It is a measurement of what the camera saw, not a diagnosis.
 */

/** Zones the skin colour is read from: cheeks and forehead (the nose shines, the chin may be shaded). */
const TONE_ZONES: readonly SkinZone[] = ['left_cheek', 'right_cheek', 'forehead'];

/** Below this the tone is reported as unknown (null) rather than guessed. */
export const MIN_TONE_CONFIDENCE = 0.15;

/**
 * Without a chart the hue of the face comes largely from the skin-locus prior of the light estimate
 * unless the eyes or the background agreed clearly; an undertone read from a prior would be the
 * prior's, so below this colour confidence an approximate tone's undertone is `cannot_tell`.
 */
const MIN_UNDERTONE_COLOUR_CONFIDENCE = 0.6;

/**
 * Diffuse skin colour: Σ(w·Lab) / Σ(w) over the tone zones, each zone weighted by area × quality,
 * where w excludes specular and occluded pixels. Confidence = the zones' pooled quality ×
 * (0.4 + 0.6 × colour confidence), then lowered for very low chroma (see describeTone).
 */
export function measureTone(
  outputs: SkinMetricsOutputs,
  qualities: ZoneQualities,
  colorConfidence: number,
  colourMode: ColourMode,
): SkinTone | null {
  let L = 0;
  let a = 0;
  let b = 0;
  let weight = 0;
  for (const zone of TONE_ZONES) {
    const s = outputs[zone];
    const w = s.areaPx * qualities[zone].tone;
    if (!(w > 0) || !(s.toneWeight > 0)) continue;
    L += w * s.toneL;
    a += w * s.toneA;
    b += w * s.toneB;
    weight += w * s.toneWeight;
  }
  if (!(weight > 0)) return null;
  const lab: Lab = { L: L / weight, a: a / weight, b: b / weight };
  const clampedColor = Math.min(1, Math.max(0, colorConfidence));
  const tone = describeTone(
    lab,
    pooledConfidence(qualities, TONE_ZONES, 'tone') * (0.4 + 0.6 * clampedColor),
    colourMode,
  );
  if (tone.confidence < MIN_TONE_CONFIDENCE) return null;
  return colourMode === 'approximate' && clampedColor < MIN_UNDERTONE_COLOUR_CONFIDENCE
    ? { ...tone, undertone: 'cannot_tell' }
    : tone;
}

/** Builds the scan profile the analysis returns. */
export function buildSkinProfile(
  outputs: SkinMetricsOutputs,
  answers: QuestionnaireAnswers,
  context: SkinAnalysisContext,
): SkinProfile {
  const qualities = zoneQualities(outputs);
  // Below the confidence floor a score is noise: only the measured ones feed type, concerns, routine.
  const { measured: metrics, notMeasured } = applyConfidenceFloor(
    scoreMetrics(outputs, qualities, context.faceSharpness ?? 1),
  );
  const type = fuseSkinType(answers, imageTypeEvidence(outputs, qualities, metrics));
  const redness = metrics.find((m) => m.key === 'redness') ?? null;
  return {
    source: 'scan',
    type,
    sensitive: isSensitive(answers, redness, true),
    tone: measureTone(outputs, qualities, context.colorConfidence ?? 1, context.colourMode ?? 'approximate'),
    metrics,
    notMeasured,
    concerns: rankConcerns(metrics, type, answers),
    meta: {
      executionProvider: context.executionProvider,
      modelVersion: context.modelVersion,
      timingsMs: { ...context.timingsMs },
    },
  };
}
