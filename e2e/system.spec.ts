import { expect, test } from "@playwright/test";
import { screenshot, USERS, apiToken, bearer, storageFor } from "./fixtures";

// Operations: liveness, readiness (the e2e run starts two job workers), Prometheus metrics behind a
// "metrics" token, request ids, the admin System page, and the hospital's name in titles and icon.

const SCREENS = ".test-artifacts/screens";

test("live and ready answer for load balancers; ready sees the run's job workers", async ({ request }) => {
  const live = await request.get("/api/v1/health/live");
  expect(live.status()).toBe(200);
  expect(await live.json()).toMatchObject({ status: "live" });
  // The workers beat on start and every 20 s: ready within a minute at most.
  await expect(async () => {
    const ready = await request.get("/api/v1/health/ready");
    expect(ready.status(), await ready.text()).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: "ready",
      checks: { database: "ok", migrations: "ok", worker: "ok" },
      reasons: [],
    });
  }).toPass({ timeout: 60_000 });
  // Kept working beside them.
  expect((await request.get("/api/v1/status")).status()).toBe(200);
});

test("a metrics token reads the Prometheus metrics, and every API answer carries its request id", async ({
  request,
}) => {
  test.setTimeout(60_000);
  const admin = bearer((await apiToken(request, USERS.ADMIN)).token);
  const made = await request.post("/api/v1/tokens", {
    headers: admin,
    data: { name: "Prometheus", scopes: ["metrics"] },
  });
  expect(made.status(), await made.text()).toBe(201);
  expect(made.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  const prometheus = bearer((await made.json()).secret);
  expect((await request.get("/api/v1/patients", { headers: prometheus })).status()).toBe(403);
  expect((await request.get("/api/v1/metrics")).status()).toBe(401);
  const res = await request.get("/api/v1/metrics", { headers: prometheus });
  expect(res.status(), await res.text()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/plain");
  const text = await res.text();
  expect(text).toMatch(/hospital_http_requests_total\{method="POST",route="\/api\/v1\/tokens",status="201"\} [1-9]/);
  expect(text).toMatch(/hospital_http_requests_total\{method="GET",route="\/api\/v1\/patients",status="403"\} [1-9]/);
  expect(text).toMatch(/^hospital_workers_seen [1-9]/m);
  expect(text).toContain("hospital_db_pool_connections");
  expect(text).toContain("hospital_emails_waiting");
});

test.describe("as an admin", () => {
  test.use({ storageState: storageFor("ADMIN") });

  test("the System page shows version, migrations, database, workers, queues, emails, address checks and sessions", async ({
    page,
  }) => {
    await page.goto("/dashboard");
    await page.getByRole("navigation").getByRole("link", { name: "System" }).first().click();
    await expect(page).toHaveURL(/\/admin\/system$/);
    await expect(page.getByRole("heading", { level: 1, name: "System" })).toBeVisible();
    for (const name of [
      "Application",
      "Database",
      "Job workers",
      "Job queues",
      "Email backlog",
      "Public address and HTTPS",
    ])
      await expect(page.getByRole("heading", { name })).toBeVisible();
    await expect(page.getByText(/applied of \d+ in this build/)).toBeVisible();
    await expect(page.getByText(/open session/)).toBeVisible();
    await expect(page.getByRole("cell", { name: "email.send" })).toBeVisible();
    // Titles and the tab icon name the hospital (HOSPITAL_NAME).
    await expect(page).toHaveTitle(/System · .+/);
    const icon = await page.locator('link[rel="icon"]').getAttribute("href");
    expect(icon).toContain("/favicon.svg");
    const svg = await page.request.get("/favicon.svg");
    expect(svg.headers()["content-type"]).toContain("image/svg+xml");
    expect(await svg.text()).toMatch(/<text[^>]*>[A-Z0-9]{1,2}<\/text>/);
    for (const width of [1280, 768]) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page, { path: `${SCREENS}/admin-system-${width}.png`, fullPage: true });
    }
  });
});

test.describe("as a nurse", () => {
  test.use({ storageState: storageFor("NURSE") });
  test("the System page looks absent", async ({ page }) => {
    expect((await page.goto("/admin/system"))?.status()).toBe(404);
  });
});

test("the standalone server (the first e2e server, run from .next/standalone) serves the sign-in page with its browser assets", async ({
  request,
  baseURL,
}) => {
  // playwright.config.ts starts the server on baseURL as the Docker image does: `npm start` of the
  // standalone output (scripts/bundle/start.mjs: migrations, then scripts/web-server.mjs there), and
  // scripts/test.ts runs one of the two job workers from its bundle (so "ready" above needs it too).
  // A page whose scripts and styles 404 would mean .next/static was not copied next to the server.
  const page = await request.get("/login");
  expect(page.status()).toBe(200);
  const html = await page.text();
  expect(html).toMatch(/<form|<input/);
  const assets = [...html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+)"/g)].map((m) => m[1]);
  expect(assets.length).toBeGreaterThan(0);
  for (const asset of new Set(assets)) expect((await request.get(`${baseURL}${asset}`)).status(), asset).toBe(200);
  expect((await request.get("/api/v1/health/live")).status()).toBe(200);
});
