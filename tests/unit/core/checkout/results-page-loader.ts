import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

/** What resources/results-page/results.js exports for tests (it runs without a DOM). */
export interface PageApi {
  /** Resolves to the payload of `#z=` (compressed) or `#r=` (plain), or null. */
  decodePayload(hash: string): Promise<unknown>;
  allowedLink(url: unknown, policy?: { allowedHosts: string[]; pageHost?: string }): string | null;
  buildView(
    payload: unknown,
    lang: string,
    policy?: { allowedHosts: string[]; pageHost?: string },
  ): Record<string, unknown> & {
    products: { url: string | null; price: string; brand: string; name: string; step: string }[];
    metrics: { label: string; score: number }[];
    cart: { url: string; text: string } | null;
  };
}

/** Runs the page script in a fresh context with only the globals a browser page would have. */
export function loadPage(): PageApi {
  const code = readFileSync(path.join(process.cwd(), 'resources/results-page/results.js'), 'utf8');
  const sandbox: Record<string, unknown> = {
    atob,
    TextDecoder,
    URL,
    URLSearchParams,
    Intl,
    Uint8Array,
    JSON,
    Math,
    String,
    Number,
    Array,
    Date,
    Blob,
    Response,
    DecompressionStream,
    Promise,
  };
  vm.runInNewContext(code, sandbox);
  return sandbox.SkinResults as PageApi;
}
