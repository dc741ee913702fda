import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire, WireFormatError } from '../../../electron/shared/wire-codec';

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
});
