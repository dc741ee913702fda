import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  startStripeEmulator,
  type EmulatorRequestEvent,
  type StripeEmulator,
} from '../../../electron/stripe-emulator/stripe-emulator-server';
import { API_KEY } from './payment-harness';

/**
 * kill -9 at every step of a payment, then a restart that reconciles with Stripe (the emulator,
 * which outlives the kiosk just as Stripe does). After every trial: one PaymentIntent per order at
 * most, no order with more than one captured intent, every captured intent has a completed order,
 * no authorisation left hanging, no order left unfinished, and the order log passes integrity_check.
 */
const CHILD = path.join(__dirname, 'payment-child.ts');

interface KillPoint {
  /** Which request to act on, and at which stage of the emulator's handling. */
  matches(event: EmulatorRequestEvent, emulator: StripeEmulator): boolean;
  /** `before`: the request is dropped, as if the process died just before sending it. */
  drop: boolean;
}

const request = (
  method: string,
  pattern: RegExp,
  stage: EmulatorRequestEvent['stage'],
  nth = 1,
): KillPoint => {
  let seen = 0;
  return {
    drop: stage === 'received',
    matches: (e) => e.method === method && pattern.test(e.path) && e.stage === stage && ++seen === nth,
  };
};

/** Each step, and what the order must end as once the restarted kiosk has reconciled it. */
const STEPS: Record<
  string,
  { kill: () => KillPoint | null; final: string; mode?: string; autoTapMs?: number | null }
> = {
  'before create': { kill: () => request('POST', /^\/v1\/payment_intents$/, 'received'), final: 'canceled' },
  'after create, answer lost': {
    kill: () => request('POST', /^\/v1\/payment_intents$/, 'processed'),
    final: 'canceled',
  },
  'before process': { kill: () => request('POST', /process_payment_intent$/, 'received'), final: 'canceled' },
  'after process, answer lost': {
    kill: () => request('POST', /process_payment_intent$/, 'processed'),
    final: 'canceled',
  },
  'polling, no card yet': {
    kill: () => request('GET', /^\/v1\/terminal\/readers\/tmr_\w+$/, 'received', 3),
    final: 'canceled',
    autoTapMs: null,
  },
  // Authorised but never shown as paid: the hold is released, the shopper is not charged.
  'polling, card authorised': {
    final: 'canceled',
    kill: () => ({
      drop: false,
      matches: (e, emu) =>
        e.method === 'GET' &&
        e.stage === 'processed' &&
        /readers\/tmr_/.test(e.path) &&
        [...emu.store.readers.values()][0]?.action?.status === 'succeeded',
    }),
  },
  'before capture': { kill: () => request('POST', /capture$/, 'received'), final: 'canceled' },
  // Stripe captured: the order is completed, never charged again.
  'after capture, answer lost': { kill: () => request('POST', /capture$/, 'processed'), final: 'captured' },
  // The refund was written down before the call, so the restart finishes it.
  'before refund': {
    kill: () => request('POST', /^\/v1\/refunds$/, 'received'),
    final: 'refunded',
    mode: 'pay-refund',
  },
  'after refund, answer lost': {
    kill: () => request('POST', /^\/v1\/refunds$/, 'processed'),
    final: 'refunded',
    mode: 'pay-refund',
  },
};

const TRIALS_PER_STEP = 2;
const RANDOM_TRIALS = 6;
const tally = { trials: 0, killed: 0, outcomes: {} as Record<string, number> };

function runChild(
  args: string[],
  onStdout?: (line: Record<string, unknown>) => void,
): { child: ChildProcess; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let buffer = '';
  let errors = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (line.startsWith('{')) onStdout?.(JSON.parse(line) as Record<string, unknown>);
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => void (errors += chunk.toString()));
  const exit = new Promise<number | null>((resolve) =>
    child.on('exit', (code, signal) => {
      if (code !== 0 && signal !== 'SIGKILL') process.stderr.write(errors);
      resolve(signal === 'SIGKILL' ? null : code);
    }),
  );
  return { child, exit };
}

