import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPersonalKey, redactLogFields, scrubText } from '../../../../electron/core/fleet/log-redaction';

describe('log redaction', () => {
  it('recognises personal or secret field names by their words', () => {
    for (const key of [
      'image',
      'faceImage',
      'frame_jpeg',
      'answers',
      'email',
      'cardLast4',
      'pin',
      'apiKeyPlain',
      'skinProfile',
      'authorization',
    ]) {
      expect(isPersonalKey(key), key).toBe(true);
    }
    for (const key of [
      'sku',
      'orderId',
      'durationMs',
      'shipping',
      'mapping',
      'provider',
      'version',
      'faceCount',
    ]) {
      expect(isPersonalKey(key), key).toBe(false);
    }
  });

  it('replaces personal fields and keeps the rest', () => {
    expect(
      redactLogFields({ orderId: 'ord_1', email: 'a@b.c', attemptsLeft: 3, pin: '1234', skipped: undefined }),
    ).toEqual({
      orderId: 'ord_1',
      email: '[redacted]',
      attemptsLeft: 3,
      pin: '[redacted]',
    });
  });

  it('scrubs image blobs and card numbers out of free text', () => {
    const dataUrl = `data:image/jpeg;base64,${'A'.repeat(64)}`;
    expect(scrubText(`captured ${dataUrl} ok`)).toBe('captured [redacted] ok');
    expect(scrubText(`blob ${'QUJD'.repeat(40)}`)).toBe('blob [redacted]');
    expect(scrubText('card 4242 4242 4242 4242 declined')).toBe('card [redacted] declined');
    // A Luhn-invalid number (an order id, a timestamp) stays.
    expect(scrubText('order 1234567890123456')).toBe('order 1234567890123456');
  });

  it('caps long strings', () => {
    const out = scrubText('x '.repeat(400));
    expect(out.length).toBe(301);
    expect(out.endsWith('…')).toBe(true);
  });

  it('redacts personal keys at any depth, drops binary under neutral keys and scrubs nested text', () => {
    const out = redactLogFields({
      details: { pin: '4821', card: { number: '4242424242424242' }, image: 'AAAA', step: 'capture' },
      payload: new Uint8Array([1, 2, 3]),
      chunks: [{ blob: new ArrayBuffer(8) }, 'ok'],
      note: 'reader said: Invalid API Key provided: sk_live_51HxYzAbCdEfGhIjKlMn',
      headers: { Authorization: 'Bearer abc.def.ghi', 'x-request': 'Bearer abc.def.ghi' },
      amount: 4242424242424242,
      count: 3,
    });
    expect(out).toEqual({
      details: { pin: '[redacted]', card: '[redacted]', image: '[redacted]', step: 'capture' },
      payload: '[binary]',
      chunks: [{ blob: '[binary]' }, 'ok'],
      note: 'reader said: Invalid API Key provided: [redacted]',
      headers: { Authorization: '[redacted]', 'x-request': '[redacted]' },
      amount: '[redacted]',
      count: 3,
    });
  });

  it('scrubs Stripe keys, webhook secrets, PEM private keys and PIN hashes out of free text', () => {
    for (const secret of [
      'sk_live_51HxYzAbCdEfGhIjKlMn',
      'rk_test_abcdefgh12345678',
      'whsec_0123456789abcdef',
      'scrypt$16384$8$1$c2FsdA==$aGFzaA==',
      '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI\n-----END PRIVATE KEY-----',
    ]) {
      const text = scrubText(`failed with ${secret} (retrying)`);
      expect(text, secret).toBe('failed with [redacted] (retrying)');
    }
    expect(scrubText('order ord_123 sk_ is not a key')).toBe('order ord_123 sk_ is not a key');
  });

  it('bounds depth, breadth and size, survives cycles, throwing getters and prototype keys', () => {
    const cycle: Record<string, unknown> = { name: 'loop' };
    cycle.self = cycle;
    const hostile = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    const wide = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, i]));
    const out = redactLogFields({
      cycle,
      hostile,
      wide,
      long: Array.from({ length: 1000 }, (_, i) => i),
      ...JSON.parse('{"__proto__": {"polluted": true}}'),
    });
    const json = JSON.stringify(out);
    expect(json.length).toBeLessThan(4000);
    expect(json).toContain('[truncated]');
    expect(out.hostile).toEqual({ boom: '[unreadable]' });
    expect(Object.keys(out.wide as object)).toHaveLength(33);
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never lets a planted secret through, whatever the shape (property test)', () => {
    const secrets = [
      'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
      '4000 0566 5566 5556',
      `data:image/jpeg;base64,${'/9j/4AAQSkZJRg'.repeat(4)}`,
      `-----BEGIN EC PRIVATE KEY-----MHcCAQEEIB-----END EC PRIVATE KEY-----`,
    ];
    const personalKeys = ['pin', 'cardNumber', 'faceImage', 'answers', 'apiKey', 'email'];
    const leaf = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc
        .constantFrom(...secrets)
        .chain((secret) =>
          fc
            .tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }))
            .map(([a, b]) => `${a} ${secret} ${b}`),
        ),
      fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => ({ bytes })),
    );
    const tree = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.array(tie('node'), { maxLength: 6 }),
        fc.dictionary(
          fc.oneof(
            fc.string({ maxLength: 12 }),
            fc.constantFrom(...personalKeys, '__proto__', 'constructor'),
          ),
          tie('node'),
          { maxKeys: 6 },
        ),
      ),
    })).node;
    let tried = 0;
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 12 }), tree, { maxKeys: 8 }),
        fc.string(),
        (fields, pin) => {
          tried++;
          const planted = { ...fields, details: { ...fields, pin: `${pin}4821` } };
          const json = JSON.stringify(redactLogFields(planted));
          for (const secret of secrets) expect(json).not.toContain(secret.slice(0, 20));
          expect(json).not.toMatch(/"(pin|cardNumber|faceImage|answers|apiKey|email)":"(?!\[redacted\])/);
          expect(json).not.toContain('"bytes":{');
          expect(json.length).toBeLessThan(200_000);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
    console.log(`log redaction property test: ${tried} random objects`);
  });
});
