import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCandidateTable } from '../../../../electron/core/catalog/candidate-table';
import { REASON_KEYS } from '../../../../electron/core/catalog/pick-reasons';
import { recommendRoutine } from '../../../../electron/core/catalog/routine-recommender';
import { deriveNeeds } from '../../../../electron/core/catalog/shopper-needs';
import { Concern, SkinType } from '../../../../electron/shared/schemas/skin-profile-schemas';
import { RoutineStep } from '../../../../electron/shared/schemas/catalog-schemas';
import { candidate, profile } from './catalog-test-records';

describe('reason keys', () => {
  it('are all listed, and every key a routine uses is one of them', () => {
    const items = RoutineStep.options.flatMap((step, s) =>
      Array.from({ length: 12 }, (_, i) =>
        candidate({
          sku: `${step}-${String(i).padStart(2, '0')}`,
          step,
          priceMinor: 500 + ((i * 977) % 6000),
          availability: i % 5 === 4 ? 'out_of_stock' : 'in_stock',
          concerns: [
            { concern: Concern.options[(i + s) % Concern.options.length]!, strength: 0.4 + (i % 6) / 10 },
          ],
          skinTypes: i % 3 === 0 ? [SkinType.options[i % 4]!] : [],
          flags: i % 2 ? ['fragrance_free', 'non_comedogenic'] : [],
          ingredients: i % 7 === 0 ? ['Retinol'] : [],
          spf: step === 'sunscreen' ? 30 + (i % 3) * 10 : null,
        }),
      ),
    );
    const lists = new Map(RoutineStep.options.map((step) => [step, items.filter((c) => c.step === step)]));
    const pool = new Map([...lists].map(([step, list]) => [step, buildCandidateTable(list)]));
    const seen = new Set<string>();
    for (const type of SkinType.options) {
      for (const sensitivity of ['often', 'sometimes', undefined] as const) {
        for (const budget of [null, 4000]) {
          const shopper = deriveNeeds(
            profile({
              type,
              source: 'scan',
              metrics: [{ key: 'redness', score: 70, confidence: 0.9 }],
              concerns: [{ concern: 'dark_circles', weight: 0.6 }],
            }),
            { goal: 'anti_aging', ...(sensitivity ? { sensitivity } : {}) },
          );
          for (const slot of recommendRoutine(shopper, pool, budget).slots)
            for (const pick of slot.picks) pick.reasons.forEach((r) => seen.add(r.key));
        }
      }
    }
    expect([...seen].filter((key) => !(REASON_KEYS as readonly string[]).includes(key))).toEqual([]);
    expect(seen.size).toBeGreaterThan(8);
    const docs = readFileSync(path.resolve(__dirname, '../../../../docs/catalog.md'), 'utf8');
    for (const key of REASON_KEYS) expect(docs, key).toContain(`\`${key}\``);
  });
});
