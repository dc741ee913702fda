import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { KioskError } from '../../shared/result';

/**
 * Staff PINs are stored only as scrypt hashes: `scrypt$N$r$p$saltB64$hashB64`. A 4–12 digit PIN
 * has little entropy, so the cost parameters matter more than usual; the lockout after five wrong
 * tries (staff-lock-policy) is the other half of the defence.
 */
export interface PinScryptParams {
  N: number;
  r: number;
  p: number;
  keyLength: number;
  saltBytes: number;
}

const PIN_SCRYPT_DEFAULTS: Readonly<PinScryptParams> = {
  N: 16_384,
  r: 8,
  p: 1,
  keyLength: 32,
  saltBytes: 16,
};

/** The hash of the demo PIN 1234, used when a kiosk runs without a provisioned PIN. */
export const DEMO_PIN_HASH =
  'scrypt$16384$8$1$c2tpbi1raW9zay1kZW1vIQ==$xvrvskfWT0DspaTjvGTxsshl4fkWS+hG5TiSINxecSU=';

// Upper bounds stop a tampered config from making every PIN check burn seconds and gigabytes.
const MAX_N = 1 << 20;
const MAX_RP = 64;
const FORMAT = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

function scrypt(pin: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(pin, salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

const maxmem = (N: number, r: number) => 256 * N * r + 1024 * 1024;

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

/** Splits a stored hash; throws CONFIG_INVALID when it is malformed or its cost is out of bounds. */
export function parsePinHash(stored: string): ParsedHash {
  const m = FORMAT.exec(stored);
  if (!m) throw new KioskError('CONFIG_INVALID', 'staff.pinHash is not a scrypt$N$r$p$salt$hash string');
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const salt = Buffer.from(m[4] ?? '', 'base64');
  const hash = Buffer.from(m[5] ?? '', 'base64');
  const powerOfTwo = N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > MAX_N || r < 1 || p < 1 || r * p > MAX_RP || salt.length < 8 || hash.length < 16) {
    throw new KioskError('CONFIG_INVALID', 'staff.pinHash has out-of-range scrypt parameters');
  }
  return { N, r, p, salt, hash };
}

/** Hashes a PIN of 4–12 digits with a fresh random salt. */
export async function hashPin(pin: string, params: Partial<PinScryptParams> = {}): Promise<string> {
  if (!/^\d{4,12}$/.test(pin)) throw new KioskError('INVALID_INPUT', 'A staff PIN is 4 to 12 digits.');
  const { N, r, p, keyLength, saltBytes } = { ...PIN_SCRYPT_DEFAULTS, ...params };
  const salt = randomBytes(saltBytes);
  const hash = await scrypt(pin, salt, keyLength, { N, r, p, maxmem: maxmem(N, r) });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Whether `pin` matches the stored hash, compared in constant time. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const { N, r, p, salt, hash } = parsePinHash(stored);
  const candidate = await scrypt(pin, salt, hash.length, { N, r, p, maxmem: maxmem(N, r) });
  return timingSafeEqual(candidate, hash);
}
