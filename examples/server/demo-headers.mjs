// The response headers an integrator needs, documented in docs/architecture.md: strict CSP (no
// inline script, no eval, wasm allowed), camera/microphone permission policy, no sniffing.
/** Headers sent with every response of the demo server, static files and API alike. */
export const DEMO_HEADERS = Object.freeze({
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; connect-src 'self'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'",
  'Permissions-Policy': 'camera=(self), microphone=(self)',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
});
