import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LESION_METRIC,
  LesionTruthBench,
  type LesionReading,
  type TruthSkin,
} from '../../support/lesion-truth';
import type { LesionKind } from '../../support/synthetic-lesions';
import { facesDir, repoRoot } from './analysis-fixtures';

/**
 * The concern metrics against a truth: lesions of known strength drawn on real skin re-toned to
 * every Monk tone (tests/support/synthetic-lesions.ts). `npm run bench:metrics` prints the same
 * sweeps as tables; docs/skin-metrics.md quotes them.
 */
const TONES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
/** Spot contrast, erythema a* shift, line depth: none, then four steps a person can see. */
const STRENGTHS: Readonly<Record<LesionKind, readonly number[]>> = {
  spots: [0, 0.1, 0.2, 0.3, 0.4],
  erythema: [0, 3, 6, 9, 12],
  lines: [0, 0.1, 0.2, 0.3, 0.4],
};
/**
 * Two frontal faces with a bare forehead: one densely textured (an older portrait), one smooth. The
 * bench also runs the astronaut, whose fringe and faint freckles docs/skin-metrics.md discusses.
 */
const FACES = {
  portrait: 'matplotlib-grace_hopper.jpg',
  crop: 'crops/vladmandic-face-api-sample3-face1.jpg',
} as const;
type Face = keyof typeof FACES;

let bench: LesionTruthBench;
const skin = new Map<Face, TruthSkin>();
beforeAll(async () => {
  bench = await LesionTruthBench.open(path.join(repoRoot, 'model'));
  for (const [face, file] of Object.entries(FACES))
    skin.set(face as Face, await bench.skinCrop(path.join(facesDir, file)));
});
afterAll(async () => {
  await bench.dispose();
});

const sweeps = new Map<string, Promise<number[][]>>();
/** Scores by tone then strength, measured once per face and kind; every reading must be measured. */
function sweep(face: Face, kind: LesionKind): Promise<number[][]> {
  const key = `${face} ${kind}`;
  if (!sweeps.has(key))
    sweeps.set(
      key,
      (async () => {
        const rows: number[][] = [];
        for (const tone of TONES) {
          const row: number[] = [];
          for (const strength of STRENGTHS[kind]) {
            const reading = await bench.read(skin.get(face)!, tone, { kind, strength });
            expect(
              reading.score,
              `${key} ${strength} on tone ${tone} (confidence ${reading.confidence})`,
            ).not.toBeNull();
            row.push(reading.score!);
          }
          rows.push(row);
        }
        return rows;
      })(),
    );
  return sweeps.get(key)!;
}

describe.each(['spots', 'erythema', 'lines'] as const)('%s against the truth', (kind) => {
  it.each(Object.keys(FACES) as Face[])(
    `scores ${LESION_METRIC[kind]} higher for a stronger lesion on every tone (%s)`,
    async (face) => {
      for (const [t, row] of (await sweep(face, kind)).entries())
        for (let i = 1; i < row.length; i++) {
          const label = `tone ${TONES[t]}: ${row.map((s) => s.toFixed(2)).join(' < ')}`;
          // Strictly higher once anything is seen; a lesion below the detection threshold scores 0 like none.
          if (row[i - 1]! > 0) expect(row[i], label).toBeGreaterThan(row[i - 1]!);
          else expect(row[i], label).toBeGreaterThanOrEqual(0);
        }
    },
  );

  it.each(Object.keys(FACES) as Face[])(
    `gives the same lesion the same ${LESION_METRIC[kind]} score, within 10, on every tone (%s)`,
    async (face) => {
      const rows = await sweep(face, kind);
      STRENGTHS[kind].forEach((strength, i) => {
        const column = rows.map((row) => row[i]!);
        const label = `${face} ${kind} ${strength}: ${column.map((s) => s.toFixed(1)).join(' ')}`;
        expect(Math.abs(column[0]! - column.at(-1)!), label).toBeLessThanOrEqual(10);
        expect(Math.max(...column) - Math.min(...column), label).toBeLessThanOrEqual(10);
      });
    },
  );

  it(`moves ${LESION_METRIC[kind]} by at least 20 points from no lesion to the strongest on a clear face`, async () => {
    for (const row of await sweep('crop', kind)) expect(row.at(-1)! - row[0]!).toBeGreaterThanOrEqual(20);
  });
});

describe('dark spots by count', () => {
  it('counts each added spot once and scores more spots higher, on every tone', async () => {
    for (const tone of TONES) {
      const readings: LesionReading[] = [];
      for (const count of [0, 4, 8, 12])
        readings.push(await bench.read(skin.get('crop')!, tone, { kind: 'spots', strength: 0.3, count }));
      const base = readings[0]!.spotCount;
      [0, 4, 8, 12].forEach((count, i) => {
        const added = readings[i]!.spotCount - base;
        expect(added, `tone ${tone}, ${count} spots`).toBeGreaterThanOrEqual(count - 1);
        expect(added, `tone ${tone}, ${count} spots`).toBeLessThanOrEqual(count);
        if (i > 0) expect(readings[i]!.score!).toBeGreaterThan(readings[i - 1]!.score!);
      });
    }
  });
});
