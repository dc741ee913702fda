/**
 * The short form of the soak bench (`npm run bench:soak`): a few hundred whole shopper sessions
 * through the kiosk's own runtime, and the heap after a full GC must not grow with them. Half the
 * shoppers pay; the others walk away at the routine, start over after saving their results, or
 * leave while the reader waits for their card, so every way a session ends is covered.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSoakDriver, type SessionEnding, type SoakDriver } from '../../support/soak-session-driver';
import { kib, memorySlope, settledSample, type MemorySample } from '../../support/memory-slope';

const root = path.resolve(import.meta.dirname, '../../..');
const ENDINGS: SessionEnding[] = [
  'paid',
  'idle-at-routine',
  'paid',
  'started-over',
  'paid',
  'left-at-reader',
];
// The warm-up takes the optimizing compiler past its steepest part and fills most of the bounded
// buffers (the log's 500 recent lines, the demo reader's 100 payment intents).
const WARMUP = 150;
const SESSIONS = 240;
const SAMPLE_EVERY = 10;
// Measured on the two-core development machine (other builds running): the kiosk grows 0.9 KiB per
// session here (the compiler's bookkeeping, the last log lines filling the buffer), the kiosk before
// the fix 4.6 KiB. 2 KiB sits more than a factor of two from both.
const TOLERANCE_BYTES_PER_SESSION = 2048;

describe('a kiosk that serves shoppers for months', () => {
  let driver: SoakDriver;
  let session = 0;
  /** Runs `count` sessions; returns how many were meant to pay and how many did. */
  const run = async (count: number, onEach?: (done: number) => void) => {
    const tally = { meantToPay: 0, paid: 0, analysed: 0 };
    for (let done = 0; done < count; done++) {
      const ending = ENDINGS[session % ENDINGS.length] ?? 'paid';
      const outcome = await driver.session(session, ending);
      session += 1;
      if (ending === 'paid') tally.meantToPay += 1;
      if (ending === 'paid' && outcome.paid) tally.paid += 1;
      if (outcome.analysed) tally.analysed += 1;
      onEach?.(done + 1);
    }
    return tally;
  };

  beforeAll(async () => {
    driver = await startSoakDriver(root);
    await run(WARMUP);
  }, 600_000);
  afterAll(() => driver?.dispose());

  it('keeps nothing of the sessions it served: the heap does not grow with them', async () => {
    const samples: MemorySample[] = [settledSample(0)];
    const tally = await run(SESSIONS, (done) => {
      if (done % SAMPLE_EVERY === 0) samples.push(settledSample(done));
    });
    const data = memorySlope(samples, 'dataHeap');
    const heap = memorySlope(samples, 'heapUsed');
    console.log(
      `${SESSIONS} sessions (${tally.analysed} analysed, ${tally.paid} paid), ${samples.length} samples: heap less compiled code ` +
        `${kib(data.perSession)} ± ${kib(data.stderr)} per session, heap ${kib(heap.perSession)}`,
    );
    // The sessions did the whole job: one in ten photos is a group photo the analysis refuses.
    expect(tally.paid).toBe(tally.meantToPay);
    expect(tally.analysed).toBe(SESSIONS * 0.9);
    expect(samples).toHaveLength(SESSIONS / SAMPLE_EVERY + 1);
    expect(data.perSession).toBeLessThan(TOLERANCE_BYTES_PER_SESSION);
    expect((await driver.health()).status).toBe('ok');
  }, 600_000);
});
