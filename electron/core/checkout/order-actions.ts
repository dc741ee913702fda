import type { OrderLog, OrderPatch, OrderRecord } from './order-log-port';
import { pathTo, type OrderStatus } from './order-state-machine';
import { kioskMessage } from './payment-messages';
import {
  GatewayError,
  isUnreachable,
  type GatewayIntent,
  type IntentRequest,
  type TerminalGateway,
} from './terminal-gateway-port';

/** What every payment step needs: the provider, the log and who this kiosk is. */
export interface PaymentContext {
  gateway: TerminalGateway;
  log: OrderLog;
  readerId: string;
  storeId: string;
  kioskId: string;
}

/**
 * Idempotency keys derived from the order, so a retry or a replay after a crash can never create a
 * second PaymentIntent, capture twice or refund twice. Reader attempts are numbered: offering the
 * same intent again after a decline is a new request.
 */
export const idempotencyKeys = {
  create: (orderId: string) => `${orderId}:create`,
  process: (orderId: string, attempt: number) => `${orderId}:process:${attempt}`,
  capture: (orderId: string) => `${orderId}:capture`,
  cancel: (orderId: string) => `${orderId}:cancel`,
  refund: (orderId: string) => `${orderId}:refund`,
};

/** The create parameters are a pure function of the order, so a replay sends identical ones. */
export function intentRequest(order: OrderRecord, ctx: PaymentContext): IntentRequest {
  return {
    amountMinor: order.totalMinor,
    currency: order.currency,
    description: `Skin Kiosk order ${order.orderId}`,
    metadata: { order_id: order.orderId, store_id: ctx.storeId, kiosk_id: ctx.kioskId },
  };
}

/** Moves an order to `status` through every allowed intermediate status, recording each. */
export function moveTo(
  log: OrderLog,
  order: OrderRecord,
  status: OrderStatus,
  patch: OrderPatch = {},
): OrderRecord {
  let current = order;
  const steps = pathTo(order.status, status);
  if (steps.length === 0) return log.update(order.orderId, patch);
  steps.forEach((step, i) => {
    current = log.update(
      order.orderId,
      i === steps.length - 1 ? { ...patch, status: step } : { status: step },
    );
  });
  return current;
}

/** Creates the order's PaymentIntent (or gets the one an earlier, interrupted call created). */
export async function ensureIntent(ctx: PaymentContext, order: OrderRecord): Promise<OrderRecord> {
  if (order.paymentIntentId) return order;
  const pending =
    order.pending === 'create_intent' ? order : ctx.log.update(order.orderId, { pending: 'create_intent' });
  const intent = await ctx.gateway.createIntent(
    intentRequest(pending, ctx),
    idempotencyKeys.create(order.orderId),
  );
  return ctx.log.update(order.orderId, {
    status: 'intent_created',
    paymentIntentId: intent.id,
    pending: null,
  });
}

/** Records a captured intent (the only way an order becomes `captured`). */
export function recordCaptured(ctx: PaymentContext, order: OrderRecord, intent: GatewayIntent): OrderRecord {
  return moveTo(ctx.log, order, 'captured', {
    pending: null,
    receiptUrl: intent.receiptUrl,
    lastError: null,
    lastReason: null,
  });
}

/**
 * Cancels an order: stops the reader if it is collecting for this intent, then cancels the intent
 * (releasing any authorisation). An intent whose id never reached the log was never offered to a
 * reader, so it cannot hold money and needs no remote call. When Stripe cannot be reached the order
 * is canceled locally and keeps `cancel` pending for the reconciler. An intent that turns out to be
 * captured already is recorded as captured instead: the log follows what really happened.
 */
export async function cancelOrder(
  ctx: PaymentContext,
  order: OrderRecord,
  reason: string,
  finalStatus: 'canceled' | 'failed' = 'canceled',
): Promise<OrderRecord> {
  const message = kioskMessage(reason);
  const end = { status: finalStatus, message, reason };
  const piId = order.paymentIntentId;
  if (!piId)
    return moveTo(ctx.log, order, finalStatus, { pending: null, lastError: message, lastReason: reason });
  if (order.pending === 'capture') {
    // A capture may have landed: never overwrite that with a cancel before Stripe says which.
    const intent = await ctx.gateway.retrieveIntent(piId);
    if (intent.status === 'succeeded') return recordCaptured(ctx, order, intent);
  }
  let current = ctx.log.update(order.orderId, { pending: 'cancel' });
  try {
    await stopReaderFor(ctx, piId);
    const intent = await ctx.gateway.cancelIntent(piId, idempotencyKeys.cancel(order.orderId));
    return finishCancel(ctx, current, intent, end);
  } catch (err) {
    if (err instanceof GatewayError && err.kind === 'invalid') {
      // Not cancelable: it was canceled already, or it got captured. Ask Stripe which.
      const intent = await ctx.gateway.retrieveIntent(piId);
      return finishCancel(ctx, current, intent, end);
    }
    if (!isUnreachable(err)) throw err;
    if (!isClosed(current))
      current = moveTo(ctx.log, current, finalStatus, { lastError: message, lastReason: reason });
    return current;
  }
}

interface CancelEnd {
  status: 'canceled' | 'failed';
  message: string;
  reason: string;
}

const isClosed = (order: OrderRecord) => order.status === 'canceled' || order.status === 'failed';

function finishCancel(
  ctx: PaymentContext,
  order: OrderRecord,
  intent: GatewayIntent,
  end: CancelEnd,
): OrderRecord {
  if (intent.status === 'succeeded') return recordCaptured(ctx, order, intent);
  if (intent.status !== 'canceled')
    throw new GatewayError('invalid', `intent ${intent.id} is ${intent.status} after cancel`);
  if (isClosed(order)) return ctx.log.update(order.orderId, { pending: null });
  return moveTo(ctx.log, order, end.status, {
    pending: null,
    lastError: end.message,
    lastReason: end.reason,
  });
}

/**
 * Cancels the reader's action if, and only if, it is collecting for this intent. Reader-side
 * refusals (offline, busy, already finished) are ignored: cancelling the intent is what settles
 * the money, and a reader that comes back finds its intent canceled.
 */
export async function stopReaderFor(ctx: PaymentContext, intentId: string): Promise<void> {
  try {
    const reader = await ctx.gateway.retrieveReader(ctx.readerId);
    if (reader.action?.status !== 'in_progress' || reader.action.paymentIntentId !== intentId) return;
    await ctx.gateway.cancelReaderAction(ctx.readerId);
  } catch (err) {
    if (isUnreachable(err) || !(err instanceof GatewayError)) throw err;
  }
}
