/**
 * Soak bench: `npm run bench:soak` (SOAK_SESSIONS=500 for a shorter run, SOAK_HEAP_SNAPSHOTS=<dir>
 * to also write heap snapshots halfway and at the end for `heap-snapshot-diff.ts`; writing one
 * raises the resident set for good, so memory figures come from runs without).
 *
 * Runs shopper sessions back to back through the kiosk's own runtime (tests/support/
 * soak-session-driver.ts). After a warm-up that fills every bounded buffer (the 500 log lines the
 * staff screen shows, the demo reader's 100 payment intents) it records wall and CPU time per stage
 * and memory after a full GC every few sessions, and prints:
 * - the p95 latency of the first and last 100 sessions (target: growth ≤ 5 %);
 * - memory growth per session as the least-squares slope over the whole run, for the heap, the
 *   compiled code within it, the heap less that code, and the resident set. The heap less compiled
 *   code is what sessions could leave behind; its target is ≤ 0.5 KiB per session over 3,000
 *   sessions, and the bench exits with status 1 above it.
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeHeapSnapshot } from 'node:v8';
import { startSoakDriver, type SessionTimes } from '../support/soak-session-driver';
import {
  kib,
  memorySlope,
  mib,
  settledSample,
  type MemoryFigure,
  type MemorySample,
} from '../support/memory-slope';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SESSIONS = Number(process.env.SOAK_SESSIONS ?? 3000);
const WARMUP = Number(process.env.SOAK_WARMUP ?? 250);
const SNAPSHOT_DIR = process.env.SOAK_HEAP_SNAPSHOTS ?? null;
const WINDOW = Math.min(100, Math.floor(SESSIONS / 4));
const SAMPLE_EVERY = Math.max(1, Math.round(SESSIONS / 150));
/** Bytes per session the heap less compiled code may grow by, over a run of TARGET_SESSIONS. */
const HEAP_TARGET = 512;
const TARGET_SESSIONS = 3000;

// `session cpu` is the process CPU time a session used (all threads, the inference worker included):
// unlike wall time it does not grow when other programs compete for the machine's cores.
type Stage = keyof SessionTimes | 'session cpu';
const STAGES: Stage[] = ['analysis', 'routine', 'cart', 'payment', 'session', 'session cpu'];
const MEMORY: [MemoryFigure, string][] = [
  ['heapUsed', 'heap used'],
  ['compiledCode', '  compiled code'],
  ['dataHeap', '  heap less code'],
  ['rss', 'resident set'],
  ['external', 'external'],
];

