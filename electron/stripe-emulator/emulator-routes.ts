import { invalidRequest } from './emulator-errors';
import type { EmulatorStore } from './emulator-store';
import { stripeId } from './emulator-ids';
import type { FormObject } from './form-body-parser';
import { metadata, requiredString } from './param-readers';
import {
  cancelIntent,
  captureIntent,
  createIntent,
  getIntent,
  retrieveIntent,
} from './payment-intent-routes';
import type { ReaderSimulator } from './reader-simulator';
import { createRefund, retrieveRefund } from './refund-routes';

interface RouteContext {
  store: EmulatorStore;
  readers: ReaderSimulator;
  params: FormObject;
  /** Path segments captured by the route pattern (ids). */
  ids: string[];
}

export interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  handle: (ctx: RouteContext) => object;
}

const id = '([A-Za-z0-9_]+)';
const first = (ids: string[]) => ids[0] ?? '';

/** The slice of Stripe's v1 API the kiosk uses, plus the Terminal test helper. */
const routes: Route[] = [
  { method: 'POST', pattern: /^\/v1\/payment_intents$/, handle: (c) => createIntent(c.store, c.params) },
  {
    method: 'GET',
    pattern: new RegExp(`^/v1/payment_intents/${id}$`),
    handle: (c) => retrieveIntent(c.store, first(c.ids), c.params),
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/v1/payment_intents/${id}/capture$`),
    handle: (c) => captureIntent(c.store, first(c.ids), c.params),
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/v1/payment_intents/${id}/cancel$`),
    handle: (c) => cancelIntent(c.store, first(c.ids), c.params, (pi) => c.readers.onIntentCanceled(pi)),
  },
  { method: 'POST', pattern: /^\/v1\/refunds$/, handle: (c) => createRefund(c.store, c.params) },
  {
    method: 'GET',
    pattern: new RegExp(`^/v1/refunds/${id}$`),
    handle: (c) => retrieveRefund(c.store, first(c.ids)),
  },
  {
    method: 'POST',
    pattern: /^\/v1\/terminal\/locations$/,
    handle: (c) => {
      const address = c.params.address;
      if (typeof address !== 'object' || Array.isArray(address))
        throw invalidRequest('Missing required param: address.', 'parameter_missing', 'address');
      const location = {
        id: stripeId('tml'),
        object: 'terminal.location' as const,
        display_name: requiredString(c.params, 'display_name'),
        address: Object.fromEntries(
          Object.entries(address).filter((e): e is [string, string] => typeof e[1] === 'string'),
        ),
        metadata: metadata(c.params) ?? {},
        livemode: false as const,
      };
      c.store.locations.set(location.id, location);
      return location;
    },
  },
  { method: 'POST', pattern: /^\/v1\/terminal\/readers$/, handle: (c) => c.readers.create(c.params) },
  {
    method: 'GET',
    pattern: new RegExp(`^/v1/terminal/readers/${id}$`),
    handle: (c) => c.readers.get(first(c.ids)),
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/v1/terminal/readers/${id}/process_payment_intent$`),
    handle: (c) => {
      const reader = c.readers.get(first(c.ids));
      const pi = getIntent(c.store, requiredString(c.params, 'payment_intent'), 'payment_intent');
      return c.readers.process(reader.id, c.params, pi);
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/v1/terminal/readers/${id}/cancel_action$`),
    handle: (c) => c.readers.cancelAction(first(c.ids)),
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/v1/test_helpers/terminal/readers/${id}/present_payment_method$`),
    handle: (c) => c.readers.present(first(c.ids), c.params),
  },
];

/** Finds the route for a request; `allowed` lists methods that exist for the path when none matched. */
export function matchRoute(
  method: string,
  path: string,
): { route: Route; ids: string[] } | { route: null; pathExists: boolean } {
  let pathExists = false;
  for (const route of routes) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    pathExists = true;
    if (route.method === method) return { route, ids: m.slice(1) };
  }
  return { route: null, pathExists };
}
