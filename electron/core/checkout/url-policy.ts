/**
 * Every URL the kiosk turns into a QR code must be https and on a host IT allow-listed, so a
 * tampered catalog row or template cannot send a shopper's phone anywhere else. An entry
 * `*.example.com` allows subdomains of example.com (not example.com itself).
 */
export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

export function checkAllowedUrl(raw: string, allowedHosts: readonly string[]): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: `not a URL: ${raw.slice(0, 80)}` };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: `not https: ${url.protocol}` };
  if (url.username || url.password) return { ok: false, reason: 'URL carries credentials' };
  if (url.port && url.port !== '443') return { ok: false, reason: `non-standard port ${url.port}` };
  const host = url.hostname.toLowerCase();
  if (!allowedHosts.some((entry) => hostMatches(host, entry.trim().toLowerCase()))) {
    return { ok: false, reason: `host ${host} is not allow-listed` };
  }
  return { ok: true, url };
}

function hostMatches(host: string, entry: string): boolean {
  if (entry.startsWith('*.')) return host.endsWith(entry.slice(1)) && host.length > entry.length - 1;
  return host === entry;
}
