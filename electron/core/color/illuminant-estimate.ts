import type { Lab } from '../../shared/schemas/skin-profile-schemas';
import { SKIN_LOCUS, skinLocusColour } from '../skin/skin-locus';
import { LUMA_WEIGHTS, labToLch, linearRgbToLab } from './color-spaces';
import type { Vec3 } from './matrix3';
import { distanceToLocus, logChroma, type LogChroma } from './planckian-locus';

/**
 * The light's colour and level without a chart, from evidence that is not skin. Skin itself is
 * never white-balanced on (a face is not grey; gray world on it turns every face lavender); it only
 * enters as a prior: the corrected face must have a colour skin can have. Every cue votes for a
 * light colour in the log-chroma plane; the estimate minimises
 *
 *   Σ_cues w·|cue − light|²/σ² + dist(light, Planckian locus)²/σ_L² + skin prior(skin / light)
 *
 * on a grid, the skin prior being the spread of measured skin hue around its centre plus a penalty
 * for chroma outside the skin locus. Without a chart the exposure is unknown: lightness is read
 * against the camera's nominal white level. docs/colour.md gives the figures and why each σ.
 */

export interface IlluminantCues {
  /** Mean linear RGB of the visible sclera (nearly white, a little yellow), or null. */
  readonly sclera: { readonly linear: Vec3; readonly count: number; readonly irisRadius: number } | null;
  /** Mean linear RGB of the corneal catchlight (the lamp, mirrored), or null. */
  readonly catchlight: Vec3 | null;
  /** Gray-world mean of near-neutral background around the face, and how much to trust it (0–1). */
  readonly background: { readonly linear: Vec3; readonly trust: number } | null;
  /** Mean linear RGB of the skin of cheeks and forehead: the prior's subject, never a cue. */
  readonly skin: Vec3;
}

export interface IlluminantEstimate {
  /** Multiply camera linear RGB by these: the light's white becomes (1, 1, 1) at the estimated level. */
  readonly gains: Vec3;
  /** Camera luminance of a white surface under this light, as estimated (the exposure reference). */
  readonly whiteLevel: number;
  /** 0–1, lower than any calibration: how much non-skin evidence agreed with the estimate. */
  readonly confidence: number;
  /** Which cues were available, for logs and the staff screen. */
  readonly cues: readonly string[];
}

/** A cue's expected colour relative to the light (log-chroma) and its spread. */
const SCLERA = { offset: [0.06, -0.12] as LogChroma, sigma: 0.2 };
const CATCHLIGHT = { offset: [0, 0] as LogChroma, sigma: 0.12 };
const BACKGROUND = { offset: [0, 0] as LogChroma, sigma: 0.5 };
/**
 * Lamps lie within about ±0.006 Duv of the black-body or daylight locus, about 0.1 in log-chroma
 * (a green-tinted LED at +0.008 Duv is 1.5 σ off).
 */
const LOCUS_SIGMA = 0.1;
/** Measured skin hue angles centre near 57° with a spread of about 7° (Xiao 2017; Del Bino 2013). */
const SKIN_HUE = { centre: 57, sigma: 7 };
/** Spread of measured skin chroma around the skin locus' chroma at the same lightness. */
const SKIN_CHROMA_SIGMA = 4;
/** The skin locus' chroma at L* = 0, 0.5, …, 100 (clamped at the locus' ends), for the chroma prior. */
const LOCUS_CHROMA: Float64Array = (() => {
  const points = Array.from({ length: 161 }, (_, k) => {
    const lab = skinLocusColour(-80 + k);
    return [lab.L, Math.hypot(lab.a, lab.b)] as const;
  }).sort((a, b) => a[0] - b[0]);
  return Float64Array.from({ length: 201 }, (_, i) => {
    const lightness = i / 2;
    const k = points.findIndex(([l]) => l >= lightness);
    if (k <= 0) return points[k === 0 ? 0 : points.length - 1]![1];
    const [l0, c0] = points[k - 1]!;
    const [l1, c1] = points[k]!;
    return c0 + ((lightness - l0) / (l1 - l0)) * (c1 - c0);
  });
})();

/**
 * The sclera shows only on an eye large enough in the frame (an iris of 6 px radius or more) and
 * open enough; a smaller or darker "sclera" is lid, lash and shadow.
 */
export const MIN_IRIS_RADIUS = 6;
const MIN_SCLERA_PIXELS = 30;
/** A camera's nominal exposure puts a white surface at about 80 % of full scale. */
export const NOMINAL_WHITE_LEVEL = 0.8;

const luma = (v: Vec3): number => LUMA_WEIGHTS[0] * v[0] + LUMA_WEIGHTS[1] * v[1] + LUMA_WEIGHTS[2] * v[2];

/** Linear RGB of luminance 1 with log-chroma `p`. */
function whiteOf(p: LogChroma): Vec3 {
  const rgb: Vec3 = [Math.exp(p[0]), 1, Math.exp(p[1])];
  const y = luma(rgb);
  return [rgb[0] / y, rgb[1] / y, rgb[2] / y];
}

