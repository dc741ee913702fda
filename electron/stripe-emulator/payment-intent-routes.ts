import { invalidRequest, resourceMissing } from './emulator-errors';
import type { EmuPaymentIntent, EmulatorStore, PaymentIntentStatus } from './emulator-store';
import { stripeId, unixNow } from './emulator-ids';
import type { FormObject } from './form-body-parser';
import {
  expandList,
  metadata,
  optionalInteger,
  optionalString,
  requiredInteger,
  requiredString,
  stringArray,
} from './param-readers';

const CAPTURE_METHODS = ['automatic', 'automatic_async', 'manual'] as const;
const CANCELABLE: PaymentIntentStatus[] = [
  'requires_payment_method',
  'requires_capture',
  'requires_confirmation',
  'requires_action',
  'processing',
];

/** Serialises a PaymentIntent, expanding `latest_charge` when asked to. */
function renderIntent(store: EmulatorStore, pi: EmuPaymentIntent, expand: string[]): object {
  if (expand.includes('latest_charge') && pi.latest_charge) {
    return { ...pi, latest_charge: store.charges.get(pi.latest_charge) ?? pi.latest_charge };
  }
  return { ...pi };
}

export function getIntent(store: EmulatorStore, id: string, param = 'intent'): EmuPaymentIntent {
  const pi = store.paymentIntents.get(id);
  if (!pi) throw resourceMissing('payment_intent', id, param);
  return pi;
}

const unexpectedState = (pi: EmuPaymentIntent, action: string, allowed: string[]) =>
  invalidRequest(
    `This PaymentIntent could not be ${action} because it has a status of ${pi.status}. ` +
      `Only a PaymentIntent with one of the following statuses may be ${action}: ${allowed.join(', ')}.`,
    'payment_intent_unexpected_state',
  );

/** POST /v1/payment_intents */
export function createIntent(store: EmulatorStore, params: FormObject): object {
  const amount = requiredInteger(params, 'amount');
  const currency = requiredString(params, 'currency').toLowerCase();
  if (!/^[a-z]{3}$/.test(currency))
    throw invalidRequest(`Invalid currency: ${currency}.`, 'parameter_invalid_string', 'currency');
  if (amount < 50) {
    throw invalidRequest('Amount must be at least 50 cents.', 'amount_too_small', 'amount');
  }
  if (amount > 99_999_999)
    throw invalidRequest('Amount must be no more than 999,999.99.', 'amount_too_large', 'amount');
  const captureMethod = optionalString(params, 'capture_method') ?? 'automatic_async';
  if (!(CAPTURE_METHODS as readonly string[]).includes(captureMethod)) {
    throw invalidRequest(
      `Invalid capture_method: ${captureMethod}`,
      'parameter_invalid_string',
      'capture_method',
    );
  }
  // API versions from 2026-10-28 name the parameter `allowed_payment_method_types`; older ones
  // (and older SDKs) send `payment_method_types`. Both are accepted, both are returned.
  const methods = stringArray(params, 'allowed_payment_method_types') ??
    stringArray(params, 'payment_method_types') ?? ['card'];
  const id = stripeId('pi');
  const pi: EmuPaymentIntent = {
    id,
    object: 'payment_intent',
    amount,
    amount_capturable: 0,
    amount_received: 0,
    currency,
    status: 'requires_payment_method',
    capture_method: captureMethod as EmuPaymentIntent['capture_method'],
    allowed_payment_method_types: methods,
    payment_method_types: methods,
    payment_method: null,
    latest_charge: null,
    last_payment_error: null,
    metadata: metadata(params) ?? {},
    description: optionalString(params, 'description') ?? null,
    canceled_at: null,
    cancellation_reason: null,
    client_secret: `${id}_secret_${stripeId('s').slice(2)}`,
    created: unixNow(),
    livemode: false,
  };
  store.addPaymentIntent(pi);
  return renderIntent(store, pi, expandList(params));
}

/** GET /v1/payment_intents/:id */
export function retrieveIntent(store: EmulatorStore, id: string, params: FormObject): object {
  return renderIntent(store, getIntent(store, id), expandList(params));
}

/** POST /v1/payment_intents/:id/capture */
export function captureIntent(store: EmulatorStore, id: string, params: FormObject): object {
  const pi = getIntent(store, id);
  if (pi.status !== 'requires_capture') throw unexpectedState(pi, 'captured', ['requires_capture']);
  const toCapture = optionalInteger(params, 'amount_to_capture') ?? pi.amount_capturable;
  if (toCapture <= 0 || toCapture > pi.amount_capturable) {
    throw invalidRequest(
      `The amount_to_capture must be between 1 and ${pi.amount_capturable}.`,
      'amount_too_large',
      'amount_to_capture',
    );
  }
  const charge = pi.latest_charge ? store.charges.get(pi.latest_charge) : undefined;
  if (!charge)
    throw invalidRequest('This PaymentIntent has no charge to capture.', 'payment_intent_unexpected_state');
  pi.status = 'succeeded';
  pi.amount_received = toCapture;
  pi.amount_capturable = 0;
  charge.captured = true;
  charge.amount_captured = toCapture;
  // Capturing less than authorised releases the rest, which Stripe records as a refund of the difference.
  charge.amount_refunded = charge.amount - toCapture;
  return renderIntent(store, pi, expandList(params));
}

/** POST /v1/payment_intents/:id/cancel; a reader still working on the intent has its action failed. */
export function cancelIntent(
  store: EmulatorStore,
  id: string,
  params: FormObject,
  onCanceled: (pi: EmuPaymentIntent) => void,
): object {
  const pi = getIntent(store, id);
  if (!CANCELABLE.includes(pi.status)) throw unexpectedState(pi, 'canceled', CANCELABLE);
  const reason = optionalString(params, 'cancellation_reason') ?? null;
  const reasons = ['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned'];
  if (reason !== null && !reasons.includes(reason)) {
    throw invalidRequest(
      `Invalid cancellation_reason: ${reason}`,
      'parameter_invalid_string',
      'cancellation_reason',
    );
  }
  const charge = pi.latest_charge ? store.charges.get(pi.latest_charge) : undefined;
  if (charge && !charge.captured) {
    // Canceling an authorised intent releases the hold: the uncaptured charge is refunded in full.
    charge.refunded = true;
    charge.amount_refunded = charge.amount;
  }
  pi.status = 'canceled';
  pi.amount_capturable = 0;
  pi.canceled_at = unixNow();
  pi.cancellation_reason = reason;
  onCanceled(pi);
  return renderIntent(store, pi, expandList(params));
}