async function trial(options: {
  kill: KillPoint | null;
  mode: string;
  autoTapMs: number | null;
  randomKillMs?: number;
}) {
  let child: ChildProcess | null = null;
  let killed = false;
  const killNow = async () => {
    if (!child || killed) return;
    killed = true;
    const gone = new Promise((r) => child?.once('exit', r));
    child.kill('SIGKILL');
    await gone;
  };
  const emulator = await startStripeEmulator({
    apiKey: API_KEY,
    processingDelayMs: 15,
    autoPresent: options.autoTapMs === null ? null : { card: 'success', afterMs: options.autoTapMs },
    onRequest: async (event) => {
      if (killed || !options.kill?.matches(event, emulator)) return;
      if (options.kill.drop) emulator.faults.dropConnections(1, new RegExp(`^${event.path}$`));
      await killNow();
    },
  });
  try {
    const readerId = emulator.createReader().id;
    const dataDir = mkdtempSync(path.join(tmpdir(), 'kiosk-crash-'));
    const args = [dataDir, String(emulator.port), readerId];
    const pay = runChild([options.mode, ...args], (line) => {
      if (line.ready && options.randomKillMs !== undefined)
        setTimeout(() => void killNow(), options.randomKillMs);
    });
    child = pay.child;
    const payExit = await pay.exit;
    expect(killed || payExit === 0).toBe(true);

    let report: Record<string, number> | null = null;
    const restart = runChild(
      ['reconcile', ...args],
      (line) => void (report = (line.report as Record<string, number>) ?? report),
    );
    expect(await restart.exit).toBe(0);
    expect(report).not.toBeNull();
    const final = checkInvariants(emulator, path.join(dataDir, 'orders.sqlite'));
    tally.trials += 1;
    if (killed) tally.killed += 1;
    tally.outcomes[final] = (tally.outcomes[final] ?? 0) + 1;
    return { killed, final };
  } finally {
    await killNow();
    await emulator.stop();
  }
}

/** Checks every invariant and returns the order's final status. */
function checkInvariants(emulator: StripeEmulator, dbFile: string): string {
  const db = new Database(dbFile, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const orders = db.prepare('SELECT order_id, status, pending, payment_intent_id FROM orders').all() as {
      order_id: string;
      status: string;
      pending: string | null;
      payment_intent_id: string | null;
    }[];
    const intents = emulator.paymentIntents();
    for (const order of orders) {
      const mine = intents.filter((pi) => pi.metadata.order_id === order.order_id);
      expect(mine.length).toBeLessThanOrEqual(1);
      expect(mine.filter((pi) => pi.status === 'succeeded').length).toBeLessThanOrEqual(1);
      // Settled: nothing open, nothing pending.
      expect(['captured', 'canceled', 'failed', 'refunded']).toContain(order.status);
      expect(order.pending).toBeNull();
      if (order.payment_intent_id) expect(mine[0]?.id).toBe(order.payment_intent_id);
    }
    for (const pi of intents) {
      const order = orders.find((o) => o.order_id === pi.metadata.order_id);
      expect(order).toBeDefined();
      // No hold left on anyone's card.
      expect(['requires_capture', 'processing']).not.toContain(pi.status);
      if (pi.status === 'succeeded') {
        const charge = emulator.store.charges.get(pi.latest_charge ?? '');
        expect(order?.status).toBe(charge?.refunded ? 'refunded' : 'captured');
      } else {
        expect(['canceled', 'failed']).toContain(order?.status);
      }
    }
    for (const refundOrder of orders.filter((o) => o.status === 'refunded')) {
      expect(
        [...emulator.store.refunds.values()].filter(
          (r) => r.payment_intent === refundOrder.payment_intent_id,
        ),
      ).toHaveLength(1);
    }
    expect(orders.length).toBeLessThanOrEqual(1);
    return orders[0]?.status ?? 'none';
  } finally {
    db.close();
  }
}

describe.sequential('kill -9 at every step of a payment, then restart and reconcile', () => {
  afterAll(() => {
    console.log(
      `crash trials: ${tally.trials} run, ${tally.killed} killed mid-payment, outcomes ${JSON.stringify(tally.outcomes)}`,
    );
  });

  for (const [step, plan] of Object.entries(STEPS)) {
    it(`${step} (${TRIALS_PER_STEP} trials)`, async () => {
      for (let i = 0; i < TRIALS_PER_STEP; i++) {
        const { killed, final } = await trial({
          kill: plan.kill(),
          mode: plan.mode ?? 'pay',
          autoTapMs: plan.autoTapMs === undefined ? 30 : plan.autoTapMs,
        });
        expect(killed).toBe(true);
        expect(final).toBe(plan.final);
      }
    }, 120_000);
  }

  it(`at random moments (${RANDOM_TRIALS} trials)`, async () => {
    for (let i = 0; i < RANDOM_TRIALS; i++) {
      await trial({
        kill: null,
        mode: i % 2 ? 'pay-refund' : 'pay',
        autoTapMs: 40,
        randomKillMs: Math.floor(Math.random() * 250),
      });
    }
  }, 180_000);

  it('counts the trials', () => {
    expect(tally.trials).toBe(Object.keys(STEPS).length * TRIALS_PER_STEP + RANDOM_TRIALS);
    expect(tally.killed).toBeGreaterThanOrEqual(Object.keys(STEPS).length * TRIALS_PER_STEP);
  });
});