/** The corrected colour of `rgb` under a light of log-chroma `light` and white level `level`. */
function corrected(rgb: Vec3, light: LogChroma, level: number): Lab {
  const w = whiteOf(light);
  return linearRgbToLab([rgb[0] / (w[0] * level), rgb[1] / (w[1] * level), rgb[2] / (w[2] * level)]);
}

/** Chroma the skin locus has at lightness L*. */
const locusChroma = (lightness: number): number =>
  LOCUS_CHROMA[Math.min(200, Math.max(0, Math.round(2 * lightness)))]!;

/**
 * The search grid over every plausible light (log-chroma, 0.08 apart) with each point's distance
 * energy to the light loci, computed once (the loci do not change between frames) and sorted by
 * it: once that term alone exceeds the best energy found, no later point can win.
 */
const COARSE_GRID: readonly { readonly at: LogChroma; readonly locus: number }[] = (() => {
  const points: { at: LogChroma; locus: number }[] = [];
  for (let u = -1.02; u <= 1.22 + 1e-9; u += 0.08)
    for (let v = -1.62; v <= 0.62 + 1e-9; v += 0.08)
      points.push({ at: [u, v], locus: (distanceToLocus([u, v]) / LOCUS_SIGMA) ** 2 });
  return points.sort((a, b) => a.locus - b.locus);
})();

/** The skin prior's energy for the face's corrected colour: hue and chroma of measured skin. */
function skinPrior(lab: Lab): number {
  const { C, h } = labToLch(lab);
  const hue = h > 270 ? h - 360 : h;
  const chroma = Math.min(SKIN_LOCUS.chromaMax, Math.max(SKIN_LOCUS.chromaMin, locusChroma(lab.L)));
  return ((hue - SKIN_HUE.centre) / SKIN_HUE.sigma) ** 2 + ((C - chroma) / SKIN_CHROMA_SIGMA) ** 2;
}

export function estimateIlluminant(cues: IlluminantCues): IlluminantEstimate {
  const level = NOMINAL_WHITE_LEVEL;
  const s = cues.sclera;
  const sclera =
    s &&
    s.irisRadius >= MIN_IRIS_RADIUS &&
    s.count >= MIN_SCLERA_PIXELS &&
    luma(s.linear) > Math.max(0.25 * level, 0.8 * luma(cues.skin))
      ? s.linear
      : null;
  const votes: { at: LogChroma; weight: number; name: string }[] = [];
  const vote = (
    rgb: Vec3 | null,
    cue: { offset: LogChroma; sigma: number },
    trust: number,
    name: string,
  ): void => {
    if (!rgb || !(luma(rgb) > 0) || !(trust > 0)) return;
    const c = logChroma(rgb);
    votes.push({ at: [c[0] - cue.offset[0], c[1] - cue.offset[1]], weight: trust / cue.sigma ** 2, name });
  };
  vote(sclera, SCLERA, 1, 'sclera');
  vote(cues.catchlight, CATCHLIGHT, 1, 'catchlight');
  vote(cues.background?.linear ?? null, BACKGROUND, cues.background?.trust ?? 0, 'background');

  const energy = (p: LogChroma, locus: number): number => {
    let e = locus;
    for (const v of votes) e += v.weight * ((p[0] - v.at[0]) ** 2 + (p[1] - v.at[1]) ** 2);
    return e + skinPrior(corrected(cues.skin, p, level));
  };
  // The coarse grid, then two finer ones around the best point (0.02, then 0.005 apart).
  let best: LogChroma = [0, 0];
  let bestE = Infinity;
  for (const point of COARSE_GRID) {
    if (point.locus >= bestE) break;
    const e = energy(point.at, point.locus);
    if (e < bestE) {
      bestE = e;
      best = point.at;
    }
  }
  for (const [half, step] of [
    [0.1, 0.02],
    [0.02, 0.005],
  ] as const) {
    const centre = best;
    for (let u = centre[0] - half; u <= centre[0] + half + 1e-9; u += step)
      for (let v = centre[1] - half; v <= centre[1] + half + 1e-9; v += step) {
        const p: LogChroma = [u, v];
        const e = energy(p, (distanceToLocus(p) / LOCUS_SIGMA) ** 2);
        if (e < bestE) {
          bestE = e;
          best = p;
        }
      }
  }

  const white = whiteOf(best);
  // Evidence: the non-skin cues' weight that agrees with the estimate, against a clear sclera and
  // catchlight that agree exactly (1).
  const agreement = votes.reduce(
    (sum, v) =>
      sum + v.weight * Math.exp(-0.5 * v.weight * ((best[0] - v.at[0]) ** 2 + (best[1] - v.at[1]) ** 2)),
    0,
  );
  const evidence = Math.min(1, agreement / (1 / SCLERA.sigma ** 2 + 1 / CATCHLIGHT.sigma ** 2));
  return {
    gains: [1 / (white[0] * level), 1 / (white[1] * level), 1 / (white[2] * level)],
    whiteLevel: level,
    confidence: 0.3 + 0.4 * evidence,
    cues: votes.map((v) => v.name),
  };
}
