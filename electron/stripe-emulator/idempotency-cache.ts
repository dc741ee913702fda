import { StripeApiFailure } from './emulator-errors';

interface Entry {
  fingerprint: string;
  status: number;
  body: string;
  inFlight: boolean;
  at: number;
}

/** Stripe keeps idempotent results for at least 24 hours. */
const RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * Idempotency-Key replay as Stripe does it: the first result for a key is stored and replayed for
 * every later request with that key; the same key with different parameters is an
 * `idempotency_error`; a second request while the first still runs gets 409. Requests that fail
 * validation before running (or faults injected in front of the API) store nothing.
 */
export class IdempotencyCache {
  private readonly entries = new Map<string, Entry>();

  /** `maxEntries` bounds the answers kept besides the 24 hours (an emulator inside a demo kiosk). */
  constructor(private readonly maxEntries = Infinity) {}

  /** The stored answer for a replay, or null when the request should run (and is now in flight). */
  begin(key: string, fingerprint: string): { status: number; body: string } | null {
    this.prune(key);
    const entry = this.entries.get(key);
    if (!entry) {
      this.entries.set(key, { fingerprint, status: 0, body: '', inFlight: true, at: Date.now() });
      return null;
    }
    if (entry.fingerprint !== fingerprint) {
      throw new StripeApiFailure(400, {
        type: 'idempotency_error',
        message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      });
    }
    if (entry.inFlight) {
      throw new StripeApiFailure(409, {
        type: 'idempotency_error',
        code: 'idempotency_key_in_use',
        message:
          'There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): please try again later.',
      });
    }
    return { status: entry.status, body: entry.body };
  }

  /** Stores the result of a request that ran. */
  finish(key: string, status: number, body: string): void {
    const entry = this.entries.get(key);
    if (entry) Object.assign(entry, { status, body, inFlight: false });
  }

  /** Forgets a request that was refused before it ran, so the key can be used again. */
  abandon(key: string): void {
    this.entries.delete(key);
  }

  /** Forgets expired answers, and the oldest ones while `incoming` would not fit in the bound. */
  private prune(incoming: string): void {
    const cutoff = Date.now() - RETENTION_MS;
    // Insertion order is age order: the oldest answers go first, and the scan stops at the first
    // answer that is both recent and within the bound.
    let excess = this.entries.size - this.maxEntries + (this.entries.has(incoming) ? 0 : 1);
    for (const [key, entry] of this.entries) {
      if (entry.inFlight) continue;
      if (excess <= 0 && entry.at >= cutoff) break;
      this.entries.delete(key);
      excess -= 1;
    }
  }
}
