import { cancelOrder, idempotencyKeys, moveTo, recordCaptured, type PaymentContext } from './order-actions';
import type { OrderRecord } from './order-log-port';
import { GatewayError } from './terminal-gateway-port';

export interface ReconcileReport {
  checked: number;
  captured: number;
  canceled: number;
  refunded: number;
  /** Orders left as they were because Stripe could not be reached; tried again next time. */
  unresolved: number;
}

/**
 * Settles every unfinished order with what Stripe says happened (at start-up, and from time to
 * time for orders nobody is paying any more):
 * - an intent Stripe captured → the order is `captured` (every captured intent has its order);
 * - an intent that is authorised but not captured → canceled, releasing the hold: the shopper never
 *   saw the payment succeed, so the kiosk must not take the money;
 * - anything still waiting for a card → the reader is stopped and the intent canceled;
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
      if (err instanceof GatewayError && err.kind === 'not_found') {
        // This account has no such intent (a demo emulator restarted, or the key changed to another
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
  const piId = order.paymentIntentId;
  if (order.pending === 'refund' && piId) return replayRefund(ctx, order, piId);
  if (!piId) return cancelOrder(ctx, order, 'restart');
  const intent = await ctx.gateway.retrieveIntent(piId);
  if (intent.status === 'succeeded') {
    if (order.status === 'captured') return ctx.log.update(order.orderId, { pending: null });
    return recordCaptured(ctx, order, intent);
  }
  if (intent.status === 'canceled') {
    if (order.status === 'canceled' || order.status === 'failed')
      return ctx.log.update(order.orderId, { pending: null });
    return moveTo(ctx.log, order, 'canceled', { pending: null, lastReason: order.lastReason ?? 'restart' });
  }
  return cancelOrder(ctx, order, order.status === 'canceled' ? (order.lastReason ?? 'canceled') : 'restart');
}

async function replayRefund(ctx: PaymentContext, order: OrderRecord, piId: string): Promise<OrderRecord> {
  try {
    await ctx.gateway.refundIntent(piId, idempotencyKeys.refund(order.orderId));
  } catch (err) {
    // Refunded already (the idempotency record may have expired): the refund is what we wanted.
    if (!(err instanceof GatewayError && err.code === 'charge_already_refunded')) throw err;
  }
  return moveTo(ctx.log, order, 'refunded', { pending: null, lastReason: 'refunded' });
}
