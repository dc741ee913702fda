/**
 * `npm run bench:metrics`: the concern metrics against lesions of known strength drawn on real skin
 * re-toned to every Monk tone (tests/support/synthetic-lesions.ts). For each face and lesion kind it
 * prints the metric's score per strength (rows) and tone (columns), whether the score rises with
 * the strength on every tone, and how far the same lesion's score moves between tones. Spots are
 * also swept by count and by size. Options: --faces a,b (files under the face set), --json.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { LESION_METRIC, LesionTruthBench, type TruthSkin } from '../support/lesion-truth';
import type { Lesion, LesionKind } from '../support/synthetic-lesions';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TONES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

interface Sweep {
  readonly title: string;
  /** Row label and the lesion drawn. */
  readonly rows: readonly (readonly [string, Lesion])[];
}

const SWEEPS: readonly Sweep[] = [
  {
    title: 'dark spots: 12 spots of σ 2.5 px, by contrast',
    rows: [0, 0.1, 0.2, 0.3, 0.4].map((c) => [`${c * 100}%`, { kind: 'spots', strength: c }] as const),
  },
  {
    title: 'dark spots: 30% contrast, σ 2.5 px, by count',
    rows: [0, 4, 8, 12, 16].map((n) => [`${n}`, { kind: 'spots', strength: n ? 0.3 : 0, count: n }] as const),
  },
  {
    title: 'dark spots: 12 spots at 30% contrast, by size σ',
    rows: [1.5, 2.5, 3.5, 4.5].map((s) => [`${s}px`, { kind: 'spots', strength: 0.3, sigmaPx: s }] as const),
  },
  {
    title: 'redness: 4 erythema patches of σ 6 px, by a* shift',
    rows: [0, 3, 6, 9, 12].map((d) => [`+${d}`, { kind: 'erythema', strength: d }] as const),
  },
  {
    title: 'wrinkles: 2 forehead lines of σ 1.2 px, by depth',
    rows: [0, 0.1, 0.2, 0.3, 0.4].map((d) => [`${d * 100}%`, { kind: 'lines', strength: d }] as const),
  },
];

interface SweepResult {
  face: string;
  title: string;
  metric: string;
  rows: { label: string; scores: (number | null)[] }[];
  /** Tones on which the score never falls as the lesion grows. */
  monotonicTones: number;
  /** Largest |tone 1 − tone 10| and largest spread over all tones, over the rows. */
  maxLightDeep: number;
  maxSpread: number;
}

async function runSweep(
  bench: LesionTruthBench,
  face: string,
  skin: TruthSkin,
  sweep: Sweep,
): Promise<SweepResult> {
  const kind: LesionKind = sweep.rows[0]![1].kind;
  const rows: SweepResult['rows'] = [];
  for (const [label, lesion] of sweep.rows) {
    const scores: (number | null)[] = [];
    for (const tone of TONES) scores.push((await bench.read(skin, tone, lesion)).score);
    rows.push({ label, scores });
  }
  const at = (r: number, t: number) => rows[r]!.scores[t] ?? Number.NaN;
  const monotonicTones = TONES.filter((_, t) =>
    rows.every((_, r) => r === 0 || at(r, t) >= at(r - 1, t)),
  ).length;
  const spreads = rows.map((row) => {
    const s = row.scores.map((v) => v ?? Number.NaN);
    return { lightDeep: Math.abs(s[0]! - s.at(-1)!), spread: Math.max(...s) - Math.min(...s) };
  });
  return {
    face,
    title: sweep.title,
    metric: LESION_METRIC[kind],
    rows,
    monotonicTones,
    maxLightDeep: Math.max(...spreads.map((s) => s.lightDeep)),
    maxSpread: Math.max(...spreads.map((s) => s.spread)),
  };
}

function print(result: SweepResult): void {
  console.log(`\n${result.face} · ${result.title} → ${result.metric}`);
  console.log(`${'strength'.padEnd(9)}${TONES.map((t) => `Monk ${t}`.padStart(8)).join('')}`);
  for (const row of result.rows)
    console.log(
      `${row.label.padEnd(9)}${row.scores.map((s) => (s === null ? 'n/m' : s.toFixed(1)).padStart(8)).join('')}`,
    );
  console.log(
    `rises with strength on ${result.monotonicTones}/${TONES.length} tones · ` +
      `max |Monk 1 − Monk 10| ${result.maxLightDeep.toFixed(1)} · max spread over tones ${result.maxSpread.toFixed(1)}`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { faces: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const faces = (
    values.faces ??
    'matplotlib-grace_hopper.jpg,skimage-astronaut.png,crops/vladmandic-face-api-sample3-face1.jpg'
  ).split(',');
  const facesDir = path.resolve(root, '../shared/data/faces');
  const bench = await LesionTruthBench.open(path.join(root, 'model'));
  const results: SweepResult[] = [];
  const started = performance.now();
  try {
    for (const face of faces) {
      const skin = await bench.skinCrop(path.join(facesDir, face));
      for (const sweep of SWEEPS) {
        const result = await runSweep(bench, path.basename(face), skin, sweep);
        results.push(result);
        if (!values.json) print(result);
      }
    }
  } finally {
    await bench.dispose();
  }
  if (values.json) console.log(JSON.stringify(results));
  else
    console.log(
      `\n${results.length} sweeps in ${((performance.now() - started) / 1000).toFixed(0)} s; load average ` +
        os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' '),
    );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
