import type { SkinProfile } from '../../shared/schemas/skin-profile-schemas';
import { KioskError } from '../../shared/result';
import { METRIC_CONFIDENCE_FLOOR } from '../skin/metric-scoring';
import type { CheckoutProduct } from './product-lookup-port';
import {
  COMPRESSED_PARAM,
  encodeResultsPayload,
  type Deflate,
  type ResultsPayload,
  type ResultsProduct,
} from './results-payload-codec';
import { checkAllowedUrl } from './url-policy';

/**
 * Longest results URL: the byte capacity of a version-10 symbol at level L (57 × 57 modules), which a
 * phone reads from arm's length even when the code is shown at 360 px.
 */
export const RESULTS_URL_BUDGET = 271;

export interface ResultsLinkInput {
  pageUrl: string | null;
  allowedHosts: readonly string[];
  profile: SkinProfile;
  products: readonly CheckoutProduct[];
  /** Buy links per SKU (already built with tracking) and the routine's cart link, when available. */
  productLinks: ReadonlyMap<string, string>;
  cartLink: string | null;
  locale: 'en' | 'es';
  /** YYYY-MM-DD */
  date: string;
  /** Raw DEFLATE, supplied by the host. */
  deflate: Deflate;
}

/**
 * `<results page>#z=<payload>`: the routine and skin summary travel compressed in the fragment,
 * which browsers never send to the server. When the URL would not fit a version-10 code, per-product
 * links go first, then the cart link, then long names are shortened, then brands; a routine too
 * long even then keeps its first products and says how many were left out. The skin summary
 * (type, tone, measured metrics, concerns) is the last thing to give way.
 */
export function buildResultsLink(input: ResultsLinkInput): string {
  if (!input.pageUrl)
    throw new KioskError('CONFIG_INVALID', 'No results page URL is configured (links.resultsPageUrl).');
  const check = checkAllowedUrl(input.pageUrl, input.allowedHosts);
  if (!check.ok) throw new KioskError('CONFIG_INVALID', `Results page URL rejected: ${check.reason}`);
  const base = new URL(check.url.href);
  base.hash = '';
  const full = payloadFor(input);
  const noLinks = { ...full, p: full.p.map(withoutLink) };
  const { k: _k, ...noCart } = noLinks;
  const short = noCart.p.map(([st, b, n, pr]): ResultsProduct => [st, cut(b, 20), cut(n, 28), pr]);
  const tiny = noCart.p.map(([st, , n, pr]): ResultsProduct => [st, '', cut(n, 24), pr]);
  const attempts: ResultsPayload[] = [full, noLinks, noCart, { ...noCart, p: short }];
  for (let kept = tiny.length; kept >= 0; kept--) {
    const left = tiny.length - kept;
    attempts.push({ ...noCart, p: tiny.slice(0, kept), ...(left > 0 ? { x: left } : {}) });
  }
  attempts.push({ ...noCart, m: [], p: [], ...(tiny.length > 0 ? { x: tiny.length } : {}) });
  const toUrl = (payload: ResultsPayload) =>
    `${base.href}#${COMPRESSED_PARAM}=${encodeResultsPayload(payload, input.deflate)}`;
  for (const payload of attempts) {
    const url = toUrl(payload);
    if (new TextEncoder().encode(url).length <= RESULTS_URL_BUDGET) return url;
  }
  throw new KioskError('CONFIG_INVALID', 'The results page URL is too long to fit in a QR code.');
}

function payloadFor(input: ResultsLinkInput): ResultsPayload {
  const { profile } = input;
  const tone = profile.tone;
  const currency = input.products[0]?.summary.price.currency ?? 'USD';
  const payload: ResultsPayload = {
    v: 1,
    l: input.locale,
    d: input.date,
    t: profile.type,
    s: profile.sensitive ? 1 : 0,
    tn:
      tone && tone.monk !== null && tone.itaClass !== null
        ? {
            m: tone.monk,
            u: tone.undertone,
            h: tone.hex.toLowerCase(),
            c: tone.itaClass,
            ...(tone.colourMode === 'approximate' ? { a: 1 as const } : {}),
          }
        : null,
    // The profile comes back from the renderer: a metric below the floor is left out here too.
    m: profile.metrics
      .filter((m) => m.confidence >= METRIC_CONFIDENCE_FLOOR)
      .map((m) => [m.key, Math.round(m.score)]),
    c: profile.concerns.slice(0, 5).map((c) => c.concern),
    cu: currency,
    p: input.products.map(({ summary }): ResultsProduct => {
      const { amountMinor, currency: own } = summary.price;
      const price: ResultsProduct[3] = own === currency ? amountMinor : [amountMinor, own];
      const link = input.productLinks.get(summary.sku);
      return link
        ? [summary.step, summary.brand, summary.name, price, link]
        : [summary.step, summary.brand, summary.name, price];
    }),
  };
  return input.cartLink ? { ...payload, k: input.cartLink } : payload;
}

const withoutLink = ([st, b, n, pr]: ResultsProduct): ResultsProduct => [st, b, n, pr];
const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
