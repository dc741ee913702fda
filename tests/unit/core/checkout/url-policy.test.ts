import { describe, expect, it } from 'vitest';
import { isPhoneReachable } from '../../../../electron/core/checkout/url-policy';

describe('isPhoneReachable', () => {
  it('accepts https on public names, as Stripe receipts are', () => {
    expect(isPhoneReachable('https://pay.stripe.com/receipts/acct_1/ch_1')).toBe(true);
    expect(isPhoneReachable('https://shop.example/skin-results/#z=abc')).toBe(true);
  });

  it('refuses what only the kiosk itself can open', () => {
    for (const url of [
      'http://127.0.0.1:41234/receipts/ch_1',
      'https://127.0.0.1/receipts/ch_1',
      'https://[::1]/r',
      'https://localhost/r',
      'https://kiosk.local/r',
      'https://printer.lan/r',
      'https://intranet/r',
      'http://pay.stripe.com/r',
      'https://user:pw@pay.stripe.com/r',
      'not a url',
    ])
      expect(isPhoneReachable(url), url).toBe(false);
  });
});
