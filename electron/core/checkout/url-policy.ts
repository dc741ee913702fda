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

/**
 * Whether a phone that scans the URL can open it: https on a public DNS name. Loopback, IP
 * literals, single-label and local-only names (the demo reader's own receipt pages on 127.0.0.1,
 * say) only work on the kiosk itself, so no QR code is drawn for them.
 */
export function isPhoneReachable(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  if (host.startsWith('[') || /^\d+(\.\d+){3}$/.test(host)) return false;
  if (!host.includes('.')) return false;
  return !/\.(localhost|local|internal|lan|home\.arpa)$/.test(host);
}
