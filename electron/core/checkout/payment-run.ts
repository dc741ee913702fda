import type { PaymentPhase } from '../../shared/schemas/checkout-schemas';
import {
  cancelOrder,
  ensureIntent,
  idempotencyKeys,
  recordCaptured,
  type PaymentContext,
} from './order-actions';
import type { OrderRecord } from './order-log-port';
import { declineMessage } from './payment-messages';
import { GatewayError, isUnreachable, type GatewayIntent } from './terminal-gateway-port';

export interface PaymentTimings {
  /** How often the reader is polled while it waits for a card. */
  pollIntervalMs: number;
  /** After this long with no card the kiosk cancels the reader action. */
  cardWaitTimeoutMs: number;
  /** Waits between offers of the same intent to a busy, offline or silent reader. */
  readerRetryDelaysMs: readonly number[];
  /** How long polling may fail to reach Stripe before the kiosk offers "pay at the counter". */
  networkGraceMs: number;
  /** Waits between capture retries (same idempotency key, so a retry cannot capture twice). */
  captureRetryDelaysMs: readonly number[];
}

export interface Clock {
  now(): number;
  /** Resolves after `ms`, or early when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface RunEnv {
  ctx: PaymentContext;
  timings: PaymentTimings;
  clock: Clock;
  report(order: OrderRecord, phase: PaymentPhase, reason?: string | null, message?: string | null): void;
}

/** How the kiosk asks a running payment to stop. */
export interface RunControl {
  /** Aborts sleeps early when the shopper cancels or the kiosk shuts down. */
  readonly signal: AbortSignal;
  /** The shopper canceled: cancel at the reader and at Stripe. */
  cancelRequested(): boolean;
  /** The kiosk is shutting down: stop without touching the order; the reconciler settles it. */
  halted(): boolean;
}

class Halted extends Error {}

const checkpoint = (control: RunControl) => {
  if (control.halted()) throw new Halted('halted');
};

type CardOutcome =
  | { kind: 'authorized' }
  | { kind: 'captured'; intent: GatewayIntent }
  | { kind: 'declined'; declineCode: string | null }
  | { kind: 'canceled'; reason: string }
  | { kind: 'idle' }
  | { kind: 'lost' };

class ReaderUnavailable extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

const READER_RETRYABLE = new Set(['reader_busy', 'reader_offline', 'reader_timeout', 'network', 'server']);

/**
 * One payment attempt, driven by the order's status so it can resume anywhere: create the intent,
 * offer it to the reader, wait for the card, capture. Reports every phase; never throws.
 */
export async function runPayment(env: RunEnv, start: OrderRecord, control: RunControl): Promise<void> {
  const { ctx } = env;
  let order = start;
  try {
    env.report(order, 'creating');
    order = await ensureIntent(ctx, order);
    let offeredAgain = false;
    for (;;) {
      checkpoint(control);
      if (control.cancelRequested()) return finishCanceled(env, order, 'canceled');
      if (order.status === 'intent_created') order = await offerToReader(env, order, control);
      if (control.cancelRequested()) continue;
      env.report(order, 'waiting_for_card');
      const outcome = await waitForCard(env, order, control);
      switch (outcome.kind) {
        case 'authorized':
          return await capture(env, order, control);
        case 'captured':
          return env.report(recordCaptured(ctx, order, outcome.intent), 'succeeded');
        case 'declined': {
          const message = declineMessage(outcome.declineCode);
          const reason = outcome.declineCode ?? 'generic_decline';
          order = ctx.log.update(order.orderId, {
            status: 'intent_created',
            pending: null,
            lastError: message,
            lastReason: reason,
          });
          return env.report(order, 'declined', reason, message);
        }
        case 'canceled':
          return await finishCanceled(env, order, outcome.reason);
        case 'lost':
          // The outcome is unknown; the order stays `processing` and the reconciler settles it.
          return env.report(order, 'reader_offline', 'network');
        case 'idle':
          if (offeredAgain) throw new GatewayError('invalid', 'the reader dropped the payment twice');
          offeredAgain = true;
          order = ctx.log.update(order.orderId, { status: 'intent_created', pending: null });
      }
    }
  } catch (err) {
    if (!(err instanceof Halted)) await handleFailure(env, order, err);
  }
}

async function finishCanceled(env: RunEnv, order: OrderRecord, reason: string): Promise<void> {
  const done = await cancelOrder(env.ctx, order, reason);
  env.report(
    done,
    done.status === 'captured' ? 'succeeded' : 'canceled',
    done.status === 'captured' ? null : reason,
  );
}

async function handleFailure(env: RunEnv, order: OrderRecord, err: unknown): Promise<void> {
  const { log } = env.ctx;
  const latest = log.get(order.orderId) ?? order;
  if (err instanceof ReaderUnavailable || (isUnreachable(err) && latest.status !== 'processing')) {
    // Pay at the counter. The order keeps its intent so a retry offers the same one again.
    const reason = err instanceof ReaderUnavailable ? err.reason : 'network';
    const next =
      latest.status === 'processing'
        ? log.update(latest.orderId, { status: 'intent_created', pending: null })
        : latest;
    return env.report(next, 'reader_offline', reason);
  }
  try {
    const done = await cancelOrder(env.ctx, latest, 'failed', 'failed');
    env.report(
      done,
      done.status === 'captured' ? 'succeeded' : 'failed',
      done.status === 'captured' ? null : 'failed',
    );
  } catch {
    env.report(log.get(order.orderId) ?? latest, 'failed', 'failed');
  }
}

/** Offers the intent to the reader, retrying busy/offline/silent readers with the SAME intent. */
async function offerToReader(env: RunEnv, order: OrderRecord, control: RunControl): Promise<OrderRecord> {
  const { ctx, timings, clock } = env;
  const piId = order.paymentIntentId as string;
  let current = order;
  let lastReason = 'reader_offline';
  for (let i = 0; i <= timings.readerRetryDelaysMs.length; i++) {
    checkpoint(control);
    if (control.cancelRequested()) return current;
    current = ctx.log.update(order.orderId, {
      status: 'processing',
      pending: 'process',
      attempts: current.attempts + 1,
    });
    try {
      await ctx.gateway.processIntent(
        ctx.readerId,
        piId,
        idempotencyKeys.process(order.orderId, current.attempts),
      );
      return ctx.log.update(order.orderId, { pending: null });
    } catch (err) {
      if (!(err instanceof GatewayError) || !READER_RETRYABLE.has(err.kind)) throw err;
      lastReason = err.kind === 'server' ? 'network' : err.kind;
      // An earlier attempt may have reached the reader after all: then it is already ours.
      if (await readerCollectingFor(env, piId)) return ctx.log.update(order.orderId, { pending: null });
    }
    const delay = timings.readerRetryDelaysMs[i];
    if (delay !== undefined) await clock.sleep(delay, control.signal);
  }
  throw new ReaderUnavailable(lastReason);
}

async function readerCollectingFor(env: RunEnv, piId: string): Promise<boolean> {
  try {
    const reader = await env.ctx.gateway.retrieveReader(env.ctx.readerId);
    return reader.action?.status === 'in_progress' && reader.action.paymentIntentId === piId;
  } catch {
    return false;
  }
}

async function waitForCard(env: RunEnv, order: OrderRecord, control: RunControl): Promise<CardOutcome> {
  const { timings, clock } = env;
  const piId = order.paymentIntentId as string;
  const started = clock.now();
  let lastContact = started;
  for (;;) {
    checkpoint(control);
    if (control.cancelRequested()) return { kind: 'canceled', reason: 'canceled' };
    try {
      const outcome = await observe(env, piId);
      lastContact = clock.now();
      if (outcome) return outcome;
      if (clock.now() - started > timings.cardWaitTimeoutMs) return { kind: 'canceled', reason: 'timeout' };
    } catch (err) {
      if (!isUnreachable(err)) throw err;
      if (clock.now() - lastContact > timings.networkGraceMs) return { kind: 'lost' };
    }
    await clock.sleep(timings.pollIntervalMs, control.signal);
  }
}

/** One look at the reader (and the intent when the reader has moved on); null while still waiting. */
async function observe(env: RunEnv, piId: string): Promise<CardOutcome | null> {
  const { gateway, readerId } = env.ctx;
  const action = (await gateway.retrieveReader(readerId)).action;
  if (action && action.paymentIntentId === piId) {
    if (action.status === 'in_progress') return null;
    if (action.status === 'succeeded') return { kind: 'authorized' };
    if (action.failureCode === 'card_declined') return { kind: 'declined', declineCode: action.declineCode };
    return { kind: 'canceled', reason: 'canceled' };
  }
  const intent = await gateway.retrieveIntent(piId);
  if (intent.status === 'requires_capture') return { kind: 'authorized' };
  if (intent.status === 'succeeded') return { kind: 'captured', intent };
  if (intent.status === 'canceled') return { kind: 'canceled', reason: 'canceled' };
  return { kind: 'idle' };
}

async function capture(env: RunEnv, order: OrderRecord, control: RunControl): Promise<void> {
  const { ctx, timings, clock } = env;
  if (control.cancelRequested()) return finishCanceled(env, order, 'canceled');
  env.report(order, 'processing');
  const pending = ctx.log.update(order.orderId, { pending: 'capture' });
  const piId = order.paymentIntentId as string;
  for (let i = 0; ; i++) {
    try {
      const intent = await ctx.gateway.captureIntent(piId, idempotencyKeys.capture(order.orderId));
      return env.report(recordCaptured(ctx, pending, intent), 'succeeded');
    } catch (err) {
      if (!isUnreachable(err)) throw err;
      const delay = timings.captureRetryDelaysMs[i];
      // Still unknown: the order keeps `capture` pending and the reconciler asks Stripe later.
      if (delay === undefined) return env.report(pending, 'failed', 'network');
      await clock.sleep(delay);
    }
  }
}
