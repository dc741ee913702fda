import type { EmuPaymentIntent, EmulatorStore } from './emulator-store';
import { stripeId, unixNow } from './emulator-ids';
import type { CardOutcome } from './test-cards';

/**
 * An approved card on a PaymentIntent: a payment method and a charge are created; a manual-capture
 * intent waits in `requires_capture` with the amount held, an automatic one is captured at once.
 */
export function authoriseCard(
  store: EmulatorStore,
  pi: EmuPaymentIntent,
  card: Extract<CardOutcome, { kind: 'success' }>,
  receiptBaseUrl: string,
): void {
  const pmId = stripeId('pm');
  const chargeId = stripeId('ch');
  const automatic = pi.capture_method !== 'manual';
  store.charges.set(chargeId, {
    id: chargeId,
    object: 'charge',
    amount: pi.amount,
    amount_captured: automatic ? pi.amount : 0,
    amount_refunded: 0,
    captured: automatic,
    refunded: false,
    paid: true,
    status: 'succeeded',
    currency: pi.currency,
    payment_intent: pi.id,
    payment_method: pmId,
    payment_method_details: { type: 'card_present', card_present: { brand: card.brand, last4: card.last4 } },
    receipt_url: `${receiptBaseUrl}/receipts/${chargeId}`,
    created: unixNow(),
    livemode: false,
  });
  pi.payment_method = pmId;
  pi.latest_charge = chargeId;
  pi.last_payment_error = null;
  pi.status = automatic ? 'succeeded' : 'requires_capture';
  pi.amount_capturable = automatic ? 0 : pi.amount;
  pi.amount_received = automatic ? pi.amount : 0;
}
