import { stripeAmountText } from '../adapters/payments/stripe-amounts';
import type { EmulatorStore } from './emulator-store';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain HTML receipt for an emulated charge, so demo receipt links lead somewhere real. */
export function renderReceipt(store: EmulatorStore, chargeId: string): string | null {
  const charge = store.charges.get(chargeId);
  if (!charge) return null;
  const currency = charge.currency.toUpperCase();
  const amount = stripeAmountText(charge.amount_captured, currency);
  const card = `${charge.payment_method_details.card_present.brand.toUpperCase()} •••• ${charge.payment_method_details.card_present.last4}`;
  const refunded =
    charge.amount_refunded > 0
      ? `<p>Refunded: ${escape(stripeAmountText(charge.amount_refunded, currency))}</p>`
      : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Demo receipt</title></head><body style="font-family:sans-serif;max-width:30rem;margin:2rem auto">
<h1>Demo receipt</h1><p>Demo payment — no real card was charged.</p>
<p>Amount: ${escape(amount)}</p><p>Card: ${escape(card)}</p>${refunded}
<p>Reference: ${escape(charge.id)}</p></body></html>`;
}
