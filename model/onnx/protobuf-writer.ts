/**
 * Minimal protocol-buffers wire-format writer: just enough to serialise the ONNX messages this
 * project produces. Writing by hand keeps the model build free of generated code and makes the
 * output bytes depend only on the calls made (fields are written in the order they are called).
 */

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LENGTH_DELIMITED = 2;
const WIRE_FIXED32 = 5;

const textEncoder = new TextEncoder();

/** Appends protobuf fields to a growing byte buffer. */
export class ProtoWriter {
  private buffer = new Uint8Array(256);
  private length = 0;

  /** Writes an unsigned or signed 64-bit varint (negative numbers use ten-byte two's complement). */
  varintField(field: number, value: number | bigint): this {
    this.tag(field, WIRE_VARINT);
    this.rawVarint(value);
    return this;
  }

  /** Writes a boolean as a varint 0/1. */
  boolField(field: number, value: boolean): this {
    return this.varintField(field, value ? 1 : 0);
  }

  /** Writes a 32-bit IEEE float (wire type 5). */
  floatField(field: number, value: number): this {
    this.tag(field, WIRE_FIXED32);
    const view = this.reserve(4);
    view.setFloat32(0, value, true);
    return this;
  }

  /** Writes a 64-bit IEEE double (wire type 1). */
  doubleField(field: number, value: number): this {
    this.tag(field, WIRE_FIXED64);
    const view = this.reserve(8);
    view.setFloat64(0, value, true);
    return this;
  }

  /** Writes a UTF-8 string. */
  stringField(field: number, value: string): this {
    return this.bytesField(field, textEncoder.encode(value));
  }

  /** Writes a length-delimited byte field (also used for embedded messages). */
  bytesField(field: number, value: Uint8Array): this {
    this.tag(field, WIRE_LENGTH_DELIMITED);
    this.rawVarint(value.length);
    this.rawBytes(value);
    return this;
  }

  /** Writes an embedded message produced by `build` into a fresh writer. */
  messageField(field: number, build: (writer: ProtoWriter) => void): this {
    const nested = new ProtoWriter();
    build(nested);
    return this.bytesField(field, nested.finish());
  }

  /** Writes repeated varints in packed form (one length-delimited field). */
  packedVarintField(field: number, values: readonly (number | bigint)[]): this {
    const nested = new ProtoWriter();
    for (const value of values) nested.rawVarint(value);
    return this.bytesField(field, nested.finish());
  }

  /** Writes repeated 32-bit floats in packed form. */
  packedFloatField(field: number, values: readonly number[]): this {
    const bytes = new Uint8Array(values.length * 4);
    const view = new DataView(bytes.buffer);
    values.forEach((value, index) => view.setFloat32(index * 4, value, true));
    return this.bytesField(field, bytes);
  }

  /** Returns a copy of the bytes written so far. */
  finish(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  private tag(field: number, wireType: number): void {
    if (!Number.isInteger(field) || field < 1) throw new RangeError(`invalid protobuf field number ${field}`);
    this.rawVarint(field * 8 + wireType);
  }

  private rawVarint(input: number | bigint): void {
    if (typeof input === 'number' && !Number.isSafeInteger(input)) {
      throw new RangeError(`varint value ${input} is not a safe integer; pass a bigint`);
    }
    // Two's complement over 64 bits turns negatives into the ten-byte form protobuf expects.
    let value = BigInt.asUintN(64, BigInt(input));
    const view = this.reserve(10);
    let offset = 0;
    while (value >= 0x80n) {
      view.setUint8(offset++, Number(value & 0x7fn) | 0x80);
      value >>= 7n;
    }
    view.setUint8(offset++, Number(value));
    this.length -= 10 - offset;
  }

  private rawBytes(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** Reserves `size` bytes and returns a view over them; the length advances by `size`. */
  private reserve(size: number): DataView {
    this.ensure(size);
    const view = new DataView(this.buffer.buffer, this.buffer.byteOffset + this.length, size);
    this.length += size;
    return view;
  }

  private ensure(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.buffer.length) return;
    let capacity = this.buffer.length * 2;
    while (capacity < needed) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
}
