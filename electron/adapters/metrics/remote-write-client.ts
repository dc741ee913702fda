import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { REMOTE_WRITE_HEADERS } from './remote-write-codec';

/**
 * What became of one push request:
 * - `ok`: stored by the receiver;
 * - `retry`: nothing wrong with the data (receiver down, overloaded, 429/5xx, a timeout, or a
 *   credential or URL problem IT has to fix) — keep it and send it again later;
 * - `rejected`: the receiver refused these samples (400 out-of-order or malformed, 413 too large);
 *   sending them again would fail the same way, so they are dropped.
 */
export type PushOutcome =
  | { kind: 'ok'; status: number }
  | { kind: 'retry'; status: number | null; reason: string }
  | { kind: 'rejected'; status: number; reason: string };

export interface PushRequestOptions {
  /** `Bearer …` or `Basic …`, or null. Never logged. */
  authorization: string | null;
  timeoutMs: number;
  userAgent: string;
}

/** Status codes whose samples cannot succeed on a retry (remote-write spec: 4xx except 429). */
const REJECTED = new Set([400, 409, 413, 422]);
const MAX_ERROR_TEXT = 200;

/** POSTs one compressed write request. Never throws: every failure becomes an outcome. */
export function postWriteRequest(url: URL, body: Uint8Array, opts: PushRequestOptions): Promise<PushOutcome> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: PushOutcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          ...REMOTE_WRITE_HEADERS,
          'content-length': body.byteLength,
          'user-agent': opts.userAgent,
          ...(opts.authorization ? { authorization: opts.authorization } : {}),
        },
        timeout: opts.timeoutMs,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (text.length < MAX_ERROR_TEXT) text += chunk;
        });
        res.on('error', (err) => settle({ kind: 'retry', status, reason: err.message }));
        res.on('end', () => settle(classify(status, text.slice(0, MAX_ERROR_TEXT).trim())));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${opts.timeoutMs} ms`)));
    req.on('error', (err) => settle({ kind: 'retry', status: null, reason: err.message }));
    req.end(body);
  });
}

function classify(status: number, text: string): PushOutcome {
  if (status >= 200 && status < 300) return { kind: 'ok', status };
  const reason = `HTTP ${status}${text ? `: ${text}` : ''}`;
  if (REJECTED.has(status)) return { kind: 'rejected', status, reason };
  return { kind: 'retry', status, reason };
}
