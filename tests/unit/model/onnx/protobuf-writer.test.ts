import { describe, expect, it } from 'vitest';
import { ProtoWriter } from '../../../../model/onnx/protobuf-writer';
import { packedVarints, readFields } from './proto-reader';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('ProtoWriter', () => {
  it('encodes varints as the protobuf spec examples', () => {
    expect(hex(new ProtoWriter().varintField(1, 150).finish())).toBe('089601');
    expect(hex(new ProtoWriter().varintField(2, 0).finish())).toBe('1000');
    expect(hex(new ProtoWriter().varintField(1, 300).finish())).toBe('08ac02');
  });

  it('writes negative int64 as ten-byte two’s complement', () => {
    const bytes = new ProtoWriter().varintField(1, -1).finish();
    expect(hex(bytes)).toBe('08ffffffffffffffffff01');
    const [field] = readFields(bytes);
    expect(BigInt.asIntN(64, field?.value as bigint)).toBe(-1n);
  });

  it('round-trips 64-bit values given as bigint and rejects unsafe numbers', () => {
    const big = 2n ** 62n + 5n;
    const [field] = readFields(new ProtoWriter().varintField(3, big).finish());
    expect(field).toMatchObject({ field: 3, wireType: 0, value: big });
    expect(() => new ProtoWriter().varintField(1, 2 ** 60)).toThrow(/safe integer/);
    expect(() => new ProtoWriter().varintField(0, 1)).toThrow(/field number/);
  });

  it('writes strings, floats, doubles and nested messages with the right wire types', () => {
    const bytes = new ProtoWriter()
      .stringField(1, 'héllo')
      .floatField(2, 1.5)
      .doubleField(3, -2.25)
      .messageField(4, (m) => m.varintField(1, 7))
      .finish();
    const fields = readFields(bytes);
    expect(fields.map((f) => [f.field, f.wireType])).toEqual([
      [1, 2],
      [2, 5],
      [3, 1],
      [4, 2],
    ]);
    expect(new TextDecoder().decode(fields[0]?.value as Uint8Array)).toBe('héllo');
    expect(new DataView((fields[1]?.value as Uint8Array).buffer).getFloat32(0, true)).toBe(1.5);
    expect(new DataView((fields[2]?.value as Uint8Array).buffer).getFloat64(0, true)).toBe(-2.25);
    expect(readFields(fields[3]?.value as Uint8Array)).toEqual([{ field: 1, wireType: 0, value: 7n }]);
  });

  it('packs repeated varints and floats', () => {
    const fields = readFields(
      new ProtoWriter().packedVarintField(8, [1, -2, 300]).packedFloatField(7, [0.5, -1]).finish(),
    );
    expect(packedVarints(fields[0]?.value as Uint8Array)).toEqual([1n, -2n, 300n]);
    const floats = new Float32Array((fields[1]?.value as Uint8Array).slice().buffer);
    expect([...floats]).toEqual([0.5, -1]);
  });

  it('grows past its initial buffer without corrupting earlier bytes', () => {
    const payload = new Uint8Array(5000).map((_, i) => i % 251);
    const fields = readFields(
      new ProtoWriter().varintField(1, 42).bytesField(2, payload).varintField(3, 9).finish(),
    );
    expect(fields[0]?.value).toBe(42n);
    expect(fields[1]?.value).toEqual(payload);
    expect(fields[2]?.value).toBe(9n);
  });
});
