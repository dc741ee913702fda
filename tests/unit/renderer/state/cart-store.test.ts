import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ADDED_FEEDBACK_MS,
  CartStore,
  MAX_LINES,
  MAX_QUANTITY,
} from '../../../../renderer/src/lib/cart-store.svelte';
import { ScriptedClient } from './scripted-client';
import { pricedCart, product } from './renderer-fixtures';

const A = product('A', 1000);
const B = product('B', 2000);

describe('CartStore', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('adds, counts and shows "Added" on the tapped product for a moment', () => {
    const cart = new CartStore(new ScriptedClient());
    expect(cart.add(A)).toBe(true);
    expect(cart.add(A)).toBe(true);
    expect(cart.add(B, 3)).toBe(true);
    expect(cart.count).toBe(5);
    expect(cart.quantityOf('A')).toBe(2);
    expect(cart.justAdded).toBe('B');
    vi.advanceTimersByTime(ADDED_FEEDBACK_MS + 1);
    expect(cart.justAdded).toBeNull();
  });

  it('refuses more than the contract accepts instead of sending a cart main would reject', () => {
    const cart = new CartStore(new ScriptedClient());
    for (let i = 0; i < MAX_QUANTITY + 3; i++) cart.add(A);
    expect(cart.quantityOf('A')).toBe(MAX_QUANTITY);
    expect(cart.add(A)).toBe(false);
    for (let i = 1; i < MAX_LINES; i++) cart.add(product(`S${i}`, 100));
    expect(cart.items).toHaveLength(MAX_LINES);
    expect(cart.add(product('ONE-TOO-MANY', 100))).toBe(false);
    expect(cart.addAll([product('X', 100), product('Y', 100)])).toBe(0);
  });

  it('removes a line at quantity 0 and sends plain objects to main', () => {
    const cart = new CartStore(new ScriptedClient());
    cart.add(A);
    cart.add(B);
    cart.setQuantity('A', 0);
    cart.setQuantity('B', 99);
    expect(cart.request()).toEqual({
      items: [{ sku: 'B', quantity: MAX_QUANTITY, displayedPrice: { amountMinor: 2000, currency: 'USD' } }],
    });
  });

  it('cannot add a product this store has no stock of, and counts an add once in the funnel', () => {
    const client = new ScriptedClient().answer('session:milestone', { done: true });
    const cart = new CartStore(client);
    expect(cart.add(product('GONE', 500, { inStock: false }))).toBe(false);
    expect(cart.items).toEqual([]);
    expect(client.callsTo('session:milestone')).toEqual([]);
    expect(cart.addAll([product('GONE', 500, { inStock: false }), A])).toBe(1);
    expect(client.callsTo('session:milestone')).toEqual([{ step: 'added_to_cart' }]);
  });

  it('pays exactly the priced lines at the prices shown, never a line marked as changed', () => {
    const cart = new CartStore(new ScriptedClient());
    expect(cart.payRequest()).toBeNull();
    cart.add(A);
    cart.add(B);
    cart.priced = {
      ...pricedCart([['A', 1000, 1]]),
      changes: [{ sku: 'B', reason: 'out_of_stock', product: null, shownPrice: null }],
    };
    expect(cart.payRequest()).toEqual({
      items: [{ sku: 'A', quantity: 1, displayedPrice: { amountMinor: 1000, currency: 'USD' } }],
    });
    expect(cart.nameOf('B')).toBe('Lumen Lab Product B');
  });

  it('keeps only the newest price when refreshes overlap', async () => {
    vi.useRealTimers();
    const client = new ScriptedClient();
    let release: (() => void) | null = null;
    client
      .answer('checkout:price', (input) => {
        const [item] = input.items;
        const priced = pricedCart([[item?.sku ?? '', 1000, item?.quantity ?? 0]]);
        // The first request answers last.
        return item?.quantity === 1 ? new Promise((r) => (release = () => r(priced))) : priced;
      })
      .answer('checkout:links', { products: [], cart: { url: 'https://shop.example/c', qrSvg: '<svg/>' } });
    const cart = new CartStore(client);
    cart.add(A);
    const slow = cart.refresh();
    cart.setQuantity('A', 2);
    await cart.refresh();
    expect(cart.priced?.total.amountMinor).toBe(2000);
    (release as (() => void) | null)?.();
    await slow;
    expect(cart.priced?.total.amountMinor).toBe(2000);
    expect(cart.phoneQrSvg).toBe('<svg/>');
  });

  it('keeps the last good total and reports a pricing error', async () => {
    vi.useRealTimers();
    const client = new ScriptedClient()
      .answer('checkout:price', { error: { code: 'CART_INVALID', message: 'Unknown SKU' } })
      .answer('checkout:links', { error: { code: 'CART_INVALID', message: 'Unknown SKU' } });
    const cart = new CartStore(client);
    cart.add(product('GONE', 100));
    await cart.refresh();
    expect(cart.error?.code).toBe('CART_INVALID');
    expect(cart.phoneQrSvg).toBeNull();
    cart.clear();
    expect(cart.items).toEqual([]);
    expect(cart.error).toBeNull();
  });
});
