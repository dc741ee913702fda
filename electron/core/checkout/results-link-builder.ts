import type { SkinProfile } from '../../shared/schemas/skin-profile-schemas';
import { KioskError } from '../../shared/result';
import type { CheckoutProduct } from './product-lookup-port';
import { encodeResultsPayload, type ResultsPayload, type ResultsProduct } from './results-payload-codec';
import { checkAllowedUrl } from './url-policy';

/** Preferred longest results URL: about a version-22 symbol at level L, easy for any phone. */
export const RESULTS_URL_BUDGET = 1000;
/** Hard limit for very long routines: about version 33 at level L, still readable off a screen. */
export const RESULTS_URL_MAX = 2000;
/** Metrics measured with less confidence than this are left out of the summary. */
const MIN_CONFIDENCE = 0.3;

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
}

/**
 * `<results page>#r=<payload>`: the routine and skin summary travel in the fragment, which browsers
 * never send to the server. When the URL would be too long for a comfortable QR code, per-product
 * links go first, then the cart link, then the metric list, then long names are shortened; a
 * routine too long even then gets the fullest version within the hard limit.
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
  const attempts: ResultsPayload[] = [
    full,
    noLinks,
    noCart,
    { ...noCart, m: [] },
    {
      ...noCart,
      m: [],
      p: noCart.p.map(([st, b, n, pr]): ResultsProduct => [st, cut(b, 20), cut(n, 28), pr]),
    },
  ];
  const urls = attempts.map((payload) => `${base.href}#r=${encodeResultsPayload(payload)}`);
  const fits =
    urls.find((url) => url.length <= RESULTS_URL_BUDGET) ?? urls.find((url) => url.length <= RESULTS_URL_MAX);
  if (fits) return fits;
  throw new KioskError('INVALID_INPUT', 'The routine is too long to fit in a QR code.');
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
    m: profile.metrics.filter((m) => m.confidence >= MIN_CONFIDENCE).map((m) => [m.key, Math.round(m.score)]),
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
