import type { FeedFile } from '../../core/catalog/feed-manifest';
import { KioskError } from '../../shared/result';
import { MAX_MANIFEST_BYTES, type FeedSource, type FetchedImage, type ManifestFetch } from './feed-source';
import { writeVerified } from './verified-download';

export interface HttpFeedOptions {
  /** No response (or no new bytes while downloading) for this long aborts the request. */
  timeoutMs?: number;
  maxManifestBytes?: number;
}

/** Network failure codes in words a member of staff can act on. */
const NETWORK_WORDS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection dropped',
  UND_ERR_SOCKET: 'connection dropped',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'name lookup failed (is the network up?)',
  ETIMEDOUT: 'timed out',
  UND_ERR_CONNECT_TIMEOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

const unreachable = (what: string, error: unknown): KioskError => {
  const name = (error as Error).name;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? '';
  const reason =
    name === 'TimeoutError' || name === 'AbortError'
      ? 'timed out'
      : code.startsWith('ERR_TLS') || code.includes('CERT')
        ? `TLS certificate problem (${code})`
        : (NETWORK_WORDS[code] ?? cause?.message ?? (error as Error).message);
  return new KioskError('FEED_UNREACHABLE', `Cannot reach ${what}: ${reason}.`);
};

/** An AbortSignal that fires when `ms` pass without `touch()` being called. */
function idleSignal(ms: number): { signal: AbortSignal; touch: () => void; done: () => void } {
  const controller = new AbortController();
  let timer = setTimeout(() => controller.abort(new DOMException('idle', 'TimeoutError')), ms);
  return {
    signal: controller.signal,
    touch: () => {
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(new DOMException('idle', 'TimeoutError')), ms);
    },
    done: () => clearTimeout(timer),
  };
}

/** Node's fetch bodies are async-iterable web streams (the DOM typings do not say so). */
const chunksOf = (response: Response): AsyncIterable<Uint8Array> =>
  (response.body as unknown as AsyncIterable<Uint8Array> | null) ?? (async function* () {})();

/** Reads a response body, refusing more than `limit` bytes. */
async function readLimited(
  response: Response,
  limit: number,
  what: string,
  touch: () => void,
): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > limit)
    throw new KioskError('IMAGE_TOO_LARGE', `${what} is ${declared} bytes; the limit is ${limit}.`);
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of chunksOf(response)) {
    total += chunk.length;
    if (total > limit) throw new KioskError('IMAGE_TOO_LARGE', `${what} is larger than ${limit} bytes.`);
    parts.push(Buffer.from(chunk));
    touch();
  }
  return Buffer.concat(parts);
}

/**
 * A feed on an HTTP(S) host: `manifest.json` with conditional GET (If-None-Match), content-addressed
 * files streamed to disk and verified, every request bounded by an inactivity timeout.
 */
export class HttpFeedSource implements FeedSource {
  readonly label: string;
  private readonly base: URL;
  private readonly timeoutMs: number;
  private readonly maxManifestBytes: number;

  constructor(baseUrl: string, options: HttpFeedOptions = {}) {
    this.base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
    if (!/^https?:$/.test(this.base.protocol))
      throw new KioskError('CONFIG_INVALID', `The feed URL must be http(s): ${baseUrl}`);
    this.label = this.base.href;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxManifestBytes = options.maxManifestBytes ?? MAX_MANIFEST_BYTES;
  }

  async fetchManifest(etag: string | null): Promise<ManifestFetch> {
    const url = new URL('manifest.json', this.base);
    const idle = idleSignal(this.timeoutMs);
    try {
      const response = await this.get(url, idle.signal, etag ? { 'if-none-match': etag } : {});
      if (response.status === 304) return { status: 'not-modified' };
      if (!response.ok)
        throw new KioskError(
          'FEED_UNREACHABLE',
          `The catalog feed answered HTTP ${response.status} for ${url.href}.`,
        );
      let body: Buffer;
      try {
        body = await readLimited(response, this.maxManifestBytes, 'The manifest', idle.touch);
      } catch (error) {
        if (error instanceof KioskError) throw new KioskError('FEED_MALFORMED', error.message);
        throw unreachable(url.href, error);
      }
      return { status: 'ok', body, etag: response.headers.get('etag') };
    } finally {
      idle.done();
    }
  }

  async download(file: FeedFile, dest: string, onBytes?: (received: number) => void): Promise<void> {
    const url = new URL(file.path, this.base);
    const idle = idleSignal(this.timeoutMs);
    try {
      const response = await this.get(url, idle.signal);
      if (!response.ok || !response.body)
        throw new KioskError(
          'FEED_UNREACHABLE',
          `The catalog feed answered HTTP ${response.status} for ${url.href}.`,
        );
      await writeVerified(chunksOf(response), file, dest, (received) => {
        idle.touch();
        onBytes?.(received);
      });
    } finally {
      idle.done();
    }
  }

  async fetchImage(ref: string, maxBytes: number): Promise<FetchedImage> {
    const url = new URL(ref, this.base);
    return fetchHttpImage(url, maxBytes, this.timeoutMs);
  }

  private async get(url: URL, signal: AbortSignal, headers: Record<string, string> = {}): Promise<Response> {
    try {
      // Node's fetch keeps no HTTP cache: freshness comes from the explicit conditional requests.
      return await fetch(url, { headers, signal, redirect: 'follow' });
    } catch (error) {
      throw unreachable(url.href, error);
    }
  }
}

/** Longest one product image may take in all, however steadily its bytes arrive. */
const IMAGE_TIME_LIMIT_MS = 120_000;

/** Fetches one image over http(s) with a size limit, an inactivity timeout and a total time limit. */
export async function fetchHttpImage(url: URL, maxBytes: number, timeoutMs: number): Promise<FetchedImage> {
  if (!/^https?:$/.test(url.protocol))
    throw new KioskError('IMAGE_INVALID', `Images are fetched over http(s) only: ${url.href}`);
  const idle = idleSignal(timeoutMs);
  const signal = AbortSignal.any([
    idle.signal,
    AbortSignal.timeout(Math.max(IMAGE_TIME_LIMIT_MS, timeoutMs)),
  ]);
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal, redirect: 'follow' });
    } catch (error) {
      throw unreachable(url.href, error);
    }
    if (!response.ok) throw new KioskError('FEED_UNREACHABLE', `HTTP ${response.status} for ${url.href}`);
    try {
      const bytes = await readLimited(response, maxBytes, url.href, idle.touch);
      return { bytes, contentType: response.headers.get('content-type') };
    } catch (error) {
      throw error instanceof KioskError ? error : unreachable(url.href, error);
    }
  } finally {
    idle.done();
  }
}
