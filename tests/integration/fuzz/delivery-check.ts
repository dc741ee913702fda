/**
 * Bytes written as base64 so two values compare as one string each. The holder's own property is
 * read, not the value JSON passes on, which a Node Buffer has already turned into `{ type, data }`.
 */
function withBytes(this: unknown, key: string, value: unknown): unknown {
  const raw: unknown = (this as Record<string, unknown>)[key];
  return raw instanceof Uint8Array ? { '#bytes': Buffer.from(raw).toString('base64') } : value;
}

/**
 * A value as one JSON string, own keys in order (a key named `__proto__` included) and bytes as
 * base64, or null when the value is too deep to write out. Two values that deliver the same
 * payload give the same string; a payload whose `__proto__` key became a prototype does not.
 */
export function canonical(value: unknown): string | null {
  try {
    return JSON.stringify(value, withBytes) ?? 'undefined';
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/**
 * What the kiosk must receive for `sent`: over JSON, what JSON keeps of it (bytes become objects of
 * numbers); over the wire codec, the value itself with its bytes.
 */
export function expectedDelivery(sent: unknown, keepsBytes: boolean): string | null {
  if (keepsBytes) return canonical(sent);
  try {
    return canonical(JSON.parse(JSON.stringify(sent) ?? 'null'));
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}
