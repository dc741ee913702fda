import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire, peekMessageId, WireFormatError } from '../../../electron/shared/wire-codec';

describe('wire codec', () => {
  it('round-trips nested values with several binary attachments byte for byte', () => {
    const frame = new Uint8Array(640 * 480 * 4).map((_, i) => i % 251);
    const value = {
      kind: 'invoke',
      id: 7,
      payload: { frame: { width: 640, height: 480, data: frame }, list: [new Uint8Array([9, 8])] },
    };
    const decoded = decodeWire(encodeWire(value)) as typeof value;
    expect(decoded.payload.frame.data).toBeInstanceOf(Uint8Array);
    expect(Buffer.compare(Buffer.from(decoded.payload.frame.data), Buffer.from(frame))).toBe(0);
    expect(Array.from(decoded.payload.list[0] ?? [])).toEqual([9, 8]);
    expect(decoded.id).toBe(7);
  });

  it('keeps binary payloads out of the JSON header (no base64 inflation)', () => {
    const bytes = encodeWire({ data: new Uint8Array(10_000) });
    expect(bytes.length).toBeLessThan(10_000 + 64);
  });

  it('rejects truncated and malformed messages with a typed error', () => {
    const good = encodeWire({ data: new Uint8Array(100) });
    expect(() => decodeWire(good.subarray(0, good.length - 10))).toThrow(WireFormatError);
    expect(() => decodeWire(new Uint8Array([0, 0]))).toThrow(WireFormatError);
    expect(() => decodeWire(new Uint8Array([0, 0, 0, 3, 0x7b, 0x7b, 0x7b]))).toThrow(WireFormatError);
    expect(() => decodeWire(encodeWire({ $bin: 0 }).subarray(0, 14))).toThrow(WireFormatError);
  });

  it('keeps a `__proto__` key as an own key instead of swapping the prototype', () => {
    const header = '{"payload":{"__proto__":{"pin":"1234","polluted":true},"list":[{"__proto__":{"x":1}}]}}';
    const bytes = new Uint8Array(4 + header.length);
    new DataView(bytes.buffer).setUint32(0, header.length);
    bytes.set(new TextEncoder().encode(header), 4);
    const decoded = decodeWire(bytes) as { payload: Record<string, unknown> & { list: object[] } };
    expect(Object.getPrototypeOf(decoded.payload)).toBe(Object.prototype);
    expect(decoded.payload.pin).toBeUndefined();
    expect(Object.hasOwn(decoded.payload, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(decoded.payload.list[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a header nested deeper than any contract payload with a typed error', () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const bytes = new Uint8Array(4 + deep.length);
    new DataView(bytes.buffer).setUint32(0, deep.length);
    bytes.set(new TextEncoder().encode(deep), 4);
    expect(() => decodeWire(bytes)).toThrow(WireFormatError);
    expect(decodeWire(encodeWire({ a: [[[{ b: [1] }]]] }))).toEqual({ a: [[[{ b: [1] }]]] });
  });

  it('decodes attachments into plain Uint8Arrays of their own, also from a Node Buffer', () => {
    const body = Buffer.from(encodeWire({ data: new Uint8Array([1, 2, 3]) }));
    const decoded = decodeWire(body) as { data: Uint8Array };
    expect(decoded.data.constructor).toBe(Uint8Array);
    expect(decoded.data.buffer).not.toBe(body.buffer);
    expect(Array.from(decoded.data)).toEqual([1, 2, 3]);
  });

  it('reads the id of a message it cannot decode, so it can still be answered', () => {
    const deep = `{"kind":"invoke","id":42,"payload":${'['.repeat(100)}${']'.repeat(100)}}`;
    const bytes = new Uint8Array(4 + deep.length);
    new DataView(bytes.buffer).setUint32(0, deep.length);
    bytes.set(new TextEncoder().encode(deep), 4);
    expect(() => decodeWire(bytes)).toThrow(WireFormatError);
    expect(peekMessageId(bytes)).toBe(42);
    expect(peekMessageId(new Uint8Array([0, 0, 0, 9, 1]))).toBeNull();
    expect(peekMessageId(encodeWire({ id: 'x' }))).toBeNull();
  });
});
