import { type NextFetchEvent, NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";

// proxy.ts as Next runs it for a page: the response's CSP, the request header Next renders the page
// with (the same nonce), HSTS only under an https public URL, and the sign-in redirect looking for
// the session cookie under the name next-auth gives it there.

const SECRET = "unit-test-secret-0123456789abcdef";

async function proxyWith(envVars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(envVars)) vi.stubEnv(k, v);
  const { proxy } = await import("./proxy");
  return (path: string, cookie?: string) => {
    const req = new NextRequest(new URL(path, "http://127.0.0.1:3000"), { headers: cookie ? { cookie } : {} });
    // next-auth's redirect reads only the request.
    return proxy(req, {} as NextFetchEvent);
  };
}
const session = () =>
  encode({ token: { uid: "u1", role: "DOCTOR", sv: 0, name: "Dr A", email: "a@h.org" }, secret: SECRET });
const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

afterEach(() => vi.unstubAllEnvs());

describe("proxy.ts over http (localhost)", () => {
  const env = { NEXTAUTH_URL: "http://localhost:3000", APP_URL: undefined, NEXTAUTH_SECRET: SECRET };

  it("refuses a page address with NUL or a lone surrogate in its path or query (it reached the page's queries: an error page)", async () => {
    const run = await proxyWith(env);
    for (const path of ["/patients/a%00b", "/patients?q=%00", "/login?x%00=1", "/patients?q=%ED%A0%80x"]) {
      const res = await run(path);
      if (path.includes("%ED")) {
        expect(res.status, path).not.toBe(400); // URLSearchParams reads it as U+FFFD: safe text
        continue;
      }
      expect(res.status, path).toBe(400);
      expect(await res.text()).toContain("NUL");
    }
    expect((await run("/login")).status).toBe(200);
  });

  it("gives each public page a CSP whose nonce Next receives with the request, a new one each time", async () => {
    const run = await proxyWith(env);
    const res = await run("/login");
    const csp = res.headers.get("content-security-policy");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'/);
    // NextResponse.next({ request }) hands Next the overridden request headers this way.
    expect(res.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(res.headers.get("strict-transport-security")).toBeNull();
    expect(nonceOf((await run("/login")).headers.get("content-security-policy"))).not.toBe(nonceOf(csp));
    for (const path of ["/register", "/forgot-password", "/set-password/t", "/rx/t", "/api-docs"]) {
      expect((await run(path)).headers.get("content-security-policy"), path).toContain("'nonce-");
    }
  });

  it("sends an anonymous visitor of an app page to sign in, and lets a signed-in one through with the page's CSP", async () => {
    const run = await proxyWith(env);
    const anonymous = await run("/patients?q=x");
    expect(anonymous.status).toBe(307);
    expect(anonymous.headers.get("location")).toMatch(/\/login\?callbackUrl=%2Fpatients%3Fq%3Dx$/);
    const signedIn = await run("/patients", `next-auth.session-token=${await session()}`);
    expect(signedIn.headers.get("location")).toBeNull();
    expect(signedIn.headers.get("content-security-policy")).toContain("'nonce-");
  });
});

describe("proxy.ts when the public URL is https", () => {
  // The deployment terminates TLS in front of the app; NEXTAUTH_URL may still be the local one.
  const env = { NEXTAUTH_URL: "http://localhost:3000", APP_URL: "https://his.example.org", NEXTAUTH_SECRET: SECRET };

  it("adds Strict-Transport-Security to pages and to the sign-in redirect, and upgrades insecure requests", async () => {
    const run = await proxyWith(env);
    const page = await run("/login");
    expect(page.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(page.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    expect((await run("/dashboard")).headers.get("strict-transport-security")).toBe(
      "max-age=31536000; includeSubDomains",
    );
  });

  it("looks for the __Secure- session cookie next-auth sets there, not the plain one", async () => {
    const run = await proxyWith(env);
    const token = await session();
    expect((await run("/dashboard", `__Secure-next-auth.session-token=${token}`)).headers.get("location")).toBeNull();
    expect((await run("/dashboard", `next-auth.session-token=${token}`)).headers.get("location")).toMatch(
      /\/login\?callbackUrl=/,
    );
  });
});
