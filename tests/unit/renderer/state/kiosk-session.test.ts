import { beforeEach, describe, expect, it, vi } from 'vitest';
import { KioskSession } from '../../../../renderer/src/lib/kiosk-session.svelte';
import { ScriptedClient } from './scripted-client';
import { PROFILE, product } from './renderer-fixtures';

describe('KioskSession start over', () => {
  beforeEach(() => {
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  });

  it('asks before erasing a session that holds answers, results or a cart', async () => {
    const client = new ScriptedClient().answer('session:end', { done: true });
    const session = new KioskSession(client);
    session.screen = 'cart';
    session.profile = PROFILE;
    session.cart.add(product('A', 1000));
    session.requestStartOver();
    expect(session.confirmingStartOver).toBe(true);
    expect(client.callsTo('session:end')).toEqual([]);
    session.cancelStartOver();
    expect(session.screen).toBe('cart');
    expect(session.cart.count).toBe(1);
    session.requestStartOver();
    await session.reset('start_over');
    expect(client.callsTo('session:end')).toEqual([{ reason: 'start_over' }]);
    expect(session.confirmingStartOver).toBe(false);
    expect(session.screen).toBe('attract');
    expect(session.cart.count).toBe(0);
    expect(session.profile).toBeNull();
  });

  it('ends at once when there is nothing to lose', async () => {
    const client = new ScriptedClient().answer('session:end', { done: true });
    const session = new KioskSession(client);
    session.screen = 'consent';
    session.requestStartOver();
    await Promise.resolve();
    expect(session.confirmingStartOver).toBe(false);
    expect(client.callsTo('session:end')).toEqual([{ reason: 'start_over' }]);
  });
});
