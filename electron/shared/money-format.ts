/**
 * The kiosk's one definition of money. An amount is an integer count of the currency's minor unit,
 * and a currency has as many minor-unit digits as `Intl.NumberFormat` shows for it: JPY 0, USD 2,
 * KWD 3. The catalog parses prices with these digits, and the renderer, the cart's messages and the
 * staff screens format with them, so no part of the kiosk assumes cents. (Stripe counts some
 * currencies differently; the payment adapter converts at its own border.)
 *
 * Formatting goes through a decimal string, never `amount / 10 ** digits`, so an amount is shown
 * exactly however large it is.
 */

const CURRENCY_CODE = /^[A-Z]{3}$/;
const digitsByCurrency = new Map<string, number>();
const formatters = new Map<string, Intl.NumberFormat>();

function checkCode(currency: string): void {
  if (!CURRENCY_CODE.test(currency)) throw new RangeError(`"${currency}" is not an ISO 4217 currency code`);
}

/** Digits after the decimal point for a currency (its minor unit), as Intl knows them. */
export function currencyDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    checkCode(currency);
    const options = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions();
    digits = options.maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** `1234` JPY → `"1234"`, `1234` USD → `"12.34"`, `5` KWD → `"0.005"`: exact, for any safe integer. */
export function minorToDecimal(amountMinor: number, currency: string): `${number}` {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`${amountMinor} is not a whole amount`);
  const digits = currencyDigits(currency);
  const sign = amountMinor < 0 ? '-' : '';
  const text = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  return (digits === 0 ? `${sign}${whole}` : `${sign}${whole}.${text.slice(-digits)}`) as `${number}`;
}

/**
 * Minor units from a decimal written as whole and fraction digits (`"24"`, `"5"` → 2405 for USD).
 * Null when the fraction has more digits than the currency has (24.005 USD is not a price).
 */
export function decimalToMinor(whole: string, fraction: string, currency: string): number | null {
  const digits = currencyDigits(currency);
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(fraction) || fraction.length > digits) return null;
  const amount = Number(whole + fraction.padEnd(digits, '0'));
  return Number.isSafeInteger(amount) ? amount : null;
}

/** The amount as a shopper reads it in `locale`: `$24.00`, `¥1,200`, `24,00 €`, `KWD 1.250`. */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const key = `${locale}\u0000${currency}`;
  let format = formatters.get(key);
  if (!format) {
    checkCode(currency);
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, format);
  }
  return format.format(minorToDecimal(amountMinor, currency));
}
