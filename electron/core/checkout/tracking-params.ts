/**
 * Attribution added to every outgoing link: the store's affiliate id, the kiosk, UTM tags and an
 * anonymous per-session token. Nothing about the shopper or their skin ever goes into a link.
 */
export interface TrackingContext {
  affiliateId: string;
  storeId: string;
  kioskId: string;
  /** Random, rotated every shopper session; only letters, digits, `-` and `_`. */
  sessionToken: string;
}

const TOKEN = /^[A-Za-z0-9_-]{8,64}$/;

/** Query parameters appended to links, in a stable order. */
export function trackingParams(ctx: TrackingContext): [string, string][] {
  if (!TOKEN.test(ctx.sessionToken)) throw new Error('session token must be 8–64 URL-safe characters');
  const params: [string, string][] = [
    ['utm_source', 'skin-kiosk'],
    ['utm_medium', 'qr'],
    ['utm_campaign', ctx.storeId],
    ['kiosk', ctx.kioskId],
    ['ks', ctx.sessionToken],
  ];
  if (ctx.affiliateId) params.unshift(['aff', ctx.affiliateId]);
  return params;
}

/** Appends the params the URL does not set already (a template's own values win). */
export function withParams(url: URL, params: [string, string][]): URL {
  const out = new URL(url.href);
  for (const [key, value] of params) if (!out.searchParams.has(key)) out.searchParams.append(key, value);
  return out;
}

/**
 * Fills `{name}` placeholders. A placeholder at the very start of a whole URL template is inserted
 * as is (so `{url}?ref=…` works); anywhere else, or in a fragment (`wholeUrl: false`), its value is
 * percent-encoded. Unknown placeholders are an error.
 */
export function fillTemplate(template: string, values: Record<string, string>, wholeUrl = true): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (match, name: string, offset: number) => {
    const value = values[name];
    if (value === undefined) throw new Error(`unknown placeholder ${match} in template`);
    return wholeUrl && offset === 0 ? value : encodeURIComponent(value);
  });
}
