import { invalidRequest, resourceMissing } from './emulator-errors';
import type { EmulatorStore, EmuRefund } from './emulator-store';
import { stripeId, unixNow } from './emulator-ids';
import type { FormObject } from './form-body-parser';
import { metadata, optionalInteger, optionalString } from './param-readers';
import { getIntent } from './payment-intent-routes';

const REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'];

/** POST /v1/refunds: by `payment_intent` or `charge`, in full unless `amount` is given. */
export function createRefund(store: EmulatorStore, params: FormObject): EmuRefund {
  const piId = optionalString(params, 'payment_intent');
  const chargeParam = optionalString(params, 'charge');
  let chargeId = chargeParam;
  if (piId) {
    const pi = getIntent(store, piId, 'payment_intent');
    if (pi.status !== 'succeeded' || !pi.latest_charge) {
      throw invalidRequest(
        `This PaymentIntent (${pi.id}) does not have a successful charge to refund.`,
        'charge_not_refundable',
        'payment_intent',
      );
    }
    chargeId = pi.latest_charge;
  }
  if (!chargeId)
    throw invalidRequest(
      'One of the following params should be provided for this request: payment_intent or charge.',
      'parameter_missing',
    );
  const charge = store.charges.get(chargeId);
  if (!charge) throw resourceMissing('charge', chargeId, 'charge');
  if (!charge.captured)
    throw invalidRequest(`Charge ${charge.id} has not been captured.`, 'charge_not_refundable');
  const remaining = charge.amount_captured - charge.amount_refunded;
  if (remaining <= 0)
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, 'charge_already_refunded');
  const amount = optionalInteger(params, 'amount') ?? remaining;
  if (amount <= 0 || amount > remaining) {
    throw invalidRequest(
      `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining}).`,
      'amount_too_large',
      'amount',
    );
  }
  const reason = optionalString(params, 'reason') ?? null;
  if (reason !== null && !REASONS.includes(reason))
    throw invalidRequest(`Invalid reason: ${reason}`, 'parameter_invalid_string', 'reason');
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded >= charge.amount_captured;
  const refund: EmuRefund = {
    id: stripeId('re'),
    object: 'refund',
    amount,
    charge: charge.id,
    payment_intent: charge.payment_intent,
    currency: charge.currency,
    status: 'succeeded',
    reason,
    metadata: metadata(params) ?? {},
    created: unixNow(),
  };
  store.refunds.set(refund.id, refund);
  return refund;
}

/** GET /v1/refunds/:id */
export function retrieveRefund(store: EmulatorStore, id: string): EmuRefund {
  const refund = store.refunds.get(id);
  if (!refund) throw resourceMissing('refund', id);
  return refund;
}
