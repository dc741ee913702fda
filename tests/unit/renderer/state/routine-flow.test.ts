import { describe, expect, it } from 'vitest';
import { KioskSession } from '../../../../renderer/src/lib/kiosk-session.svelte';
import { RoutineFlow } from '../../../../renderer/src/lib/routine-flow.svelte';
import { ScriptedClient } from './scripted-client';
import { PROFILE, ROUTINE } from './renderer-fixtures';

function setup() {
  const client = new ScriptedClient().answer('catalog:recommend', ROUTINE);
  const session = new KioskSession(client);
  session.profile = PROFILE;
  return { client, session, flow: new RoutineFlow(client, session) };
}

describe('RoutineFlow', () => {
  it('adds exactly what the total counts: optional steps only when the shopper includes them', async () => {
    const { session, flow } = setup();
    await flow.load();
    expect(flow.hasOptional).toBe(true);
    expect(flow.selection.map((p) => p.sku)).toEqual(['CLN', 'SER-A']);
    expect(flow.total).toEqual({ amountMinor: 3500, currency: 'USD' });
    flow.includeOptional = true;
    expect(flow.selection.map((p) => p.sku)).toEqual(['CLN', 'SER-A', 'EYE']);
    expect(flow.total?.amountMinor).toBe(6500);
    flow.addSelectionToCart();
    expect(session.cart.items.map((i) => i.sku)).toEqual(['CLN', 'SER-A', 'EYE']);
    expect(session.screen).toBe('cart');
  });

  it('follows the chosen alternative into the total and the cart', async () => {
    const { session, flow } = setup();
    await flow.load();
    const serum = flow.slots[1];
    if (!serum) throw new Error('no serum slot');
    flow.nextAlternative(serum);
    expect(flow.pickOf(serum)?.product.sku).toBe('SER-B');
    expect(flow.total?.amountMinor).toBe(2500);
    flow.nextAlternative(serum);
    expect(flow.pickOf(serum)?.product.sku).toBe('SER-A');
    flow.addSelectionToCart();
    expect(session.cart.items.map((i) => i.sku)).toEqual(['CLN', 'SER-A']);
  });

  it('sends the budget with the profile and answers; no total across currencies', async () => {
    const { client, session, flow } = setup();
    await flow.setBudget(5000);
    expect(client.callsTo('catalog:recommend')).toEqual([
      { profile: PROFILE, answers: {}, budgetMinor: 5000 },
    ]);
    const mixed = structuredClone(ROUTINE);
    const first = mixed.slots[0]?.picks[0];
    if (first) first.product.price = { amountMinor: 900, currency: 'EUR' };
    session.routine = mixed;
    expect(flow.total).toBeNull();
  });

  it('without a profile goes back to Results instead of asking for a routine', async () => {
    const { client, session, flow } = setup();
    session.profile = null;
    await flow.load();
    expect(session.screen).toBe('results');
    expect(client.callsTo('catalog:recommend')).toEqual([]);
  });
});
