import { deltaE2000 } from '../../../electron/core/color/delta-e-2000';
import type { Lab } from '../../../electron/shared/schemas/skin-profile-schemas';
import type { ToneMode, ToneRecord } from './tone-run';
import { shadeMatchError } from './shade-range';

/**
 * The fairness figures of a set of tone records, as the issue and docs/fairness-report.md define
 * them: every rate over all cases of the group, the colour and ITA errors over the cases where a
 * tone was given.
 */
export interface ToneScores {
  readonly cases: number;
  /** Shares 0–1. */
  readonly faceFound: number;
  readonly toneGiven: number;
  readonly monkExact: number;
  readonly monkWithinOne: number;
  readonly monkMae: number;
  readonly itaMae: number;
  readonly medianDeltaE: number;
  /** Spearman's ρ between true and measured Monk level; null when the truth does not vary. */
  readonly spearman: number | null;
  /** Median ΔE00 between the shade matched on the measured colour and the true skin. */
  readonly shadeDeltaE: number;
  /** The same for the shade matched on the true colour: the range's own granularity. */
  readonly shadeDeltaEIdeal: number;
}

/** The targets of the issue, per tone; `spearman` is for all tones together. */
export const TONE_TARGETS: Readonly<
  Record<
    ToneMode,
    { toneGiven: number; monkWithinOne: number; medianDeltaE: number; itaMae: number; spearman: number }
  >
> = {
  calibrated: { toneGiven: 0.98, monkWithinOne: 0.95, medianDeltaE: 3, itaMae: 3, spearman: 0.98 },
  uncalibrated: { toneGiven: 0.9, monkWithinOne: 0.8, medianDeltaE: 8, itaMae: 8, spearman: 0.95 },
};

const mean = (v: readonly number[]): number => (v.length ? v.reduce((s, x) => s + x, 0) / v.length : NaN);
const median = (v: readonly number[]): number => {
  if (!v.length) return NaN;
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Average ranks (ties share their mean rank). */
function ranks(v: readonly number[]): number[] {
  const order = v.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x);
  const out = new Array<number>(v.length);
  for (let k = 0; k < order.length;) {
    let j = k;
    while (j + 1 < order.length && order[j + 1]!.x === order[k]!.x) j++;
    for (let t = k; t <= j; t++) out[order[t]!.i] = (k + j) / 2;
    k = j + 1;
  }
  return out;
}

function spearman(a: readonly number[], b: readonly number[]): number | null {
  if (a.length < 3) return null;
  const ra = ranks(a);
  const rb = ranks(b);
  const ma = mean(ra);
  const mb = mean(rb);
  let num = 0;
  let da = 0;
  let db = 0;
  ra.forEach((x, i) => {
    num += (x - ma) * (rb[i]! - mb);
    da += (x - ma) ** 2;
    db += (rb[i]! - mb) ** 2;
  });
  return da > 0 && db > 0 ? num / Math.sqrt(da * db) : null;
}

export function scoreTones(records: readonly ToneRecord[]): ToneScores {
  const n = records.length;
  const given = records.filter((r) => r.tone && r.tone.monk !== null && r.tone.ita !== null);
  const measured = records.filter((r) => r.tone);
  const monkErrors = given.map((r) => Math.abs(r.tone!.monk! - r.albedo.monk));
  const truth: Lab[] = measured.map((r) => r.albedo.lab);
  return {
    cases: n,
    faceFound: records.filter((r) => r.faceFound).length / n,
    toneGiven: given.length / n,
    monkExact: monkErrors.filter((e) => e === 0).length / n,
    monkWithinOne: monkErrors.filter((e) => e <= 1).length / n,
    monkMae: mean(monkErrors),
    itaMae: mean(given.map((r) => Math.abs(r.tone!.ita! - r.albedo.ita))),
    medianDeltaE: median(measured.map((r, i) => deltaE2000(r.tone!.lab, truth[i]!))),
    spearman: spearman(
      given.map((r) => r.albedo.monk),
      given.map((r) => r.tone!.monk!),
    ),
    shadeDeltaE: median(measured.map((r) => shadeMatchError(r.tone!.lab, r.albedo.lab))),
    shadeDeltaEIdeal: median(measured.map((r) => shadeMatchError(r.albedo.lab, r.albedo.lab))),
  };
}

/** Groups records by a key, in the order keys first appear unless `order` is given. */
export function groupBy<K>(
  records: readonly ToneRecord[],
  key: (r: ToneRecord) => K,
  order?: readonly K[],
): [K, ToneRecord[]][] {
  const groups = new Map<K, ToneRecord[]>();
  for (const k of order ?? []) groups.set(k, []);
  for (const r of records) {
    const k = key(r);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(r);
  }
  return [...groups].filter(([, v]) => v.length > 0);
}
