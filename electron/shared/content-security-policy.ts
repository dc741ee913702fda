/**
 * The renderer's Content-Security-Policy. It is sent as a response header by both hosts (Electron's
 * app:// protocol and the preview host) and repeated in renderer/index.html's meta tag; a unit test
 * keeps the two identical. Styles allow 'unsafe-inline' because Svelte transitions set inline styles;
 * scripts never do. `mediastream:`/`blob:` let the camera preview and the captured photo display.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
