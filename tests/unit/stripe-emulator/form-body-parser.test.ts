import { describe, expect, it } from 'vitest';
import { FormParseError, parseFormBody } from '../../../electron/stripe-emulator/form-body-parser';

describe('parseFormBody', () => {
  it("reads Stripe's bracket notation into objects and arrays", () => {
    const body =
      'amount=1234&currency=usd&allowed_payment_method_types[0]=card_present&metadata[order_id]=ord_1&metadata[kiosk_id]=k%201' +
      '&expand[]=latest_charge&expand[]=customer&address[line1]=1%20Main&card_present[number]=4242424242424242';
    expect(parseFormBody(body)).toEqual({
      amount: '1234',
      currency: 'usd',
      allowed_payment_method_types: ['card_present'],
      metadata: { order_id: 'ord_1', kiosk_id: 'k 1' },
      expand: ['latest_charge', 'customer'],
      address: { line1: '1 Main' },
      card_present: { number: '4242424242424242' },
    });
  });

  it('decodes percent-encoded brackets the same way', () => {
    expect(parseFormBody('metadata%5Border_id%5D=x')).toEqual({ metadata: { order_id: 'x' } });
  });

  it('keeps objects with non-sequential numeric keys as objects', () => {
    expect(parseFormBody('a[0]=x&a[2]=y')).toEqual({ a: { '0': 'x', '2': 'y' } });
  });

  it('nests arrays of objects', () => {
    expect(parseFormBody('items[0][price]=p1&items[0][quantity]=2&items[1][price]=p2')).toEqual({
      items: [{ price: 'p1', quantity: '2' }, { price: 'p2' }],
    });
  });

  it('rejects a key used both as a value and as a parent', () => {
    expect(() => parseFormBody('metadata=x&metadata[a]=b')).toThrow(FormParseError);
    expect(() => parseFormBody('metadata[a]=b&metadata=x')).toThrow(FormParseError);
  });

  it('reads an empty body as no parameters', () => {
    expect(parseFormBody('')).toEqual({});
  });

  it('keeps prototype keys as plain keys and never touches Object.prototype', () => {
    const body =
      '__proto__[polluted]=yes&constructor[prototype][polluted2]=yes&metadata[__proto__][x]=1&a[__proto__]=b';
    const parsed = parseFormBody(body);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted2).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('x');
    expect(Object.keys(parsed).sort()).toEqual(['__proto__', 'a', 'constructor', 'metadata']);
    expect(Object.hasOwn(parsed, '__proto__')).toBe(true);
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(
      JSON.parse(
        '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted2":"yes"}},"metadata":{"__proto__":{"x":"1"}},"a":{"__proto__":"b"}}',
      ),
    );
  });

  it('refuses a parameter nested deeper than Stripe ever nests', () => {
    expect(() => parseFormBody(`a${'[b]'.repeat(12)}=1`)).toThrow(FormParseError);
    expect(parseFormBody(`a${'[b]'.repeat(6)}=1`)).toBeTruthy();
  });
});
