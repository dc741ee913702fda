/*
 * Settings of the "save my results" page, set when the page is published (docs/payments.md).
 * allowedHosts: the hosts product and cart links may point to, usually the store's shop — the same
 * list as `links.allowedHosts` in the kiosk's config. "*.example.com" allows its subdomains. Links
 * to the page's own host are always allowed; any other link is shown as text only.
 */
globalThis.SkinResultsConfig = {
  allowedHosts: [],
};
