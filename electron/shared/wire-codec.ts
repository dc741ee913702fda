/**
 * Binary framing for the preview host's HTTP/WebSocket transport, so camera frames (Uint8Array) cross
 * without base64 inflation. Layout: u32 header length, UTF-8 JSON header, then for every binary
 * attachment a u32 length and its bytes. In the header each Uint8Array is replaced by `{"$bin": i}`.
 * Electron's IPC does not need this: structured clone carries typed arrays natively.
 */
const BIN = '$bin';

export class WireFormatError extends Error {
  override readonly name = 'WireFormatError';
}

export function encodeWire(value: unknown): Uint8Array {
  const blobs: Uint8Array[] = [];
  const header = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Uint8Array) {
      blobs.push(v);
      return { [BIN]: blobs.length - 1 };
    }
    return v;
  });
  const headerBytes = new TextEncoder().encode(header ?? 'null');
  const total = 4 + headerBytes.length + blobs.reduce((n, b) => n + 4 + b.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, headerBytes.length);
  out.set(headerBytes, 4);
  let at = 4 + headerBytes.length;
  for (const b of blobs) {
    view.setUint32(at, b.length);
    out.set(b, at + 4);
    at += 4 + b.length;
  }
  return out;
}

export function decodeWire(bytes: Uint8Array): unknown {
  if (bytes.length < 4) throw new WireFormatError('message too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(0);
  if (4 + headerLength > bytes.length) throw new WireFormatError('header length out of range');
  const blobs: Uint8Array[] = [];
  let at = 4 + headerLength;
  while (at < bytes.length) {
    if (at + 4 > bytes.length) throw new WireFormatError('truncated attachment length');
    const len = view.getUint32(at);
    if (at + 4 + len > bytes.length) throw new WireFormatError('truncated attachment');
    // Copy so the decoded array owns a tight buffer (callers may transfer or retain it). Not
    // `slice`: on a Node Buffer (the preview host's request body) it shares memory instead.
    blobs.push(new Uint8Array(bytes.subarray(at + 4, at + 4 + len)));
    at += 4 + len;
  }
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerLength)));
  } catch {
    throw new WireFormatError('header is not JSON');
  }
  return revive(header, blobs);
}

/**
 * The numeric `id` in a message's header, read without decoding the rest, so a request that cannot
 * be decoded (nested too deeply, an attachment out of range) can still be answered; null when the
 * header itself is unreadable.
 */
export function peekMessageId(bytes: Uint8Array): number | null {
  try {
    if (bytes.length < 4) return null;
    const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
    if (4 + headerLength > bytes.length) return null;
    const header: unknown = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerLength)));
    const id = (header as { id?: unknown } | null)?.id;
    return typeof id === 'number' && Number.isSafeInteger(id) ? id : null;
  } catch {
    return null;
  }
}

/** Deeper than any contract payload; stops a hostile header from exhausting the stack. */
const MAX_DEPTH = 64;

function revive(v: unknown, blobs: Uint8Array[], depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new WireFormatError('header nested too deeply');
  if (Array.isArray(v)) return v.map((x) => revive(x, blobs, depth + 1));
  if (v && typeof v === 'object') {
    const rec = v as Record<string, unknown>;
    const keys = Object.keys(rec);
    if (keys.length === 1 && keys[0] === BIN && typeof rec[BIN] === 'number') {
      const blob = blobs[rec[BIN]];
      if (!blob) throw new WireFormatError('attachment index out of range');
      return blob;
    }
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      // Defined, not assigned: a key named `__proto__` stays an own key (as JSON.parse makes it)
      // instead of replacing the object's prototype.
      Object.defineProperty(out, k, {
        value: revive(rec[k], blobs, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return v;
}
