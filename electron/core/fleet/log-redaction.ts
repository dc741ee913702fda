import type { LogFields } from '../ports/logger-port';

/**
 * The last line of defence for "no personal data in logs": callers are expected to log event names
 * and counts, but a field named after something personal, a blob that looks like an image, or a
 * run of digits that could be a card number is replaced before the line is written anywhere.
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
const REDACTED = '[redacted]';
const DATA_URL = /data:[a-z]+\/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=]{16,}/gi;
const LONG_BASE64 = /[A-Za-z0-9+/]{120,}={0,2}/g;
const CARD_LIKE = /\b\d(?:[ -]?\d){12,18}\b/g;

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

/** Scrubs image blobs and card-number-like digit runs out of free text, and caps its length. */
export function scrubText(text: string): string {
  const scrubbed = text
    .replace(DATA_URL, REDACTED)
    .replace(LONG_BASE64, REDACTED)
    .replace(CARD_LIKE, (m) => (luhnValid(m.replace(/[ -]/g, '')) ? REDACTED : m));
  return scrubbed.length > MAX_STRING ? `${scrubbed.slice(0, MAX_STRING)}…` : scrubbed;
}

/** A copy of the fields that is safe to write: personal keys replaced, strings scrubbed. */
export function redactLogFields(fields: LogFields | undefined): LogFields {
  const out: LogFields = {};
  if (!fields) return out;
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (isPersonalKey(key)) out[key] = REDACTED;
    else out[key] = typeof value === 'string' ? scrubText(value) : value;
  }
  return out;
}
