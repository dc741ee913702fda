import type { SkinProfile } from '../../shared/schemas/skin-profile-schemas';
import { KioskError } from '../../shared/result';
import type { CheckoutProduct } from './product-lookup-port';
import { encodeResultsPayload, type ResultsPayload } from './results-payload-codec';
import { checkAllowedUrl } from './url-policy';

/** Longest results URL the kiosk puts in a QR code: about a version-22 symbol at level L. */
export const RESULTS_URL_BUDGET = 1000;
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
 * links go first, then the cart link, then the metric list, then long names are shortened.
 */
export function buildResultsLink(input: ResultsLinkInput): string {
  if (!input.pageUrl)
    throw new KioskError('CONFIG_INVALID', 'No results page URL is configured (links.resultsPageUrl).');
  const check = checkAllowedUrl(input.pageUrl, input.allowedHosts);
  if (!check.ok) throw new KioskError('CONFIG_INVALID', `Results page URL rejected: ${check.reason}`);
  const base = new URL(check.url.href);
  base.hash = '';
  const full = payloadFor(input);
  const attempts: ResultsPayload[] = [full, { ...full, p: full.p.map(({ u: _u, ...rest }) => rest) }];
  const withoutLinks = attempts[1] as ResultsPayload;
  const { k: _k, ...withoutCart } = withoutLinks;
  attempts.push(
    withoutCart,
    { ...withoutCart, m: [] },
    { ...withoutCart, m: [], p: withoutCart.p.map((p) => ({ ...p, b: cut(p.b, 24), n: cut(p.n, 32) })) },
  );
  for (const payload of attempts) {
    const url = `${base.href}#r=${encodeResultsPayload(payload)}`;
    if (url.length <= RESULTS_URL_BUDGET) return url;
  }
  throw new KioskError('INVALID_INPUT', 'The routine is too long to fit in a QR code.');
}

function payloadFor(input: ResultsLinkInput): ResultsPayload {
  const { profile } = input;
  const tone = profile.tone;
  const payload: ResultsPayload = {
    v: 1,
    l: input.locale,
    d: input.date,
    t: profile.type,
    s: profile.sensitive ? 1 : 0,
    tn: tone ? { m: tone.monk, u: tone.undertone, h: tone.hex.toLowerCase(), c: tone.itaClass } : null,
    m: profile.metrics.filter((m) => m.confidence >= MIN_CONFIDENCE).map((m) => [m.key, Math.round(m.score)]),
    c: profile.concerns.slice(0, 5).map((c) => c.concern),
    p: input.products.map(({ summary }) => {
      const link = input.productLinks.get(summary.sku);
      return {
        st: summary.step,
        b: summary.brand,
        n: summary.name,
        pr: [summary.price.amountMinor, summary.price.currency] as [number, string],
        ...(link ? { u: link } : {}),
      };
    }),
  };
  return input.cartLink ? { ...payload, k: input.cartLink } : payload;
}

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
