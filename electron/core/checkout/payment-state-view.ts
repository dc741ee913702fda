import type { PaymentPhase, PaymentState } from '../../shared/schemas/checkout-schemas';
import type { OrderSummary } from '../../shared/schemas/staff-schemas';
import type { OrderRecord } from './order-log-port';
import { kioskMessage } from './payment-messages';

/** The staff list's view of an order. */
export function orderSummary(order: OrderRecord): OrderSummary {
  return {
    orderId: order.orderId,
    status: order.status,
    total: { amountMinor: order.totalMinor, currency: order.currency },
    createdAt: order.createdAt,
    paymentRef: order.paymentRef,
    lastError: order.lastError,
  };
}

/**
 * A payment state read back from the log (after a restart, or for an order no longer on screen).
 * `lastPhase` keeps a live phase (declined, reader offline) that the status alone cannot tell.
 */
export function stateFromOrder(
  order: OrderRecord,
  demo: boolean,
  lastPhase: PaymentPhase | null,
): PaymentState {
  const phase = phaseOf(order, lastPhase);
  const reason = phase === 'succeeded' ? null : order.lastReason;
  return {
    orderId: order.orderId,
    phase,
    reason,
    message: order.lastError ?? (reason ? kioskMessage(reason) : null),
    demo,
    receiptUrl: phase === 'succeeded' ? order.receiptUrl : null,
    receiptQrSvg: null,
  };
}

function phaseOf(order: OrderRecord, lastPhase: PaymentPhase | null): PaymentPhase {
  switch (order.status) {
    case 'captured':
      return 'succeeded';
    case 'refunded':
    case 'canceled':
      return 'canceled';
    case 'failed':
      return 'failed';
    case 'created':
      return lastPhase ?? 'creating';
    case 'intent_created':
      return lastPhase === 'declined' || lastPhase === 'reader_offline' ? lastPhase : 'creating';
    case 'processing':
      return order.pending === 'capture' ? 'processing' : (lastPhase ?? 'waiting_for_card');
  }
}
