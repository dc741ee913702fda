import { describe, expect, it } from 'vitest';
import {
  assertTransition,
  canTransition,
  isUnfinished,
  pathTo,
  type OrderStatus,
} from '../../../../electron/core/checkout/order-state-machine';
import { chooseErrorLevel, minimalVersion } from '../../../../electron/core/checkout/qr-policy';
import { declineMessage, kioskMessage } from '../../../../electron/core/checkout/payment-messages';

const ALL: OrderStatus[] = [
  'created',
  'intent_created',
  'processing',
  'captured',
  'failed',
  'canceled',
  'refunded',
];

describe('order state machine', () => {
  it('allows the happy path and a decline loop', () => {
    expect(canTransition('created', 'intent_created')).toBe(true);
    expect(canTransition('intent_created', 'processing')).toBe(true);
    expect(canTransition('processing', 'intent_created')).toBe(true);
    expect(canTransition('processing', 'captured')).toBe(true);
    expect(canTransition('captured', 'refunded')).toBe(true);
  });

  it('never leaves a terminal status except captured → refunded', () => {
    for (const from of ['failed', 'canceled', 'refunded'] as OrderStatus[]) {
      for (const to of ALL) expect(canTransition(from, to)).toBe(false);
    }
    expect(ALL.filter((to) => canTransition('captured', to))).toEqual(['refunded']);
  });

  it('cannot capture without processing first', () => {
    expect(canTransition('created', 'captured')).toBe(false);
    expect(canTransition('intent_created', 'captured')).toBe(false);
    expect(() => assertTransition('created', 'captured')).toThrow(/created to captured/);
  });

  it('finds the path through intermediate statuses', () => {
    expect(pathTo('created', 'captured')).toEqual(['intent_created', 'processing', 'captured']);
    expect(pathTo('processing', 'processing')).toEqual([]);
    expect(() => pathTo('canceled', 'captured')).toThrow();
  });

  it('counts open orders and pending calls as unfinished', () => {
    expect(isUnfinished('processing', null)).toBe(true);
    expect(isUnfinished('captured', null)).toBe(false);
    expect(isUnfinished('captured', 'refund')).toBe(true);
    expect(isUnfinished('canceled', 'cancel')).toBe(true);
  });
});

describe('payment messages', () => {
  it('tells the two test declines apart', () => {
    expect(declineMessage('generic_decline')).toMatch(/declined/);
    expect(declineMessage('insufficient_funds')).toMatch(/insufficient funds/);
    expect(declineMessage('something_new')).toBe(declineMessage('generic_decline'));
    expect(kioskMessage('reader_offline')).toMatch(/counter/);
  });
});

describe('QR error-correction level', () => {
  it('keeps the fewest modules, then takes the highest level that fits that version', () => {
    // 98 bytes: version 5 at L (106); Q and H would need version 7 and 9.
    expect(minimalVersion(98, 'L')).toBe(5);
    expect(chooseErrorLevel('a'.repeat(98))).toBe('L');
    // 42 bytes: version 3 holds it at L and at M (42), not at Q (32).
    expect(chooseErrorLevel('a'.repeat(42))).toBe('M');
    // 20 bytes: version 2 holds it at Q (20); 7 bytes: version 1 at H.
    expect(chooseErrorLevel('a'.repeat(20))).toBe('Q');
    expect(chooseErrorLevel('a'.repeat(7))).toBe('H');
    expect(chooseErrorLevel('a'.repeat(600))).toBe('L');
    // Bytes, not characters: 21 × "é" is 42 bytes.
    expect(chooseErrorLevel('é'.repeat(21))).toBe('M');
  });
});
