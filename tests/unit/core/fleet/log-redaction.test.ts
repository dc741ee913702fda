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
});
