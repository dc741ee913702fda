/**
 * Soak bench: `npm run bench:soak` (SOAK_SESSIONS=200 for a shorter run).
 *
 * Runs shopper sessions back to back through the same services and handler table the kiosk serves
 * (contract parsing included): start → analysis of a real face photo (one in ten has several faces
 * and falls back to the questionnaire profile, as the renderer does) → routine → shade match → cart
 * price → links with QR codes → "save my results" → card payment on the Stripe emulator → end.
 * It uses the kiosk's own runtime (createKioskRuntime), so the fleet services run alongside as in
 * the app (JSON-lines log, metrics fed by events and the timed analysis handler). Prints resident
 * memory at start and end and the p95 latency (wall and CPU time) of the first and last 100
 * sessions; the target is growth ≤ 5 %.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { KioskConfigSchema } from '../../electron/core/config/kiosk-config-schema';
import type { EventName } from '../../electron/shared/ipc-contract';
import type { Result } from '../../electron/shared/result';
import type { AnalysisResult } from '../../electron/shared/schemas/analysis-schemas';
import type { Routine } from '../../electron/shared/schemas/catalog-schemas';
import type { PaymentState } from '../../electron/shared/schemas/checkout-schemas';
import type { SkinProfile } from '../../electron/shared/schemas/skin-profile-schemas';
import type { QuestionnaireAnswers } from '../../electron/shared/schemas/questionnaire-schemas';
import { decodeImage } from '../../electron/adapters/inference/image-decoder-adapter';
import { createKioskRuntime } from '../../electron/app/kiosk-runtime';
import { sourceTreePaths } from '../../electron/app/kiosk-paths';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FACES = path.resolve(root, '../shared/data/faces');
const SESSIONS = Number(process.env.SOAK_SESSIONS ?? 1000);
const WARMUP = 20;
const WINDOW = Math.min(100, Math.floor(SESSIONS / 4));
const SINGLE_FACE = [
  'matplotlib-grace_hopper.jpg',
  'skimage-astronaut.png',
  ...[
    'sample1-face1',
    'sample2-face1',
    'sample3-face1',
    'sample3-face2',
    'sample3-face3',
    'sample4-face1',
  ].map((n) => `crops/vladmandic-face-api-${n}.jpg`),
];
const GROUP_PHOTO = 'vladmandic-face-api-sample3.jpg';
const ANSWERS: QuestionnaireAnswers[] = [
  {},
  { middayFeel: 'oily_tzone', sensitivity: 'sometimes' },
  { middayFeel: 'tight_dry', sensitivity: 'often' },
  { middayFeel: 'comfortable', sensitivity: 'rarely' },
];

// `session cpu` is the process CPU time a session used (all threads, the inference worker included):
// unlike wall time it does not grow when other programs compete for the machine's cores.
type Stage = 'analysis' | 'routine' | 'cart' | 'payment' | 'session' | 'session cpu';
const STAGES: Stage[] = ['analysis', 'routine', 'cart', 'payment', 'session', 'session cpu'];

const quantile = (values: number[], q: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;
// Memory is compared after a full collection; `npm run bench:soak` runs without --expose-gc, so the
// flag is switched on here and gc() taken from a fresh context.
setFlagsFromString('--expose-gc');
const gc = (globalThis as { gc?: () => void }).gc ?? (runInNewContext('gc') as (() => void) | undefined);
function settleMemory(): NodeJS.MemoryUsage {
  gc?.();
  return process.memoryUsage();
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kiosk-soak-'));
  const paths = sourceTreePaths(root, dataDir);
  const config = KioskConfigSchema.parse({
    analysis: { executionProviders: ['cpu'] },
    links: {
      allowedHosts: ['shop.example', 'results.example.com'],
      resultsPageUrl: 'https://results.example.com/r/',
      cart: { kind: 'query', template: 'https://shop.example/cart/add?sku={sku}&qty={qty}' },
    },
    monitoring: { metricsPort: null },
  });
  const runtime = await createKioskRuntime({
    config,
    needsSetup: null,
    configFound: false,
    paths,
    version: 'soak',
    keepAwake: { hold() {}, release() {} },
    paymentApiKey: null,
    serveMetrics: false,
    scheduleCatalogSync: false,
    payments: {
      demoAutoTap: { card: 'success', afterMs: 0 },
      demoProcessingDelayMs: 5,
      timings: { pollIntervalMs: 20 },
      reconcileIntervalMs: 0,
    },
  });
  const invoke = async <T>(channel: string, input: unknown): Promise<Result<T>> =>
    (await runtime.invoke(channel, input)) as Result<T>;
  const must = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await invoke<T>(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };

  const finals = new Map<string, (s: PaymentState) => void>();
  runtime.subscribe((event: EventName, payload) => {
    if (event !== 'payment:state') return;
    const state = payload as PaymentState;
    if (['succeeded', 'declined', 'canceled', 'reader_offline', 'failed'].includes(state.phase))
      finals.get(state.orderId)?.(state);
  });

  try {
    await soak();
  } finally {
    await runtime.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }

  async function soak(): Promise<void> {
    await runtime.analysisReady;
    const frames = await Promise.all(
      SINGLE_FACE.map(async (f) => decodeImage(new Uint8Array(readFileSync(path.join(FACES, f))))),
    );
    const group = await decodeImage(new Uint8Array(readFileSync(path.join(FACES, GROUP_PHOTO))));
    console.log(
      `soak: ${SESSIONS} sessions, analysis on ${(await must<{ executionProvider: string }>('system:info', {}).catch(() => ({ executionProvider: 'cpu' }))).executionProvider}, ${frames.length} single-face photos + 1 group photo`,
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
    let startMem: NodeJS.MemoryUsage | null = null;

    for (let i = 0; i < SESSIONS + WARMUP; i++) {
      if (i === WARMUP) startMem = settleMemory();
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      await must('session:start', {});
      const useGroup = i % 10 === 9;
      const frame = useGroup ? group : (frames[i % frames.length] ?? group);
      const answers = ANSWERS[i % ANSWERS.length] ?? {};
      const analysed = await invoke<AnalysisResult>('analysis:analyze', { frame, answers });
      let profile: SkinProfile;
      if (analysed.ok) {
        profile = analysed.value.profile;
        outcomes.analysed += 1;
      } else {
        profile = await must<SkinProfile>('analysis:from-answers', { answers });
        outcomes.fallback += 1;
      }
      const t1 = performance.now();
      const routine = await must<Routine>('catalog:recommend', { profile, answers, budgetMinor: null });
      if (profile.tone)
        await must('catalog:shade-match', { lab: profile.tone.lab, step: 'foundation', shift: 0 });
      const t2 = performance.now();
      const skus = routine.slots
        .filter((s) => !s.optional)
        .map((s) => s.picks[0]?.product.sku)
        .filter((s): s is string => Boolean(s))
        .slice(0, 4);
      const cart = { items: skus.map((sku) => ({ sku, quantity: 1 })) };
      await must('checkout:price', cart);
      await must('checkout:links', cart);
      await must('checkout:save-results', { profile, skus });
      const t3 = performance.now();
      const started = await must<PaymentState>('payment:start', cart);
      const final = await new Promise<PaymentState>((resolve) => {
        finals.set(started.orderId, resolve);
        void invoke<PaymentState>('payment:state', { orderId: started.orderId }).then((r) => {
          if (
            r.ok &&
            ['succeeded', 'declined', 'canceled', 'reader_offline', 'failed'].includes(r.value.phase)
          )
            resolve(r.value);
        });
      });
      finals.delete(started.orderId);
      if (final.phase === 'succeeded') outcomes.paid += 1;
      else outcomes.notPaid += 1;
      const t4 = performance.now();
      await must('session:end', { reason: 'completed' });
      const t5 = performance.now();
      if (i >= WARMUP) {
        times.analysis.push(t1 - t0);
        times.routine.push(t2 - t1);
        times.cart.push(t3 - t2);
        times.payment.push(t4 - t3);
        times.session.push(t5 - t0);
        const cpu = process.cpuUsage(cpu0);
        times['session cpu'].push((cpu.user + cpu.system) / 1000);
      }
      if ((i + 1) % 100 === 0)
        console.log(`  ${i + 1 - WARMUP} sessions, rss ${mib(process.memoryUsage().rss)}`);
    }
    const endMem = settleMemory();
    const health = await must<{ status: string; reasons: string[] }>('system:health', {});

    console.log(
      `\nstage latency (ms)      median     p95   p95 first ${WINDOW}   p95 last ${WINDOW}   drift`,
    );
    let sessionDrift = 0;
    let cpuDrift = 0;
    for (const stage of STAGES) {
      const all = times[stage];
      const first = quantile(all.slice(0, WINDOW), 0.95);
      const last = quantile(all.slice(-WINDOW), 0.95);
      const drift = last / first - 1;
      if (stage === 'session') sessionDrift = drift;
      if (stage === 'session cpu') cpuDrift = drift;
      console.log(
        `  ${stage.padEnd(20)} ${quantile(all, 0.5).toFixed(1).padStart(7)} ${quantile(all, 0.95).toFixed(1).padStart(7)} ${first
          .toFixed(1)
          .padStart(14)} ${last.toFixed(1).padStart(13)} ${`${(drift * 100).toFixed(1)} %`.padStart(9)}`,
      );
    }
    const start = startMem ?? endMem;
    const rssGrowth = endMem.rss / start.rss - 1;
    console.log(
      `\nmemory (after ${WARMUP} warm-up sessions → end${gc ? ', after gc' : ', no --expose-gc'}):`,
    );
    console.log(`  rss        ${mib(start.rss)} → ${mib(endMem.rss)}  (${(rssGrowth * 100).toFixed(1)} %)`);
    console.log(
      `  heap used  ${mib(start.heapUsed)} → ${mib(endMem.heapUsed)}  (${((endMem.heapUsed / start.heapUsed - 1) * 100).toFixed(1)} %)`,
    );
    console.log(`  external   ${mib(start.external)} → ${mib(endMem.external)}`);
    console.log(
      `\nsessions: ${outcomes.analysed} analysed, ${outcomes.fallback} questionnaire fallbacks, ${outcomes.paid} paid, ${outcomes.notPaid} not paid`,
    );
    console.log(
      `health at end: ${health.status}${health.reasons.length ? ` (${health.reasons.join(', ')})` : ''}`,
    );
    const verdict = (v: number) => (v <= 0.05 ? 'within' : 'OVER');
    console.log(
      `target ≤ 5 %: session p95 drift ${(sessionDrift * 100).toFixed(1)} % (${verdict(sessionDrift)}), ` +
        `session CPU p95 drift ${(cpuDrift * 100).toFixed(1)} % (${verdict(cpuDrift)}), ` +
        `rss growth ${(rssGrowth * 100).toFixed(1)} % (${verdict(rssGrowth)})`,
    );
    console.log(
      `machine: ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : String(err));
    process.exit(1);
  },
);
