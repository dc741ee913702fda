import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  currencyDigits,
  decimalToMinor,
  formatMoney,
  minorToDecimal,
} from '../../../electron/shared/money-format';
import { parsePrice } from '../../../electron/core/catalog/row-fields';

/** Every ISO 4217 currency this runtime's Intl knows (about 160). */
const CURRENCIES = Intl.supportedValuesOf('currency');
/** Locales with Latin digits and different separators and groupings (en-IN groups by lakh). */
const LOCALES = ['en', 'es', 'de-CH', 'fr', 'ja', 'en-IN'];

/** The whole number a formatted amount shows, read back from its digits alone. */
const shownMinor = (text: string): number => Number(text.replace(/\D/g, ''));
/** The digits after the decimal separator: the last run of digits in the text. */
const shownFraction = (text: string): string => /(\d+)\D*$/.exec(text)?.[1] ?? '';

const amounts = fc.oneof(
  fc.integer({ min: 0, max: 1_000 }),
  fc.integer({ min: 0, max: 99_999_999 }),
  fc.maxSafeInteger().map((n) => Math.abs(n)),
);

describe('money formatting', () => {
  it('knows a few currencies by their minor units', () => {
    expect(CURRENCIES.length).toBeGreaterThan(100);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('USD')).toBe(2);
    expect(currencyDigits('KWD')).toBe(3);
    expect(formatMoney(1200, 'JPY', 'en')).toBe('¥1,200');
    expect(formatMoney(1200, 'USD', 'en')).toBe('$12.00');
    expect(formatMoney(1250, 'KWD', 'en')).toBe('KWD\u00a01.250');
    expect(formatMoney(199, 'EUR', 'es')).toBe('1,99\u00a0€');
  });

  it('shows every amount of every currency Intl knows exactly, in every locale', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CURRENCIES), fc.constantFrom(...LOCALES), amounts, (c, locale, n) => {
        const text = formatMoney(n, c, locale);
        expect(shownMinor(text)).toBe(n);
        const digits = currencyDigits(c);
        if (digits > 0) expect(shownFraction(text)).toHaveLength(digits);
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips between minor units and decimals, and refuses finer precision', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CURRENCIES), amounts, (c, n) => {
        const [whole = '', fraction = ''] = minorToDecimal(n, c).split('.');
        expect(fraction).toHaveLength(currencyDigits(c));
        expect(decimalToMinor(whole, fraction, c)).toBe(n);
        expect(decimalToMinor(whole, `${fraction}1`, c)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses what is not a currency code or not a whole amount', () => {
    expect(() => formatMoney(100, 'usd', 'en')).toThrow(RangeError);
    expect(() => currencyDigits('EURO')).toThrow(RangeError);
    expect(() => minorToDecimal(1.5, 'USD')).toThrow(RangeError);
    expect(minorToDecimal(5, 'KWD')).toBe('0.005');
    expect(minorToDecimal(-5, 'USD')).toBe('-0.05');
  });
});

describe('catalog prices use the same minor units as the formatter', () => {
  it('a price read from a feed shows as written, for every currency', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CURRENCIES), fc.integer({ min: 0, max: 999_999_999 }), (c, n) => {
        const written = minorToDecimal(n, c);
        const parsed = parsePrice(`${written} ${c}`, '');
        expect(parsed).toEqual({ ok: true, value: { priceMinor: n, currency: c } });
        expect(shownMinor(formatMoney(n, c, 'en'))).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('zeros past the currency digits are notation; other digits there are refused', () => {
    expect(parsePrice('1200.00 JPY', '')).toEqual({ ok: true, value: { priceMinor: 1200, currency: 'JPY' } });
    expect(parsePrice('12990 HUF', '')).toEqual({ ok: true, value: { priceMinor: 12990, currency: 'HUF' } });
    expect(parsePrice('12.50', 'JPY')).toMatchObject({ ok: false });
  });
});

describe('the results page formats money as the kiosk does', () => {
  const code = readFileSync(path.join(process.cwd(), 'resources/results-page/results.js'), 'utf8');
  const sandbox: Record<string, unknown> = { Intl, String, Math, JSON, Number, Array, Uint8Array };
  vm.runInNewContext(code, sandbox);
  const page = sandbox.SkinResults as { formatMoney(minor: number, currency: string, lang: string): string };

  it('for every currency Intl knows, in both page languages', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CURRENCIES), fc.constantFrom('en', 'es'), amounts, (c, lang, n) => {
        expect(page.formatMoney(n, c, lang)).toBe(formatMoney(n, c, lang));
      }),
      { numRuns: 2000 },
    );
    expect(page.formatMoney(1200, 'JPY', 'en')).toBe('¥1,200');
  });
});
