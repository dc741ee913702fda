import type { OrderLog, OrderPatch, OrderRecord } from './order-log-port';
import { pathTo, type OrderStatus } from './order-state-machine';
import { kioskMessage } from './payment-messages';
import {
  isUnreachable,
  ProviderError,
  type CardPayment,
  type CardPaymentProvider,
  type CardPaymentRequest,
} from './card-payment-port';

/** What every payment step needs: the provider (with its card reader), the log and who this kiosk is. */
export interface PaymentContext {
  provider: CardPaymentProvider;
  log: OrderLog;
  storeId: string;
  kioskId: string;
}

/**
 * Idempotency keys derived from the order, so a retry or a replay after a crash can never open a
 * second card payment, capture twice or refund twice. Reader attempts are numbered: offering the
 * same payment again after a decline is a new request.
 */
export const idempotencyKeys = {
  create: (orderId: string) => `${orderId}:create`,
  process: (orderId: string, attempt: number) => `${orderId}:process:${attempt}`,
  capture: (orderId: string) => `${orderId}:capture`,
  cancel: (orderId: string) => `${orderId}:cancel`,
  refund: (orderId: string) => `${orderId}:refund`,
};

/** The request is a pure function of the order, so a replay sends an identical one. */
function paymentRequest(order: OrderRecord, ctx: PaymentContext): CardPaymentRequest {
  return {
    orderId: order.orderId,
    amountMinor: order.totalMinor,
    currency: order.currency,
    description: `Skin Kiosk order ${order.orderId}`,
    storeId: ctx.storeId,
    kioskId: ctx.kioskId,
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

/** Opens the order's card payment (or gets the one an earlier, interrupted call opened). */
export async function ensurePayment(ctx: PaymentContext, order: OrderRecord): Promise<OrderRecord> {
  if (order.paymentRef) return order;
  const pending =
    order.pending === 'create_intent' ? order : ctx.log.update(order.orderId, { pending: 'create_intent' });
  const payment = await ctx.provider.startPayment(
    paymentRequest(pending, ctx),
    idempotencyKeys.create(order.orderId),
  );
  return ctx.log.update(order.orderId, {
    status: 'intent_created',
    paymentRef: payment.id,
    pending: null,
  });
}

/** Records a captured payment (the only way an order becomes `captured`). */
export function recordCaptured(ctx: PaymentContext, order: OrderRecord, payment: CardPayment): OrderRecord {
  return moveTo(ctx.log, order, 'captured', {
    pending: null,
    receiptUrl: payment.receiptUrl,
    lastError: null,
    lastReason: null,
  });
}

/**
 * Cancels an order: stops the reader if it is collecting for this payment, then cancels the payment
 * (releasing any hold on the card). A payment whose id never reached the log was never offered to a
 * reader, so it cannot hold money and needs no remote call. When the provider cannot be reached the
 * order is canceled locally and keeps `cancel` pending for the reconciler. A payment that turns out
 * to be captured already is recorded as captured instead: the log follows what really happened.
 */
export async function cancelOrder(
  ctx: PaymentContext,
  order: OrderRecord,
  reason: string,
  finalStatus: 'canceled' | 'failed' = 'canceled',
): Promise<OrderRecord> {
  const message = kioskMessage(reason);
  const end = { status: finalStatus, message, reason };
  const paymentId = order.paymentRef;
  if (!paymentId)
    return moveTo(ctx.log, order, finalStatus, { pending: null, lastError: message, lastReason: reason });
  if (order.pending === 'capture') {
    // A capture may have landed: never overwrite that with a cancel before the provider says which.
    const payment = await ctx.provider.getPayment(paymentId);
    if (payment.state === 'captured') return recordCaptured(ctx, order, payment);
  }
  let current = ctx.log.update(order.orderId, { pending: 'cancel' });
  try {
    await stopReaderFor(ctx, paymentId);
    const payment = await ctx.provider.cancelPayment(paymentId, idempotencyKeys.cancel(order.orderId));
    return finishCancel(ctx, current, payment, end);
  } catch (err) {
    if (err instanceof ProviderError && err.kind === 'refused') {
      // Not cancelable: it was canceled already, or it got captured. Ask the provider which.
      const payment = await ctx.provider.getPayment(paymentId);
      return finishCancel(ctx, current, payment, end);
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
  payment: CardPayment,
  end: CancelEnd,
): OrderRecord {
  if (payment.state === 'captured') return recordCaptured(ctx, order, payment);
  if (payment.state !== 'canceled')
    throw new ProviderError('refused', `payment ${payment.id} is ${payment.state} after cancel`);
  if (isClosed(order)) return ctx.log.update(order.orderId, { pending: null });
  return moveTo(ctx.log, order, end.status, {
    pending: null,
    lastError: end.message,
    lastReason: end.reason,
  });
}

/**
 * Stops the reader if, and only if, it is collecting for this payment. Reader-side refusals
 * (offline, busy, already finished) are ignored: cancelling the payment is what settles the money,
 * and a reader that comes back finds its payment canceled.
 */
async function stopReaderFor(ctx: PaymentContext, paymentId: string): Promise<void> {
  try {
    const reader = await ctx.provider.readerStatus();
    if (reader.activity?.state !== 'collecting' || reader.activity.paymentId !== paymentId) return;
    await ctx.provider.stopReader();
  } catch (err) {
    if (isUnreachable(err) || !(err instanceof ProviderError)) throw err;
  }
}
