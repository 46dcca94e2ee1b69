import { type NextFetchEvent, type NextRequest, NextResponse } from "next/server";
import { type NextRequestWithAuth, withAuth } from "next-auth/middleware";
import { sessionCookieName } from "@/lib/server/auth-cookies";
import { env, servedOverHttps } from "@/lib/server/env";
import { newNonce, pageHeaders, transportHeaders } from "@/lib/server/headers";
import { isUnsafeText } from "@/lib/server/validation";
import { en } from "@/lib/i18n/en";

// Every page request passes here (not /api, /fhir or Next's static files: see `config`), for two things:
// - the page's security headers that depend on the request or the configuration
//   (lib/server/headers.ts): a Content-Security-Policy with a fresh nonce, which Next reads back
//   from the request's own CSP header and puts on every script it renders, and HSTS when the public
//   URL is https. The headers that never change, and no-store on /api and /fhir, are next.config.ts's;
// - comfort only: anonymous visitors of app pages go to the sign-in page. Security is enforced by the
//   page/route guard and the action wrapper on the server, never here.

// Pages anyone may open: signing in and up, password links, the prescription check behind the QR
// code, the API documentation.
const PUBLIC_PAGE = /^\/(?:login|register|set-password|forgot-password|rx|api-docs)(?:\/|$)/;

let gate: ReturnType<typeof withAuth> | undefined;
/** next-auth's redirect to /login, looking for the session cookie under the name auth.ts gives it. */
const signInGate = () =>
  (gate ??= withAuth({ pages: { signIn: "/login" }, cookies: { sessionToken: { name: sessionCookieName() } } }));

/**
 * The one input rule (lib/server/validation.ts) for pages: NUL or a lone surrogate in the path or the
 * query would reach a page's queries (PostgreSQL refuses NUL: an error page). A malformed %-escape
 * is left to the custom server, which answers it before Next.
 */
function unsafeUrl(url: URL): boolean {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return false;
  }
  if (isUnsafeText(path)) return true;
  for (const [k, v] of url.searchParams) if (isUnsafeText(k) || isUnsafeText(v)) return true;
  return false;
}

export async function proxy(req: NextRequest, event: NextFetchEvent): Promise<Response> {
  const https = servedOverHttps();
  if (unsafeUrl(req.nextUrl))
    return withHeaders(
      new NextResponse(en.errors.unsafeText, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } }),
      transportHeaders(https),
    );
  if (!PUBLIC_PAGE.test(req.nextUrl.pathname)) {
    const redirect = await signInGate()(req as NextRequestWithAuth, event);
    if (redirect) return withHeaders(redirect, transportHeaders(https));
  }
  const headers = pageHeaders({ nonce: newNonce(), https, dev: env().NODE_ENV === "development" });
  // Next renders the page with the nonce it finds in the request's CSP header.
  const request = new Headers(req.headers);
  request.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  return withHeaders(NextResponse.next({ request: { headers: request } }), headers);
}

function withHeaders<R extends Response>(res: R, headers: Record<string, string>): R {
  for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
  return res;
}

export const config = {
  // Not the API (/api/…, /fhir/…: no page, no nonce, no sign-in page), nor Next's build output
  // (hashed, immutable, no data) or other static files. /api-docs is a page and passes here.
  matcher: ["/((?!api/|fhir/|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|css|js|map|woff2?)$).*)"],
};
