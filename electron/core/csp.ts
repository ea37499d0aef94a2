/**
 * The renderer's Content-Security-Policy, sent by each host as an HTTP header (the web host; the
 * desktop app's sucai:// protocol) — not a <meta> tag, where Chromium ignores frame-ancestors and
 * reports it on every load. pdf.js runs its worker from a same-origin script; images may be blobs.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** For answers that are data, never a page (JSON, files): nothing may run or frame them. */
export const DATA_CSP = "default-src 'none'; frame-ancestors 'none'";
