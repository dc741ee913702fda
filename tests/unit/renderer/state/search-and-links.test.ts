import { describe, expect, it } from 'vitest';
import { KioskSession } from '../../../../renderer/src/lib/kiosk-session.svelte';
import { PhoneLinks } from '../../../../renderer/src/lib/phone-links.svelte';
import { MAX_QUERY, SearchFlow } from '../../../../renderer/src/lib/search-flow.svelte';
import { ScriptedClient } from './scripted-client';
import { PROFILE, ROUTINE, product } from './renderer-fixtures';

describe('SearchFlow', () => {
  it('asks the catalog from two letters on and shows only the newest answer', async () => {
    const pending: ((v: unknown) => void)[] = [];
    const client = new ScriptedClient().answer(
      'catalog:search',
      ({ query }) => new Promise((r) => pending.push(() => r([product(query.toUpperCase(), 100)]))) as never,
    );
    const search = new SearchFlow(client);
    await search.type('s');
    expect(client.callsTo('catalog:search')).toEqual([]);
    const second = search.type('e');
    const third = search.type('r');
    pending[1]?.(undefined);
    await third;
    pending[0]?.(undefined);
    await second;
    expect(search.results.map((p) => p.sku)).toEqual(['SER']);
    // "se" asks again (left unanswered); "s" is too short and clears the list at once.
    void search.backspace();
    await search.backspace();
    expect(search.results).toEqual([]);
    expect(search.searching).toBe(false);
  });

  it('caps the query and reports a catalog failure', async () => {
    const client = new ScriptedClient().answer('catalog:search', {
      error: { code: 'CATALOG_UNAVAILABLE', message: 'x' },
    });
    const search = new SearchFlow(client);
    await search.set('x'.repeat(MAX_QUERY + 20));
    expect(search.query).toHaveLength(MAX_QUERY);
    expect(search.error?.code).toBe('CATALOG_UNAVAILABLE');
    await search.clear();
    expect(search.query).toBe('');
  });
});

describe('PhoneLinks', () => {
  it('saves the results with the routine’s recommended products, in the shopper’s language', async () => {
    const client = new ScriptedClient().answer('checkout:save-results', {
      url: 'https://shop.example/r/#z=x',
      qrSvg: '<svg viewBox="0 0 41 41"/>',
    });
    const session = new KioskSession(client);
    const links = new PhoneLinks(client, session);
    await links.showResults('es');
    expect(client.calls).toEqual([]);
    session.profile = PROFILE;
    session.routine = ROUTINE;
    await links.showResults('es');
    expect(client.callsTo('checkout:save-results')).toEqual([
      { profile: PROFILE, skus: ['CLN', 'SER-A', 'EYE'], locale: 'es' },
    ]);
    expect(links.open).toEqual({ kind: 'results', svg: '<svg viewBox="0 0 41 41"/>' });
    links.close();
    expect(links.open).toBeNull();
  });

  it('opens nothing for a product without a buy link, and reports a failure', async () => {
    const client = new ScriptedClient().answer('checkout:links', ({ items }) =>
      items[0]?.sku === 'BAD'
        ? { error: { code: 'CART_INVALID', message: 'x' } }
        : { products: [], cart: null },
    );
    const session = new KioskSession(client);
    const links = new PhoneLinks(client, session);
    await links.showProduct('NO-LINK');
    expect(links.open).toBeNull();
    await links.showProduct('BAD');
    expect(session.error?.code).toBe('CART_INVALID');
  });
});
