import { describe, expect, it } from 'vitest';
import { validateDelta } from '../../../../electron/core/catalog/delta-validation';
import { record } from './catalog-test-records';

describe('validateDelta', () => {
  it('keeps valid upserts and rejects each bad one with its first problem', () => {
    const good = record({ sku: 'OK-1' });
    const result = validateDelta({
      format: 1,
      fromVersion: '1.aaaaaaaa',
      toVersion: '2.bbbbbbbb',
      removes: ['GONE'],
      upserts: [
        good,
        { ...good, sku: 'NEG', priceMinor: -1 },
        {
          ...good,
          sku: 'DUP',
          concerns: [
            { concern: 'acne', strength: 0.5 },
            { concern: 'acne', strength: 0.2 },
          ],
        },
        { ...good, sku: 'NEW', step: 'lipstick' },
        'not even an object',
      ],
    });
    expect(result.upserts).toEqual([good]);
    expect(result.removes).toEqual(['GONE']);
    expect(result.rejected).toEqual([
      { sku: 'NEG', reason: expect.stringMatching(/^priceMinor: /) },
      { sku: 'DUP', reason: 'concerns: each concern at most once' },
      { sku: 'NEW', reason: expect.stringMatching(/^step: /) },
      { sku: null, reason: expect.stringMatching(/^record: /) },
    ]);
  });
});
