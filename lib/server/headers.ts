// The security headers of every response, in one place: proxy.ts gives each page its policy with a
// fresh nonce, and HSTS under an https public URL; next.config.ts sets the headers that never
// change, no-store on every /api and /fhir answer included. Pure functions of their arguments, so
// the rules can be tested without a server.

/** 128 random bits, base64: a new one for every page response (CSP Level 3 asks for at least 128). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export type PolicyOptions = {
  nonce: string;
  /** `next dev` evaluates modules with eval() and injects its overlay's styles without a nonce. */
  dev?: boolean;
  /** The public URL is https: any http:// sub-resource is fetched over https instead. */
  https?: boolean;
};

/**
 * A strict, nonce-based Content-Security-Policy (what Google's and OWASP's CSP guidance call
 * "strict CSP"): only scripts carrying this response's nonce run, and the scripts they load
 * ('strict-dynamic': Next's chunks); no inline event handlers, no eval, no plugins, no <base>
 * hijack, no framing, forms post only here. Styles come from our own stylesheets (Tailwind's CSS
 * file) or a <style> with the nonce; inline style="" attributes are refused, so the pages render
 * none on the server (React's style props set in the browser go through the CSSOM, which CSP allows).
 * Images only from here: the QR codes are inline SVG and the charts SVG drawn by script.
 */
export function contentSecurityPolicy({ nonce, dev = false, https = false }: PolicyOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // A nonce disables 'unsafe-inline', so in development (the error overlay's styles) it is left out.
    ["style-src", "'self'", ...(dev ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    ["img-src", "'self'"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["frame-ancestors", "'none'"],
    ["form-action", "'self'"],
    ...(https ? [["upgrade-insecure-requests"] as [string]] : []),
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/**
 * Browser features no page of the app uses, switched off for it and anything it could embed
 * (an injected script cannot ask for the camera, the microphone, the location or a payment).
 */
export const PERMISSIONS_POLICY = [
  "accelerometer",
  "autoplay",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "publickey-credentials-get",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

/**
 * One year, subdomains included, as OWASP's HSTS guidance recommends; not preloaded (that is a
 * decision for the hospital's domain, not for the app). Sent only when the public URL is https:
 * a browser that saw it once will refuse plain http to this host for a year.
 */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

/** The headers every response carries whatever its path (next.config.ts). */
export const STATIC_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "same-origin",
  "Permissions-Policy": PERMISSIONS_POLICY,
};

/**
 * Every /api and /fhir answer (JSON, CSV, PDF, errors included) carries patient data or could, so
 * nothing keeps it: not the browser's cache or history, not a shared proxy (OWASP REST Security).
 * Static, so set by next.config.ts: these paths never pass through proxy.ts, whose cost (measured
 * on GET /api/v1/status: about 0.5-0.9 ms of CPU per request, a third of the lightest route's)
 * the API need not pay.
 */
export const API_HEADERS: Record<string, string> = { "Cache-Control": "no-store" };
export const API_PATHS = ["/api/:path*", "/fhir/:path*"] as const;

/** next.config.ts `headers()`: what never changes with the request or the configuration. */
export function staticHeaderRules(): { source: string; headers: { key: string; value: string }[] }[] {
  const list = (h: Record<string, string>) => Object.entries(h).map(([key, value]) => ({ key, value }));
  return [
    { source: "/:path*", headers: list(STATIC_HEADERS) },
    ...API_PATHS.map((source) => ({ source, headers: list(API_HEADERS) })),
  ];
}

/** Strict-Transport-Security when the public URL is https, else nothing. */
export const transportHeaders = (https: boolean): Record<string, string> =>
  https ? { "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY } : {};

/** Headers of a page response (HTML, or the RSC payload of a client-side navigation), set by proxy.ts. */
export function pageHeaders(opts: PolicyOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(opts),
    // Next already marks its dynamic pages this way; said here too so that no page that shows a
    // patient is ever kept by a browser or a shared proxy, whatever a page's rendering mode.
    "Cache-Control": "private, no-cache, no-store, max-age=0, must-revalidate",
    ...transportHeaders(opts.https ?? false),
  };
}
