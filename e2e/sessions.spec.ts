import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { PASSWORD, USERS, apiToken, bearer, signIn } from "./fixtures";

// Reproduces issue 15's sign-in findings: the old cookie kept working after sign-out (and
// /api/auth/session renewed it); /login?callbackUrl=/%5Cevil.example/phish landed on evil.example
// after a real sign-in; X-Forwarded-For was believed from anyone, so rotating it dodged the
// per-address throttle, forged the address in audit rows, and 5 failures from anywhere locked an
// account for everyone.
//
// The first server (E2E_PORT) trusts no proxy: it is reached directly. The second (E2E_PORT + 1)
// trusts 127.0.0.1 as its reverse proxy (playwright.config.ts), so a request there with
// X-Forwarded-For stands for a client elsewhere whose address our proxy reports.

const proxied = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}`;
const empty = { storageState: { cookies: [], origins: [] } };

async function freshPage(browser: Browser) {
  const context = await browser.newContext(empty);
  return { context, page: await context.newPage() };
}

test("signing out ends the session on the server: a copy of the old cookie gets 401 and the sign-in page", async ({
  browser,
}) => {
  const { context, page } = await freshPage(browser);
  await signIn(page, USERS.NURSE, PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  const stolen = await context.cookies();
  expect(stolen.some((c) => c.name.endsWith("next-auth.session-token"))).toBe(true);

  await page.getByRole("button", { name: "Account" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  // Someone who copied the cookie before the sign-out (a shared workstation, a proxy log).
  const thief = await browser.newContext(empty);
  await thief.addCookies(stolen);
  const api = await thief.request.get("/api/v1/account");
  expect(api.status()).toBe(401);
  expect((await api.json()).error.code).toBe("UNAUTHENTICATED");
  const again = await thief.newPage();
  await again.goto("/dashboard");
  await expect(again).toHaveURL(/\/login\?ended=revoked$/);
  // The sign-in page says why (an idle or expired session is told the same way: ended=idle|expired).
  await expect(again.getByText("Your session was ended. Sign in again to continue.")).toBeVisible();
  // next-auth's own endpoint neither answers with a session nor renews the cookie (it clears it).
  const renewal = await thief.request.get("/api/auth/session");
  expect(await renewal.json()).toEqual({});
  expect(renewal.headers()["set-cookie"] ?? "").not.toMatch(/next-auth\.session-token=[^;]+;/);
  await thief.close();
  await context.close();
});

test("a callbackUrl that leads to another site is not followed after a real sign-in", async ({ browser }) => {
  // Five real sign-ins: more than the default 30 s on a busy machine.
  test.slow();
  for (const payload of [
    "/%5Cevil.example/phish",
    "//evil.example/phish",
    "https://evil.example/phish",
    "/%09/evil.example/phish",
    "/.//evil.example/phish",
  ]) {
    const { context, page } = await freshPage(browser);
    const offsite: string[] = [];
    await context.route(
      (url) => url.hostname.endsWith("evil.example"),
      (route) => {
        offsite.push(route.request().url());
        return route.abort();
      },
    );
    await page.goto(`/login?callbackUrl=${payload}`);
    await page.getByLabel("Email").fill(USERS.NURSE);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page, payload).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Welcome");
    expect(offsite, payload).toEqual([]);
    await context.close();
  }
});

/** POST /api/v1/auth/token for `email` through `api`, as the client at `forwardedFor` (a header, when given). */
const tokenRequest = (api: APIRequestContext, email: string, password: string, forwardedFor?: string) =>
  api.post("/api/v1/auth/token", {
    data: { email, password },
    headers: forwardedFor ? { "X-Forwarded-For": forwardedFor } : {},
  });

test("rotating X-Forwarded-For does not escape the throttle, and an attacker cannot lock the account for anyone else", async ({
  request,
  playwright,
}) => {
  const behindProxy = await playwright.request.newContext({ baseURL: proxied });
  const email = "rotated@demo.hospital";
  // Straight at the server: the forged header names a new address on every try, but the address
  // that counts is the connection's.
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++)
    statuses.push((await tokenRequest(request, email, `wrong-${i}`, `198.18.0.${i + 1}`)).status());
  expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
  expect(statuses.slice(5)).toEqual([429, 429, 429]);
  // Behind the proxy, a client that forges entries to the left of what our proxy appends is still itself.
  const forged: number[] = [];
  for (let i = 0; i < 7; i++)
    forged.push((await tokenRequest(behindProxy, email, `wrong-${i}`, `198.18.1.${i + 1}, 203.0.113.66`)).status());
  expect(forged.slice(5)).toEqual([429, 429]);
  expect((await tokenRequest(behindProxy, email, PASSWORD, `198.18.1.99, 203.0.113.66`)).status()).toBe(429);

  // The account's owner at another address signs in at once.
  const owner = await tokenRequest(behindProxy, email, PASSWORD, "198.51.100.20");
  expect(owner.status(), await owner.text()).toBe(200);
  await behindProxy.dispose();
});

test("audit rows record the real client address, never a forged one", async ({ request, playwright }) => {
  const admin = await apiToken(request, USERS.ADMIN);
  const direct = await tokenRequest(request, USERS.RECORDS_OFFICER, PASSWORD, "6.6.6.6");
  expect(direct.status()).toBe(200);
  const behindProxy = await playwright.request.newContext({ baseURL: proxied });
  const viaProxy = await tokenRequest(behindProxy, USERS.RECORDS_OFFICER, PASSWORD, "6.6.6.6, 198.51.100.30");
  expect(viaProxy.status()).toBe(200);
  await behindProxy.dispose();
  const userId = (await direct.json()).user.id;
  const audit = await request.get(`/api/v1/audit?actorId=${userId}&action=LOGIN&pageSize=2`, {
    headers: bearer(admin.token),
  });
  expect(audit.status()).toBe(200);
  expect((await audit.json()).items.map((r: { ip: string }) => r.ip)).toEqual(["198.51.100.30", "127.0.0.1"]);
});
