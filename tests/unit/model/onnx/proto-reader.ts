/**
 * Test-only protobuf wire reader: decodes a message into its raw fields so tests can check what the
 * writer produced without depending on a protobuf library.
 */
export interface RawField {
  readonly field: number;
  readonly wireType: number;
  /** Varints as bigint, fixed32/fixed64 as the raw bytes, length-delimited as bytes. */
  readonly value: bigint | Uint8Array;
}

/** Decodes the top-level fields of one message. */
export function readFields(bytes: Uint8Array): RawField[] {
  const fields: RawField[] = [];
  let offset = 0;
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const byte = bytes[offset++];
      if (byte === undefined) throw new Error('truncated varint');
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
    }
  };
  while (offset < bytes.length) {
    const key = Number(varint());
    const field = key >>> 3;
    const wireType = key & 7;
    if (wireType === 0) fields.push({ field, wireType, value: varint() });
    else if (wireType === 1 || wireType === 5) {
      const size = wireType === 1 ? 8 : 4;
      fields.push({ field, wireType, value: bytes.slice(offset, offset + size) });
      offset += size;
    } else if (wireType === 2) {
      const length = Number(varint());
      fields.push({ field, wireType, value: bytes.slice(offset, offset + length) });
      offset += length;
    } else throw new Error(`unexpected wire type ${wireType}`);
  }
  return fields;
}

/** All length-delimited values of `field`, as bytes. */
export function bytesOf(fields: readonly RawField[], field: number): Uint8Array[] {
  return fields.filter((f) => f.field === field).map((f) => f.value as Uint8Array);
}

/** All values of `field` decoded as UTF-8 strings. */
export function stringsOf(fields: readonly RawField[], field: number): string[] {
  return bytesOf(fields, field).map((b) => new TextDecoder().decode(b));
}

/** The single varint value of `field`. */
export function varintOf(fields: readonly RawField[], field: number): bigint | undefined {
  const found = fields.find((f) => f.field === field);
  return found === undefined ? undefined : (found.value as bigint);
}

/** Decodes a packed varint payload into bigints. */
export function packedVarints(bytes: Uint8Array): bigint[] {
  const out: bigint[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const byte = bytes[offset++] as number;
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) break;
      shift += 7n;
    }
    out.push(BigInt.asIntN(64, result));
  }
  return out;
}
