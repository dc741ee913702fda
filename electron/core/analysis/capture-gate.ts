import { KioskError, type ErrorCode } from '../../shared/result';
import type { QualityHint, QualityReport } from '../../shared/schemas/analysis-schemas';
import { DEFAULT_QUALITY_THRESHOLDS, type QualityThresholds } from '../vision/quality-gate';

/**
 * The limits a captured frame must meet before it is measured. The live guidance asks for more
 * (DEFAULT_QUALITY_THRESHOLDS) and the kiosk only captures once every guidance check passes; these
 * wider limits refuse what would give a wrong profile, with a margin for the shopper moving between
 * the last preview frame and the still, and for photos analysed from the CLI. Framing (centre,
 * share of the frame) is not judged here: the skin crop follows the face wherever it is, and a face
 * too small to measure is refused by the detector's pixel rule (QUALITY_SIZE). docs/analysis.md
 * gives the figures each limit was set from.
 */
export const CAPTURE_LIMITS: QualityThresholds = {
  ...DEFAULT_QUALITY_THRESHOLDS,
  minFaceFraction: 0,
  maxFaceFraction: Number.POSITIVE_INFINITY,
  maxCenterOffsetX: Number.POSITIVE_INFINITY,
  maxCenterOffsetY: Number.POSITIVE_INFINITY,
  maxYaw: 30,
  maxPitch: 30,
  maxRoll: 30,
  minBrightness: 20,
  maxBrightness: 225,
  maxHighlightClip: 0.35,
  maxShadowClip: 0.25,
  maxUnevenness: 0.5,
  minSharpness: 12,
};

interface Refusal {
  readonly code: ErrorCode;
  readonly message: string;
  /** The measures that explain the refusal, copied into the error's details. */
  readonly measures: readonly string[];
}

/** What each failing guidance check means for a captured frame: the code and what to do about it. */
const REFUSALS: Readonly<Partial<Record<QualityHint, Refusal>>> = {
  look_straight: {
    code: 'QUALITY_POSE',
    message: 'The head is turned too far to measure both cheeks. Look straight at the camera and try again.',
    measures: ['yaw', 'pitch'],
  },
  level_head: {
    code: 'QUALITY_POSE',
    message: 'The head is tilted too far to measure. Keep your head level and try again.',
    measures: ['roll'],
  },
  more_light: {
    code: 'QUALITY_LIGHT',
    message: 'It is too dark to measure the skin. Face the light and try again.',
    measures: ['brightness', 'shadowClip'],
  },
  less_light: {
    code: 'QUALITY_LIGHT',
    message: 'The light is too bright to measure the skin. Step out of direct light and try again.',
    measures: ['brightness', 'highlightClip'],
  },
  even_light: {
    code: 'QUALITY_LIGHT',
    message: 'One side of the face is in shadow. Face the screen so the light is even, and try again.',
    measures: ['unevenness'],
  },
  hold_still: {
    code: 'QUALITY_BLUR',
    message: 'The photo is blurred. Hold still for a moment and try again.',
    measures: ['sharpness'],
  },
};

/**
 * The typed error for a captured frame judged against CAPTURE_LIMITS, or null when it may be
 * measured. The first failing check in the guidance's priority order decides the code; `details`
 * names it (`hint`, the same vocabulary as the live guidance, so the screen can say what to do),
 * lists every failing check and carries the measures behind the refusal.
 */
export function captureGateError(report: QualityReport): KioskError | null {
  const failing = report.hints.filter((h) => REFUSALS[h]);
  const first = failing[0];
  const refusal = first ? REFUSALS[first] : undefined;
  if (!first || !refusal) return null;
  const details: Record<string, string | number> = { hint: first, hints: failing.join(',') };
  for (const key of refusal.measures) {
    const value = report.measures[key];
    if (value !== undefined) details[key] = Math.round(value * 1000) / 1000;
  }
  return new KioskError(refusal.code, refusal.message, details);
}
