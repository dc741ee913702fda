import { ProviderError } from '../../core/checkout/card-payment-port';
import { currencyDigits, minorToDecimal } from '../../shared/money-format';

/**
 * Stripe's own minor units (docs.stripe.com/currencies). Most currencies count hundredths; these
 * count whole units; these count thousandths, whose last digit must be 0. The kiosk counts every
 * currency in the digits Intl shows for it (`money-format.ts`), and the two disagree for some
 * currencies — HUF, ISK, IDR, COP … are whole units to Intl and hundredths to Stripe — so amounts
 * are converted here, at Stripe's border, and nowhere else.
 */
const ZERO_DECIMAL = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'JPY',
  'KMF',
  'KRW',
  'MGA',
  'PYG',
  'RWF',
  'UGX',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
]);
const THREE_DECIMAL = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);

/** Digits of Stripe's `amount` for a currency (upper-case ISO 4217). */
const stripeDigits = (currency: string): number =>
  ZERO_DECIMAL.has(currency) ? 0 : THREE_DECIMAL.has(currency) ? 3 : 2;

/**
 * The kiosk's amount as Stripe's `amount`. Refused (never rounded) when Stripe cannot take exactly
 * that amount: a total with more precision than Stripe's unit, or a three-decimal total whose last
 * digit is not 0 — the shopper is never charged other than what the kiosk showed.
 */
export function toStripeAmount(amountMinor: number, currency: string): number {
  const shift = stripeDigits(currency) - currencyDigits(currency);
  const amount = shift >= 0 ? amountMinor * 10 ** shift : amountMinor / 10 ** -shift;
  const exact = Number.isSafeInteger(amount);
  if (!exact || (THREE_DECIMAL.has(currency) && amount % 10 !== 0)) {
    throw new ProviderError(
      'refused',
      `${minorToDecimal(amountMinor, currency)} ${currency} cannot be charged on the card reader exactly; pay at the counter.`,
      'amount_not_chargeable',
    );
  }
  return amount;
}

/** Stripe's `amount` in the kiosk's minor units (rounded only if Stripe holds finer precision). */
export function fromStripeAmount(amount: number, currency: string): number {
  const shift = currencyDigits(currency) - stripeDigits(currency);
  return shift >= 0 ? amount * 10 ** shift : Math.round(amount / 10 ** -shift);
}

/** Stripe's `amount` as a plain decimal with the currency code, e.g. `12.34 USD`, `1200 JPY`. */
export function stripeAmountText(amount: number, currency: string): string {
  const digits = stripeDigits(currency);
  const text = String(Math.abs(amount)).padStart(digits + 1, '0');
  const whole = `${amount < 0 ? '-' : ''}${text.slice(0, text.length - digits)}`;
  return `${digits > 0 ? `${whole}.${text.slice(-digits)}` : whole} ${currency}`;
}
