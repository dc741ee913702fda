import type { LogFields } from '../ports/logger-port';

/**
 * The last line of defence for "no personal data in logs": callers are expected to log event names
 * and counts, but whatever reaches a log line — at any depth — is cleaned before it is written:
 * a field named after something personal is replaced, binary data is dropped, and free text loses
 * image blobs, card numbers and secrets. The walk is bounded in depth, breadth and total size, so a
 * hostile or accidental object (a request, a socket, a cycle) cannot make a line large or slow.
 */
const PERSONAL_WORDS = new Set([
  'image',
  'frame',
  'photo',
  'picture',
  'selfie',
  'pixels',
  'answer',
  'answers',
  'questionnaire',
  'profile',
  'email',
  'phone',
  'address',
  'card',
  'pan',
  'cvc',
  'cvv',
  'expiry',
  'pin',
  'secret',
  'password',
  'token',
  'key',
  'authorization',
  'cookie',
]);

const MAX_STRING = 300;
const SCRUB_WINDOW = 4096;
const MAX_KEY = 64;
/** Levels below the line's own fields; deeper values become `[truncated]`. */
const MAX_DEPTH = 4;
/** Entries kept per object or array. */
const MAX_ENTRIES = 32;
/** Values visited per line; the rest become `[truncated]`. */
const MAX_NODES = 256;

const REDACTED = '[redacted]';
const BINARY = '[binary]';
const TRUNCATED = '[truncated]';

const DATA_URL = /data:[a-z]+\/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=]{16,}/gi;
const LONG_BASE64 = /[A-Za-z0-9+/]{120,}={0,2}/g;
/** Digits in groups joined by single spaces or dashes, as card numbers are written. */
const DIGIT_RUN = /\d(?:[ -]?\d)*/g;
/**
 * Credentials that can turn up inside an error message or a URL: Stripe secret, restricted and
 * publishable keys and webhook secrets, bearer tokens, PEM private keys and the PIN's scrypt hash.
 */
const SECRETS = [
  /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]+/g,
  /\bwhsec_[A-Za-z0-9]+/g,
  /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  /\bscrypt\$[^\s"',]+/g,
];

/** What a redacted value may be: JSON-safe, bounded, nothing binary. */
type SafeLogValue = string | number | boolean | null | SafeLogValue[] | { [key: string]: SafeLogValue };
export type SafeLogFields = { [key: string]: SafeLogValue };

/** Splits `apiKeyEncrypted`, `face_image`, `x-card-pan` into lower-case words. */
function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_\-.]+/)
    .map((w) => w.toLowerCase())
    .filter(Boolean);
}

/** Whether a field name says it carries personal or secret data. */
export function isPersonalKey(key: string): boolean {
  return keyWords(key).some((w) => PERSONAL_WORDS.has(w));
}

/** Luhn check, so order ids and timestamps are not mistaken for card numbers. */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Whether some consecutive groups of a digit run form a Luhn-valid 13–19 digit number, so a card
 * number is found even with other numbers written next to it ("card 4000 0566 5566 5556 0").
 */
function holdsCardNumber(run: string): boolean {
  const groups = run.split(/[ -]/);
  for (let first = 0; first < groups.length; first++) {
    let digits = '';
    for (let last = first; last < groups.length && digits.length <= 19; last++) {
      digits += groups[last];
      if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) return true;
    }
  }
  return false;
}

/** Scrubs image blobs, card-number-like digit runs and secrets out of free text, and caps its length. */
export function scrubText(text: string): string {
  // Only the start can survive the cap; scrubbing megabytes to keep 300 characters is waste.
  let scrubbed = text
    .slice(0, SCRUB_WINDOW)
    .replace(DATA_URL, REDACTED)
    .replace(LONG_BASE64, REDACTED)
    .replace(DIGIT_RUN, (m) => (m.length >= 13 && holdsCardNumber(m) ? REDACTED : m));
  for (const secret of SECRETS) scrubbed = scrubbed.replace(secret, REDACTED);
  return scrubbed.length > MAX_STRING ? `${scrubbed.slice(0, MAX_STRING)}…` : scrubbed;
}

const isBinary = (value: object): boolean =>
  ArrayBuffer.isView(value) ||
  value instanceof ArrayBuffer ||
  (typeof SharedArrayBuffer !== 'undefined' && value instanceof SharedArrayBuffer) ||
  // A Blob (Node and browsers alike) by its tag: core sees neither platform's globals.
  Object.prototype.toString.call(value) === '[object Blob]';

const isPlainObject = (value: object): boolean => {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/** Sets `key` as an own property even when it is `__proto__`. */
function put(target: { [key: string]: SafeLogValue }, key: string, value: SafeLogValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

class Walk {
  private visited = 0;

  value(value: unknown, depth: number): SafeLogValue | undefined {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
    if (++this.visited > MAX_NODES) return TRUNCATED;
    if (value === null || typeof value === 'boolean') return value;
    if (typeof value === 'string') return scrubText(value);
    if (typeof value === 'bigint') return scrubText(value.toString());
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return String(value);
      // A card number can arrive as a number as easily as as text.
      return Number.isInteger(value) && scrubText(String(value)) === REDACTED ? REDACTED : value;
    }
    if (typeof value !== 'object') return TRUNCATED;
    if (isBinary(value)) return BINARY;
    if (value instanceof Error) return scrubText(`${value.name}: ${value.message}`);
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
    if (depth >= MAX_DEPTH) return TRUNCATED;
    if (Array.isArray(value)) return this.array(value, depth);
    if (!isPlainObject(value)) return '[object]';
    return this.object(value as Record<string, unknown>, depth);
  }

  object(source: Readonly<Record<string, unknown>>, depth: number): SafeLogFields {
    const out: SafeLogFields = {};
    const keys = Object.keys(source);
    for (const key of keys.slice(0, MAX_ENTRIES)) {
      const safeKey = key.length > MAX_KEY ? `${scrubText(key).slice(0, MAX_KEY)}…` : scrubText(key);
      if (isPersonalKey(key)) {
        if (source[key] !== undefined) put(out, safeKey, REDACTED);
        continue;
      }
      let safe: SafeLogValue | undefined;
      try {
        safe = this.value(source[key], depth + 1);
      } catch {
        // A getter that throws (a closed socket, a revoked proxy) must not lose the whole line.
        safe = '[unreadable]';
      }
      if (safe !== undefined) put(out, safeKey, safe);
    }
    if (keys.length > MAX_ENTRIES) put(out, TRUNCATED, keys.length - MAX_ENTRIES);
    return out;
  }

  private array(source: readonly unknown[], depth: number): SafeLogValue[] {
    const out = source.slice(0, MAX_ENTRIES).map((item) => this.value(item, depth + 1) ?? null);
    if (source.length > MAX_ENTRIES) out.push(`${TRUNCATED} ${source.length - MAX_ENTRIES} more`);
    return out;
  }
}

/** A copy of the fields that is safe to write: personal keys replaced, binary dropped, text scrubbed. */
export function redactLogFields(fields: LogFields | undefined): SafeLogFields {
  if (!fields || typeof fields !== 'object') return {};
  return new Walk().object(fields, 0);
}
