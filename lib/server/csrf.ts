import { appUrl } from "./env";
import { AppError } from "./errors";
import { E } from "@/lib/i18n/error-keys";

// Cross-site request forgery on the API. A browser sends the session cookie with a request another
// site makes (a form, or fetch with no-cors and text/plain: no CORS preflight), so a write carrying
// the cookie and no bearer token must show that it comes from this app's own pages. Checked by the
// API's one door (lib/server/api.ts) before authentication or any read of the body (OWASP CSRF
// cheat sheet: Fetch Metadata first, Origin as the fallback, plus a JSON-only content type that no
// HTML form can send). Bearer-token calls carry no ambient credential and are not concerned.
// Server actions have Next's own check (Origin against Host) and next-auth's POSTs its CSRF token.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** application/json, or a JSON-based type such as application/merge-patch+json, with any parameters. */
function isJson(contentType: string): boolean {
  const type = contentType.split(";")[0].trim().toLowerCase();
  return type === "application/json" || /^application\/[\w.-]+\+json$/.test(type);
}

/** The Origin header names this server: the host the request was sent to, or the configured public URL. */
function isOwnOrigin(origin: string, headers: Headers): boolean {
  let host: string;
  try {
    const url = new URL(origin);
    if (url.protocol !== "http:" && url.protocol !== "https:") return false;
    host = url.host.toLowerCase();
  } catch {
    return false; // "null" (a sandboxed frame, a file) or garbage
  }
  // X-Forwarded-Host survives only from a trusted proxy (scripts/client-address.mjs); Next sets it
  // from Host otherwise.
  const requested = (headers.get("x-forwarded-host")?.split(",")[0] ?? headers.get("host") ?? "").trim().toLowerCase();
  return host === requested || host === new URL(appUrl()).host.toLowerCase();
}

/**
 * Throws CROSS_SITE_REQUEST (403) for a write that another site's page made, and
 * UNSUPPORTED_MEDIA_TYPE (415) for a write whose body is not JSON. Reads, bearer-token calls and
 * non-browser clients (no Sec-Fetch-Site, no Origin) pass the first check.
 */
export function assertSameSiteWrite(req: Request, opts: { multipart?: boolean } = {}): void {
  if (SAFE_METHODS.has(req.method)) return;
  const h = req.headers;
  if (/^bearer\s/i.test(h.get("authorization") ?? "")) return;
  // What the browser itself says about where the request comes from; unforgeable by a page.
  const site = h.get("sec-fetch-site");
  const origin = h.get("origin");
  if (site !== null ? site !== "same-origin" : origin !== null && !isOwnOrigin(origin, h)) {
    throw new AppError("CROSS_SITE_REQUEST", E.errors.crossSite);
  }
  const type = h.get("content-type");
  // A route taking files (the document upload): any HTML form can send multipart/form-data, so the
  // content type proves nothing; the write must then say where it comes from (every browser sends
  // Sec-Fetch-Site or Origin with a POST), and a cookie-authenticated one that says nothing is refused.
  if (opts.multipart && /^multipart\/form-data\s*;/i.test(type ?? "")) {
    if (site === null && origin === null) throw new AppError("CROSS_SITE_REQUEST", E.errors.crossSite);
    return;
  }
  const hasBody = type !== null || h.has("transfer-encoding") || Number(h.get("content-length") ?? 0) > 0;
  if (hasBody && !isJson(type ?? "")) throw new AppError("UNSUPPORTED_MEDIA_TYPE", E.errors.jsonOnly);
}
