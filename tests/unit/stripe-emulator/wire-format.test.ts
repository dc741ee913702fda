import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startStripeEmulator,
  type StripeEmulator,
} from '../../../electron/stripe-emulator/stripe-emulator-server';
import { API_KEY } from './emulator-test-kit';

describe("the emulator's wire format, seen without the SDK", () => {
  let emulator: StripeEmulator;
  beforeEach(async () => (emulator = await startStripeEmulator({ apiKey: API_KEY })));
  afterEach(() => emulator.stop());

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${emulator.url}${path}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${API_KEY}`,
        'Content-Type': 'application/x-www-form-urlencoded',
        ...headers,
      },
      body,
    });

  it('takes a prototype-polluting body as plain parameters, in this process as in any other', async () => {
    const res = await post(
      '/v1/payment_intents',
      'amount=700&currency=usd&__proto__[polluted]=yes&constructor[prototype][polluted2]=yes&metadata[__proto__]=x',
    );
    expect(res.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted2).toBeUndefined();
    const pi = JSON.parse(await res.text()) as { metadata: Record<string, unknown> };
    expect(Object.hasOwn(pi.metadata, '__proto__')).toBe(true);
  });

  it('reads form bodies with bracket notation and answers JSON objects with ids', async () => {
    const res = await post(
      '/v1/payment_intents',
      'amount=700&currency=EUR&payment_method_types[0]=card_present&metadata[order_id]=o-9',
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('request-id')).toMatch(/^req_/);
    const pi = (await res.json()) as Record<string, unknown>;
    expect(pi).toMatchObject({
      object: 'payment_intent',
      amount: 700,
      currency: 'eur',
      payment_method_types: ['card_present'],
      metadata: { order_id: 'o-9' },
    });
  });

  it('answers errors in the Stripe envelope', async () => {
    const res = await post('/v1/payment_intents', 'currency=usd');
    expect(res.status).toBe(400);
    expect(res.headers.get('stripe-should-retry')).toBe('false');
    expect(await res.json()).toEqual({
      error: {
        type: 'invalid_request_error',
        code: 'parameter_missing',
        param: 'amount',
        message: 'Missing required param: amount.',
        doc_url: expect.any(String),
      },
    });
  });

  it('requires a valid key', async () => {
    const none = await fetch(`${emulator.url}/v1/payment_intents/pi_x`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
    const wrong = await post('/v1/payment_intents', 'amount=700&currency=usd', {
      Authorization: 'Bearer sk_test_someone_else',
    });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('api_key_invalid');
  });

  it('says which URLs it does not know', async () => {
    const res = await fetch(`${emulator.url}/v1/customers`, {
      headers: { Authorization: `Bearer ${API_KEY}` },
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
      'Unrecognized request URL (GET: /v1/customers)',
    );
  });

  it('replays by Idempotency-Key and marks the replay', async () => {
    const a = await post('/v1/payment_intents', 'amount=800&currency=usd', { 'Idempotency-Key': 'abc' });
    const b = await post('/v1/payment_intents', 'currency=usd&amount=800', { 'Idempotency-Key': 'abc' });
    expect(((await a.json()) as { id: string }).id).toBe(((await b.json()) as { id: string }).id);
    expect(a.headers.get('idempotent-replayed')).toBeNull();
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(b.headers.get('idempotency-key')).toBe('abc');
  });

  it('answers 409 to a second request while the first with the same key still runs', async () => {
    emulator.faults.delayResponses(150, 1);
    const first = post('/v1/payment_intents', 'amount=900&currency=usd', { 'Idempotency-Key': 'slow' });
    await new Promise((r) => setTimeout(r, 40));
    const second = await post('/v1/payment_intents', 'amount=900&currency=usd', {
      'Idempotency-Key': 'slow',
    });
    expect(second.status).toBe(409);
    expect(((await second.json()) as { error: { type: string } }).error.type).toBe('idempotency_error');
    expect((await first).status).toBe(200);
    expect(emulator.paymentIntents()).toHaveLength(1);
  });

  it('refuses conflicting keys in a body', async () => {
    const res = await post('/v1/payment_intents', 'amount=1&amount[x]=2&currency=usd');
    expect(res.status).toBe(400);
  });
});
