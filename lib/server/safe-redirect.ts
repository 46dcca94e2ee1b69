// Where a sign-in (or any redirect with a user-supplied target) may send the browser. Pure: used by
// the server (next-auth's redirect callback, the page guard, the login page) and by the login form
// in the browser.
//
// Checking the text ("starts with / but not //") is not enough: browsers read "/\evil.example" as
// "//evil.example", drop tabs and newlines ("/\t/evil.example"), and normalise "/.//evil" into
// "//evil". So the target is resolved the way a browser resolves it, against the app's origin, and
// kept only when the result is on that same origin (OWASP's unvalidated-redirects advice).

/**
 * `target` as a path of `origin` ("/patients?q=x#top"), or null when it leads anywhere else (another
 * origin, a `javascript:` URL, something that is not a URL at all). The path never starts with "//".
 */
export function sameOriginPath(target: unknown, origin: string): string | null {
  if (typeof target !== "string" || target === "") return null;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(target, base);
  } catch {
    return null;
  }
  if (url.origin !== base.origin || (url.protocol !== "http:" && url.protocol !== "https:")) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("/") && !path.startsWith("//") ? path : null;
}

/** `target` if it stays on `origin`, else `fallback`: the path to hand to redirect() or router.replace(). */
export function safeRedirectPath(target: unknown, origin: string, fallback = "/dashboard"): string {
  return sameOriginPath(target, origin) ?? fallback;
}
