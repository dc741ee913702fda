/**
 * Drives whole shopper sessions through the kiosk's own runtime (createKioskRuntime, contract parsing
 * included), as the soak bench and the short soak test in `npm test` both need: start → live
 * guidance on three preview frames → analysis of a real face photo (one in ten has several faces
 * and falls back to the questionnaire profile, as the renderer does) → routine → shade match → cart
 * price → links with QR codes → "save my results" → card payment on the demo reader → end. The fleet services run alongside as in the app
 * (JSON-lines log, metrics fed by events and the timed analysis handler).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { KioskConfigSchema } from '../../electron/core/config/kiosk-config-schema';
import type { EventName } from '../../electron/shared/ipc-contract';
import type { Result } from '../../electron/shared/result';
import type { AnalysisResult, Frame } from '../../electron/shared/schemas/analysis-schemas';
import type { RgbaImage } from '../../electron/core/vision/image-types';
import type { Routine } from '../../electron/shared/schemas/catalog-schemas';
import type { PaymentState } from '../../electron/shared/schemas/checkout-schemas';
import type { SkinProfile } from '../../electron/shared/schemas/skin-profile-schemas';
import type { QuestionnaireAnswers } from '../../electron/shared/schemas/questionnaire-schemas';
import { decodeImage } from '../../electron/adapters/inference/image-decoder-adapter';
import type { KioskRuntime } from '../../electron/services/kiosk-runtime';
import { startTestRuntime } from './test-runtime';

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
const FINAL_PHASES = new Set(['succeeded', 'declined', 'canceled', 'reader_offline', 'failed']);

/** Milliseconds each stage took (0 for stages a session did not reach). */
export interface SessionTimes {
  /** Session start, live guidance on preview frames, analysis of the captured frame. */
  analysis: number;
  routine: number;
  cart: number;
  payment: number;
  session: number;
}

/**
 * How the shopper leaves: `paid` goes all the way; the others walk away where shoppers do — at the
 * routine (the idle timer ends it), after saving results (the next shopper presses "start" and then
 * declines consent), or at the reader while it waits for a card (the open payment is canceled).
 */
export type SessionEnding = 'paid' | 'idle-at-routine' | 'started-over' | 'left-at-reader';

interface SessionOutcome {
  times: SessionTimes;
  analysed: boolean;
  paid: boolean;
}

export interface SoakDriver {
  readonly runtime: KioskRuntime;
  /** The provider that ran the last analysis (`none` before the first). */
  readonly executionProvider: string;
  readonly photoCount: number;
  /** Runs session number `i` (the photo and the answers rotate with it). */
  session(i: number, ending?: SessionEnding): Promise<SessionOutcome>;
  health(): Promise<{ status: string; reasons: string[] }>;
  dispose(): Promise<void>;
}

/** Builds a demo-payment kiosk in a temporary data folder; `root` is the repository root. */
export async function startSoakDriver(root: string): Promise<SoakDriver> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kiosk-soak-'));
  const config = KioskConfigSchema.parse({
    analysis: { executionProviders: ['cpu'] },
    links: {
      allowedHosts: ['shop.example', 'results.example.com'],
      resultsPageUrl: 'https://results.example.com/r/',
      cart: { kind: 'query', template: 'https://shop.example/cart/add?sku={sku}&qty={qty}' },
    },
    monitoring: { metricsPort: null },
  });
  const runtime = await startTestRuntime(dataDir, {
    config,
    version: 'soak',
    payments: {
      demoAutoTap: { card: 'success', afterMs: 0 },
      demoProcessingDelayMs: 5,
      timings: { pollIntervalMs: 20 },
      reconcileIntervalMs: 0,
    },
  });
  const dispose = async () => {
    await runtime.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    return await drive(runtime, root, dispose);
  } catch (err) {
    await dispose();
    throw err;
  }
}

