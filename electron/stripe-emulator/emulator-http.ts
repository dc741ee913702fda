import type http from 'node:http';
import { StripeApiFailure, errorEnvelope } from './emulator-errors';
import { FormParseError } from './form-body-parser';

/** Plain HTTP plumbing of the emulator: auth, bodies, answers. */
const MAX_BODY = 256 * 1024;

/** Checks the Bearer key as Stripe does: any test key, or exactly the configured one. */
export function authenticate(header: string | undefined, expected: string | null): void {
  const key = /^Bearer (.+)$/.exec(header ?? '')?.[1];
  if (!key) {
    throw new StripeApiFailure(401, {
      type: 'invalid_request_error',
      message:
        'You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth.',
    });
  }
  const ok = expected ? key === expected : /^(sk|rk)_test_\w+$/.test(key);
  if (!ok) {
    throw new StripeApiFailure(401, {
      type: 'invalid_request_error',
      code: 'api_key_invalid',
      message: `Invalid API Key provided: ${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`,
    });
  }
}

/** Renders a thrown error as Stripe would answer it. */
export function failure(err: unknown): { status: number; payload: object } {
  if (err instanceof StripeApiFailure) return { status: err.status, payload: errorEnvelope(err.body) };
  if (err instanceof FormParseError) {
    return { status: 400, payload: errorEnvelope({ type: 'invalid_request_error', message: err.message }) };
  }
  return {
    status: 500,
    payload: errorEnvelope({ type: 'api_error', message: 'An unknown error occurred.' }),
  };
}

/** JSON with sorted keys, so the same parameters in another order fingerprint the same. */
export const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

/** Reads a request body up to 256 KiB. */
export function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Answers JSON. */
export function send(
  res: http.ServerResponse,
  status: number,
  payload: object,
  headers: http.OutgoingHttpHeaders = {},
): void {
  const json = JSON.stringify(payload);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(json),
  });
  res.end(json);
}
