import { afterEach, describe, expect, it, vi } from "vitest";

// The cookies a real sign-in sets, through next-auth's own handler with our options: Secure and
// prefixed (__Secure-, __Host-) whenever the public URL is https, whichever of APP_URL and
// NEXTAUTH_URL says so; plain on http://localhost.

vi.mock("./authenticate", () => ({
  authenticate: vi.fn(async () => ({ id: "u1", name: "Dr A", email: "a@h.org", role: "DOCTOR", sessionVersion: 0 })),
}));
vi.mock("./db", () => ({ db: () => ({}) }));
// Sign-in opens a server-side session row (lib/server/session-records.ts); here only its id matters.
vi.mock("./session-records", () => ({
  startSession: vi.fn(async () => "s1"),
  liveSession: vi.fn(async () => ({ actor: null, ended: "revoked" })),
  revokeSession: vi.fn(async () => undefined),
}));
afterEach(() => vi.unstubAllEnvs());

/** The Set-Cookie lines of one call of next-auth's handler (its API-route form: a plain req and res). */
async function call(
  handler: (req: unknown, res: unknown, options: unknown) => Promise<unknown>,
  options: unknown,
  req: { action: string[]; method: string; body?: unknown; cookies?: Record<string, string> },
) {
  const headers: Record<string, string | string[]> = {};
  let body: unknown;
  const res = {
    getHeader: (n: string) => headers[n.toLowerCase()],
    setHeader(n: string, v: string | string[]) {
      headers[n.toLowerCase()] = v;
      return res;
    },
    status: () => res,
    end: () => res,
    send: (b: unknown) => {
      body = b;
      return res;
    },
    json: (b: unknown) => {
      body = b;
      return res;
    },
  };
  const host = "localhost:3000";
  await handler(
    {
      query: { nextauth: req.action },
      method: req.method,
      headers: { host, "content-type": "application/json" },
      body: req.body ?? {},
      cookies: req.cookies ?? {},
    },
    res,
    options,
  );
  return { setCookies: ([] as string[]).concat(headers["set-cookie"] ?? []), body };
}

/** Signs in through next-auth with our options under the given configuration; every Set-Cookie line. */
async function signIn(envVars: Record<string, string | undefined>): Promise<string[]> {
  vi.resetModules();
  for (const [k, v] of Object.entries(envVars)) vi.stubEnv(k, v);
  const { authOptions } = await import("./auth");
  const { default: NextAuth } = await import("next-auth");
  const handler = NextAuth as unknown as (req: unknown, res: unknown, options: unknown) => Promise<unknown>;
  const csrf = await call(handler, authOptions, { action: ["csrf"], method: "GET" });
  const [name, value] = csrf.setCookies[0].split(";")[0].split("=");
  const signedIn = await call(handler, authOptions, {
    action: ["callback", "credentials"],
    method: "POST",
    body: { email: "a@h.org", password: "pw", csrfToken: (csrf.body as { csrfToken: string }).csrfToken },
    cookies: { [name]: decodeURIComponent(value) },
  });
  return [...csrf.setCookies, ...signedIn.setCookies];
}
const named = (cookies: string[], name: string) => cookies.find((c) => c.startsWith(`${name}=`));

describe("session cookies", () => {
  it("are __Secure-/__Host- and Secure when APP_URL is https, even with a local NEXTAUTH_URL", async () => {
    const cookies = await signIn({ APP_URL: "https://his.example.org", NEXTAUTH_URL: "http://localhost:3000" });
    expect(named(cookies, "__Secure-next-auth.session-token")).toMatch(
      /; Path=\/; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$/,
    );
    expect(named(cookies, "__Host-next-auth.csrf-token")).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    expect(cookies.filter((c) => /^next-auth\./.test(c))).toEqual([]);
  });

  it("are Secure when NEXTAUTH_URL is https", async () => {
    const cookies = await signIn({ APP_URL: undefined, NEXTAUTH_URL: "https://his.example.org" });
    expect(named(cookies, "__Secure-next-auth.session-token")).toMatch(/; HttpOnly; Secure; SameSite=Lax$/);
  });

  it("are plain on http://localhost, where a browser would refuse a prefixed name", async () => {
    const cookies = await signIn({ APP_URL: undefined, NEXTAUTH_URL: "http://localhost:3000" });
    expect(named(cookies, "next-auth.session-token")).toMatch(/; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
    expect(named(cookies, "next-auth.csrf-token")).toBeDefined();
    expect(cookies.filter((c) => /Secure/.test(c))).toEqual([]);
  });
});