const quantile = (values: number[], q: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

async function main(): Promise<boolean> {
  const driver = await startSoakDriver(root);
  try {
    return await soak(driver);
  } finally {
    await driver.dispose();
  }
}

async function soak(driver: Awaited<ReturnType<typeof startSoakDriver>>): Promise<boolean> {
  console.log(
    `soak: ${SESSIONS} sessions after ${WARMUP} warm-up, ${driver.photoCount} photos (one in ten a ` +
      `group photo), memory sampled every ${SAMPLE_EVERY} sessions`,
  );
  const times: Record<Stage, number[]> = {
    analysis: [],
    routine: [],
    cart: [],
    payment: [],
    session: [],
    'session cpu': [],
  };
  const outcomes = { analysed: 0, fallback: 0, paid: 0, notPaid: 0 };
  const samples: MemorySample[] = [];
  if (SNAPSHOT_DIR) mkdirSync(SNAPSHOT_DIR, { recursive: true });
  const snapshotAt = new Set([Math.floor(SESSIONS / 2), SESSIONS]);

  for (let i = 0; i < WARMUP + SESSIONS; i++) {
    const done = i - WARMUP;
    if (done >= 0 && done % SAMPLE_EVERY === 0) samples.push(settledSample(done));
    if (SNAPSHOT_DIR && snapshotAt.has(done)) snapshot(done);
    const cpu0 = process.cpuUsage();
    const outcome = await driver.session(i);
    if (done < 0) continue;
    for (const stage of STAGES.slice(0, 5) as (keyof SessionTimes)[]) times[stage].push(outcome.times[stage]);
    const cpu = process.cpuUsage(cpu0);
    times['session cpu'].push((cpu.user + cpu.system) / 1000);
    outcomes[outcome.analysed ? 'analysed' : 'fallback'] += 1;
    outcomes[outcome.paid ? 'paid' : 'notPaid'] += 1;
    const sample = samples.at(-1);
    if ((done + 1) % 250 === 0 && sample)
      console.log(
        `  ${done + 1} sessions, after GC at ${sample.sessions}: heap ${mib(sample.heapUsed)}, ` +
          `less compiled code ${mib(sample.dataHeap)}, rss ${mib(sample.rss)}`,
      );
  }
  const last = samples.at(-1);
  if (last?.sessions !== SESSIONS) samples.push(settledSample(SESSIONS));
  if (SNAPSHOT_DIR && snapshotAt.has(SESSIONS)) snapshot(SESSIONS);
  const health = await driver.health();
  console.log(`analysis ran on ${driver.executionProvider}`);

  console.log(`\nstage latency (ms)      median     p95   p95 first ${WINDOW}   p95 last ${WINDOW}   drift`);
  const drift: Partial<Record<Stage, number>> = {};
  for (const stage of STAGES) {
    const all = times[stage];
    const first = quantile(all.slice(0, WINDOW), 0.95);
    const lastP95 = quantile(all.slice(-WINDOW), 0.95);
    drift[stage] = lastP95 / first - 1;
    console.log(
      `  ${stage.padEnd(20)} ${quantile(all, 0.5).toFixed(1).padStart(7)} ${quantile(all, 0.95).toFixed(1).padStart(7)} ${first
        .toFixed(1)
        .padStart(
          14,
        )} ${lastP95.toFixed(1).padStart(13)} ${`${((drift[stage] ?? 0) * 100).toFixed(1)} %`.padStart(9)}`,
    );
  }

  const start = samples[0] as MemorySample;
  const end = samples.at(-1) as MemorySample;
  console.log(
    `\nmemory after GC, ${samples.length} samples   start        end   slope per session   per 1,000 sessions`,
  );
  for (const [figure, label] of MEMORY) {
    const slope = memorySlope(samples, figure);
    console.log(
      `  ${label.padEnd(30)} ${mib(start[figure]).padStart(9)} ${mib(end[figure]).padStart(10)}   ${`${kib(slope.perSession)} ± ${(slope.stderr / 1024).toFixed(2)}`.padStart(17)}   ${`${slope.perSession >= 0 ? '+' : ''}${mib(slope.perSession * 1000)}`.padStart(18)}`,
    );
  }
  console.log(
    `\nsessions: ${outcomes.analysed} analysed, ${outcomes.fallback} questionnaire fallbacks, ${outcomes.paid} paid, ${outcomes.notPaid} not paid`,
  );
  console.log(
    `health at end: ${health.status}${health.reasons.length ? ` (${health.reasons.join(', ')})` : ''}`,
  );
  const verdict = (v: number) => (v <= 0.05 ? 'within' : 'OVER');
  const rssGrowth = end.rss / start.rss - 1;
  console.log(
    `target ≤ 5 %: session p95 drift ${((drift.session ?? 0) * 100).toFixed(1)} % (${verdict(drift.session ?? 0)}), ` +
      `session CPU p95 drift ${((drift['session cpu'] ?? 0) * 100).toFixed(1)} % (${verdict(drift['session cpu'] ?? 0)}), ` +
      `rss growth ${(rssGrowth * 100).toFixed(1)} % (${verdict(rssGrowth)})`,
  );
  const heapSlope = memorySlope(samples, 'dataHeap').perSession;
  const judged = SESSIONS >= TARGET_SESSIONS;
  const within = heapSlope <= HEAP_TARGET;
  console.log(
    `target heap less compiled code ≤ ${kib(HEAP_TARGET)}/session over ${TARGET_SESSIONS} sessions: ${kib(heapSlope)} ` +
      `(${judged ? (within ? 'within' : 'OVER') : `no verdict below ${TARGET_SESSIONS} sessions`})`,
  );
  console.log(
    `machine: ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  return !judged || within;
}

function snapshot(sessions: number): void {
  settledSample(sessions);
  const file = writeHeapSnapshot(path.join(SNAPSHOT_DIR as string, `soak-${sessions}.heapsnapshot`));
  console.log(`  heap snapshot after ${sessions} sessions: ${file}`);
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : String(err));
    process.exit(1);
  },
);
