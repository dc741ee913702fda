import { cancelOrder, idempotencyKeys, moveTo, recordCaptured, type PaymentContext } from './order-actions';
import type { OrderRecord } from './order-log-port';
import { ProviderError } from './card-payment-port';

export interface ReconcileReport {
  checked: number;
  captured: number;
  canceled: number;
  refunded: number;
  /** Orders left as they were because the provider could not be reached; tried again next time. */
  unresolved: number;
}

/**
 * Settles every unfinished order with what the provider says happened (at start-up, and from time
 * to time for orders nobody is paying any more):
 * - a payment the provider captured → the order is `captured` (every captured payment has its order);
 * - a payment that is authorised but not captured → canceled, releasing the hold: the shopper never
 *   saw the payment succeed, so the kiosk must not take the money;
 * - anything still waiting for a card → the reader is stopped and the payment canceled;
 * - a refund whose answer was lost → replayed with its idempotency key.
 */
export async function reconcileOrders(
  ctx: PaymentContext,
  skip: ReadonlySet<string> = new Set(),
): Promise<ReconcileReport> {
  const report: ReconcileReport = { checked: 0, captured: 0, canceled: 0, refunded: 0, unresolved: 0 };
  for (const order of ctx.log.unfinished()) {
    if (skip.has(order.orderId)) continue;
    report.checked += 1;
    try {
      const done = await settle(ctx, order);
      if (done.status === 'captured' && done.pending === null) report.captured += 1;
      else if (done.status === 'refunded') report.refunded += 1;
      else if ((done.status === 'canceled' || done.status === 'failed') && done.pending === null)
        report.canceled += 1;
      else report.unresolved += 1;
    } catch (err) {
      if (err instanceof ProviderError && err.kind === 'not_found') {
        // The provider has no such payment (a demo emulator restarted, or the key changed to another
        // account): nothing it can capture, so the order is closed here.
        moveTo(ctx.log, order, order.status === 'captured' ? 'captured' : 'canceled', {
          pending: null,
          lastReason: 'restart',
        });
        report.canceled += 1;
      } else {
        // Unreachable or refused: left as it is and tried again next time.
        report.unresolved += 1;
      }
    }
  }
  return report;
}

async function settle(ctx: PaymentContext, order: OrderRecord): Promise<OrderRecord> {
  const paymentId = order.paymentRef;
  if (order.pending === 'refund' && paymentId) return replayRefund(ctx, order, paymentId);
  if (!paymentId) return cancelOrder(ctx, order, 'restart');
  const payment = await ctx.provider.getPayment(paymentId);
  if (payment.state === 'captured') {
    if (order.status === 'captured') return ctx.log.update(order.orderId, { pending: null });
    return recordCaptured(ctx, order, payment);
  }
  if (payment.state === 'canceled') {
    if (order.status === 'canceled' || order.status === 'failed')
      return ctx.log.update(order.orderId, { pending: null });
    return moveTo(ctx.log, order, 'canceled', { pending: null, lastReason: order.lastReason ?? 'restart' });
  }
  return cancelOrder(ctx, order, order.status === 'canceled' ? (order.lastReason ?? 'canceled') : 'restart');
}

async function replayRefund(
  ctx: PaymentContext,
  order: OrderRecord,
  paymentId: string,
): Promise<OrderRecord> {
  try {
    await ctx.provider.refundPayment(paymentId, idempotencyKeys.refund(order.orderId));
  } catch (err) {
    // Refunded already (the idempotency record may have expired): the refund is what we wanted.
    if (!(err instanceof ProviderError && err.kind === 'already_refunded')) throw err;
  }
  return moveTo(ctx.log, order, 'refunded', { pending: null, lastReason: 'refunded' });
}
