import { groupBy, scoreTones, TONE_TARGETS, type ToneScores } from './tone-scores';
import type { ToneMode, ToneRecord } from './tone-run';

/** Markdown tables of the tone benchmark, as printed by `npm run bench:tone` and kept in docs/. */

const pct = (v: number): string => `${(100 * v).toFixed(0)} %`;
const num = (v: number, digits = 1): string => (Number.isFinite(v) ? v.toFixed(digits) : '—');

const HEADER =
  '| group | cases | face found | tone given | Monk exact | Monk ±1 | Monk MAE | mean \\|ΔITA\\| | median ΔE00 | Spearman ρ | shade ΔE00 (ideal) |\n' +
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|';

function row(label: string, s: ToneScores): string {
  return `| ${label} | ${s.cases} | ${pct(s.faceFound)} | ${pct(s.toneGiven)} | ${pct(s.monkExact)} | ${pct(s.monkWithinOne)} | ${num(s.monkMae, 2)} | ${num(s.itaMae)}° | ${num(s.medianDeltaE)} | ${s.spearman === null ? '—' : s.spearman.toFixed(3)} | ${num(s.shadeDeltaE)} (${num(s.shadeDeltaEIdeal)}) |`;
}

/** Which of the issue's targets a tone misses, in words; empty when it meets them all. */
function missedTargets(mode: ToneMode, s: ToneScores): string[] {
  const t = TONE_TARGETS[mode];
  const missed: string[] = [];
  if (s.faceFound < 1) missed.push(`face found ${pct(s.faceFound)} (target 100 %)`);
  if (s.toneGiven < t.toneGiven) missed.push(`tone given ${pct(s.toneGiven)} (≥ ${pct(t.toneGiven)})`);
  if (s.monkWithinOne < t.monkWithinOne)
    missed.push(`Monk ±1 ${pct(s.monkWithinOne)} (≥ ${pct(t.monkWithinOne)})`);
  if (!(s.medianDeltaE <= t.medianDeltaE))
    missed.push(`median ΔE00 ${num(s.medianDeltaE)} (≤ ${t.medianDeltaE})`);
  if (!(s.itaMae <= t.itaMae)) missed.push(`|ΔITA| ${num(s.itaMae)}° (≤ ${t.itaMae}°)`);
  return missed;
}

const TONES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** Every table for one mode: per true Monk tone, per light, per exposure, per albedo set, overall. */
export function modeTables(
  mode: ToneMode,
  records: readonly ToneRecord[],
  lightLabels: Readonly<Record<string, string>>,
): string {
  const rs = records.filter((r) => r.mode === mode);
  const overall = scoreTones(rs);
  const lines: string[] = [];
  lines.push(`#### Per true Monk tone (${mode})`, '', HEADER);
  const perTone = groupBy(rs, (r) => r.albedo.monk, TONES);
  for (const [tone, g] of perTone) lines.push(row(`Monk ${tone}`, scoreTones(g)));
  lines.push(row('**all tones**', overall), '');
  lines.push(`#### Per light (${mode})`, '', HEADER);
  for (const [light, g] of groupBy(rs, (r) => r.light))
    lines.push(row(lightLabels[light] ?? light, scoreTones(g)));
  lines.push('', `#### Per exposure (${mode})`, '', HEADER);
  for (const [exposure, g] of groupBy(rs, (r) => r.exposure)) lines.push(row(`×${exposure}`, scoreTones(g)));
  lines.push('', `#### Per albedo set (${mode})`, '', HEADER);
  for (const [set, g] of groupBy(rs, (r) =>
    r.albedo.id.startsWith('monk') ? 'Monk swatches' : 'measured skin',
  ))
    lines.push(row(set, scoreTones(g)));
  lines.push('', `#### Per albedo (${mode}; true Monk level in brackets)`, '', HEADER);
  for (const [id, g] of groupBy(rs, (r) => r.albedo.id))
    lines.push(row(`${id} (${g[0]!.albedo.monk})`, scoreTones(g)));
  lines.push('', `#### Targets per tone (${mode})`, '');
  const target = TONE_TARGETS[mode];
  lines.push(
    `Targets: face found 100 %, tone given ≥ ${pct(target.toneGiven)}, Monk ±1 ≥ ${pct(target.monkWithinOne)}, ` +
      `median ΔE00 ≤ ${target.medianDeltaE}, mean |ΔITA| ≤ ${target.itaMae}°; Spearman ρ over all tones ≥ ${target.spearman} ` +
      `(measured ${overall.spearman?.toFixed(3) ?? '—'}: ${overall.spearman !== null && overall.spearman >= target.spearman ? 'met' : 'missed'}).`,
    '',
  );
  for (const [tone, g] of perTone) {
    const missed = missedTargets(mode, scoreTones(g));
    lines.push(`- Monk ${tone}: ${missed.length === 0 ? 'all targets met' : `gap — ${missed.join('; ')}`}`);
  }
  return lines.join('\n');
}
