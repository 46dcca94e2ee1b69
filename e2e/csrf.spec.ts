import { expect, test, type APIRequestContext } from "@playwright/test";
import { PASSWORD, USERS, apiToken, bearer, signIn, storageFor } from "./fixtures";

// Reproduces issue 15's finding: POST /api/v1/staff with an admin's session cookie, a foreign Origin
// and Content-Type: text/plain (what a page of another site can send without a CORS preflight)
// created a staff account; PATCH /account and POST /exports took the same. Cookie-authenticated
// writes now need a same-origin request and a JSON body; bearer tokens are not concerned. Server
// actions (Next's own Origin check) and next-auth's sign-out (its CSRF token) are proven here too.

const staffBody = (tag: string) => ({
  name: `Eve ${tag}`,
  email: `forged.${tag}.${Date.now()}@example.org`,
  role: "ADMIN",
  password: "Forged-pass-2026",
});

async function staffNamed(request: APIRequestContext, token: string, email: string): Promise<number> {
  const res = await request.get(`/api/v1/staff?q=${encodeURIComponent(email)}`, { headers: bearer(token) });
  expect(res.status()).toBe(200);
  return (await res.json()).total;
}

test.describe("with an admin's session cookie", () => {
  test.use({ storageState: storageFor("ADMIN") });

  test("a page of another site cannot create a staff member through the API", async ({ page, request, baseURL }) => {
    const { token } = await apiToken(request, USERS.ADMIN);
    const body = staffBody("browser");
    // The attacker's page on the same host, another port: the same site, so the browser sends the
    // admin's cookie along (SameSite=Lax does not stop it). The classic JSON-over-text/plain form:
    // the field's name, "=" and its value make a JSON body, and a form needs no CORS preflight.
    // {"name":…,"password":"Forged-pass-2026=x"}: the form's "=" lands inside the password.
    const json = JSON.stringify({ ...body, password: `${body.password}=x` });
    const cut = json.lastIndexOf("=");
    const [fieldName, fieldValue] = [json.slice(0, cut), json.slice(cut + 1)];
    const attr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
    await page.route("http://127.0.0.1:8081/**", (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<form method="POST" enctype="text/plain" action="${baseURL}/api/v1/staff"><input name="${attr(fieldName)}" value="${attr(fieldValue)}"></form>
          <script>document.forms[0].submit()</script>`,
      }),
    );
    const answer = page.waitForResponse((r) => r.url().endsWith("/api/v1/staff"));
    await page.goto("http://127.0.0.1:8081/prize.html");
    const res = await answer;
    expect((await res.request().allHeaders()).cookie).toContain("next-auth.session-token=");
    expect(res.status()).toBe(403);
    expect(await staffNamed(request, token, body.email)).toBe(0);
  });

  test("cross-origin and text/plain writes get 403 and 415 with the error body, and write nothing", async ({
    page,
    request,
    baseURL,
  }) => {
    const { token } = await apiToken(request, USERS.ADMIN);
    const api = page.request; // carries the admin's cookie
    const forged = staffBody("origin");
    const cross = await api.post("/api/v1/staff", {
      headers: { Origin: "http://evil.example", "Content-Type": "text/plain" },
      data: JSON.stringify(forged),
    });
    expect(cross.status()).toBe(403);
    expect((await cross.json()).error.code).toBe("CROSS_SITE_REQUEST");
    const fetchMeta = await api.post("/api/v1/staff", {
      headers: { "Sec-Fetch-Site": "cross-site", "Content-Type": "application/json" },
      data: JSON.stringify(forged),
    });
    expect(fetchMeta.status()).toBe(403);
    const plain = await api.post("/api/v1/staff", {
      headers: { Origin: baseURL!, "Content-Type": "text/plain" },
      data: JSON.stringify(forged),
    });
    expect(plain.status()).toBe(415);
    expect((await plain.json()).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    const form = await api.post("/api/v1/staff", { form: { name: forged.name, email: forged.email, role: "ADMIN" } });
    expect(form.status()).toBe(415);
    expect(await staffNamed(request, token, forged.email)).toBe(0);

    const language = await api.patch("/api/v1/account", {
      headers: { Origin: "http://evil.example", "Content-Type": "text/plain" },
      data: JSON.stringify({ language: "fr" }),
    });
    expect(language.status()).toBe(403);
    expect((await (await api.get("/api/v1/account")).json()).language).toBe("en");
    const exports = await api.post("/api/v1/exports", {
      headers: { Origin: "http://evil.example", "Content-Type": "text/plain" },
      data: JSON.stringify({ kind: "treatment-history" }),
    });
    expect(exports.status()).toBe(403);

    // This app's own pages, and non-browser clients, still write JSON with the cookie.
    const own = staffBody("own");
    const ok = await api.post("/api/v1/staff", {
      headers: { Origin: baseURL!, "Sec-Fetch-Site": "same-origin" },
      data: own,
    });
    expect(ok.status(), await ok.text()).toBe(201);
    expect(await staffNamed(request, token, own.email)).toBe(1);
  });
});

test("bearer-token calls are unaffected by Origin and content type", async ({ request }) => {
  const { token } = await apiToken(request, USERS.ADMIN);
  const body = staffBody("bearer");
  const res = await request.post("/api/v1/staff", {
    headers: { ...bearer(token), Origin: "http://evil.example", "Content-Type": "text/plain" },
    data: JSON.stringify(body),
  });
  expect(res.status(), await res.text()).toBe(201);
});

test.describe("server actions", () => {
  test.use({ storageState: storageFor("ADMIN") });

  test("Next refuses an action posted from another origin", async ({ page, request }) => {
    const { token } = await apiToken(request, USERS.ADMIN);
    const names = {
      real: `Dept real ${Date.now()}`,
      forged: `Dept forged ${Date.now()}`,
      replayed: `Dept replayed ${Date.now()}`,
    };
    await page.goto("/admin/departments");
    const posted = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
    await page.getByLabel("Name").fill(names.real);
    await page.getByRole("button", { name: "Create department" }).click();
    const action = await posted;
    await expect(page.getByText("Department created.")).toBeVisible();
    const body = action.postData()!;
    expect(body).toContain(names.real);
    const headers = action.headers();
    const replay = (name: string, origin: string) =>
      page.request.post(action.url(), {
        headers: {
          "next-action": headers["next-action"],
          "next-router-state-tree": headers["next-router-state-tree"] ?? "",
          "content-type": headers["content-type"],
          accept: "text/x-component",
          origin,
        },
        data: body.replace(names.real, name),
      });
    await replay(names.forged, "http://evil.example");
    const own = await replay(names.replayed, new URL(action.url()).origin);
    expect(own.status()).toBe(200);
    const count = async (name: string) =>
      (
        await (
          await request.get(`/api/v1/departments?q=${encodeURIComponent(name)}`, { headers: bearer(token) })
        ).json()
      ).total;
    expect(await count(names.replayed)).toBe(1); // the replay itself works…
    expect(await count(names.forged)).toBe(0); // …but not from another origin
  });
});

test("another site cannot sign a user out: next-auth's sign-out needs its CSRF token", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, USERS.NURSE, PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  await context.request.post("/api/auth/signout", {
    headers: { Origin: "http://evil.example" },
    form: { callbackUrl: "/login" },
    maxRedirects: 0,
  });
  expect((await context.request.get("/api/v1/account")).status()).toBe(200);
  await context.close();
});