async function drive(runtime: KioskRuntime, root: string, dispose: () => Promise<void>): Promise<SoakDriver> {
  const invoke = async <T>(channel: string, input: unknown): Promise<Result<T>> =>
    (await runtime.invoke(channel, input)) as Result<T>;
  const must = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await invoke<T>(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  const finals = new Map<string, (s: PaymentState) => void>();
  const unsubscribe = runtime.subscribe((event: EventName, payload) => {
    const state = payload as PaymentState;
    if (event === 'payment:state' && FINAL_PHASES.has(state.phase)) finals.get(state.orderId)?.(state);
  });

  await runtime.analysisReady;
  const faces = path.resolve(root, '../shared/data/faces');
  const load = (file: string) => decodeImage(new Uint8Array(readFileSync(path.join(faces, file))));
  const frames = await Promise.all(SINGLE_FACE.map(load));
  const group = await load(GROUP_PHOTO);
  let executionProvider = 'none';

  const finalState = (orderId: string) =>
    new Promise<PaymentState>((resolve) => {
      finals.set(orderId, resolve);
      void invoke<PaymentState>('payment:state', { orderId }).then((r) => {
        if (r.ok && FINAL_PHASES.has(r.value.phase)) resolve(r.value);
      });
    }).finally(() => finals.delete(orderId));
  // The renderer's guidance loop sends small frames (longest side 320 px) until the face is ready;
  // each session sends three.
  const preview = (frame: RgbaImage): Frame => {
    const scale = 320 / Math.max(frame.width, frame.height);
    const width = Math.round(frame.width * scale);
    const height = Math.round(frame.height * scale);
    const data = new Uint8Array(width * height * 4);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const from = (Math.floor(y / scale) * frame.width + Math.floor(x / scale)) * 4;
        data.set(frame.data.subarray(from, from + 4), (y * width + x) * 4);
      }
    return { width, height, data };
  };
  const previews = new Map([...frames, group].map((f) => [f, preview(f)]));

  return {
    runtime,
    get executionProvider() {
      return executionProvider;
    },
    photoCount: frames.length + 1,
    async session(i, ending = 'paid') {
      const times: SessionTimes = { analysis: 0, routine: 0, cart: 0, payment: 0, session: 0 };
      const t0 = performance.now();
      let mark = t0;
      const lap = (stage: keyof SessionTimes) => {
        const now = performance.now();
        times[stage] = now - mark;
        mark = now;
      };
      await must('session:start', {});
      const frame = i % 10 === 9 ? group : (frames[i % frames.length] ?? group);
      for (let n = 0; n < 3; n++) await must('analysis:preview-frame', previews.get(frame));
      const answers = ANSWERS[i % ANSWERS.length] ?? {};
      const analysed = await invoke<AnalysisResult>('analysis:analyze', { frame, answers });
      const profile = analysed.ok
        ? analysed.value.profile
        : await must<SkinProfile>('analysis:from-answers', { answers });
      executionProvider = profile.meta?.executionProvider ?? executionProvider;
      lap('analysis');
      const routine = await must<Routine>('catalog:recommend', { profile, answers, budgetMinor: null });
      if (profile.tone)
        await must('catalog:shade-match', { lab: profile.tone.lab, step: 'foundation', shift: 0 });
      lap('routine');
      let paid = false;
      if (ending === 'idle-at-routine') await must('session:end', { reason: 'idle' });
      else {
        const skus = routine.slots
          .filter((s) => !s.optional)
          .map((s) => s.picks[0]?.product.sku)
          .filter((s): s is string => Boolean(s))
          .slice(0, 4);
        const cart = { items: skus.map((sku) => ({ sku, quantity: 1 })) };
        await must('checkout:price', cart);
        await must('checkout:links', cart);
        await must('checkout:save-results', { profile, skus });
        lap('cart');
        if (ending === 'started-over') {
          await must('session:start', {});
          await must('session:end', { reason: 'declined_consent' });
        } else {
          const { orderId } = await must<PaymentState>('payment:start', cart);
          if (ending === 'left-at-reader') await must('session:end', { reason: 'idle' });
          paid = (await finalState(orderId)).phase === 'succeeded';
          lap('payment');
          if (ending === 'paid') await must('session:end', { reason: 'completed' });
        }
      }
      times.session = performance.now() - t0;
      return { times, analysed: analysed.ok, paid };
    },
    health: () => must<{ status: string; reasons: string[] }>('system:health', {}),
    async dispose() {
      unsubscribe();
      await dispose();
    },
  };
}
