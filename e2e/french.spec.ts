import { expect, test, type Page } from "@playwright/test";
import { en } from "../lib/i18n/en";
import { fr } from "../lib/i18n/fr";
import { screenshot, PASSWORD, apiToken, bearer, demoDrugId, signIn } from "./fixtures";

// Issue 8's acceptance: a user switches to French and every visible string on the main journeys is
// French. One dedicated account per role (scripts/test.ts seeds them), so the demo logins other
// specs share stay in English. Each user signs in through the English form, picks "Français" in
// the header's Language select, then walks their main pages. On every page:
// - no line of the page equals an English catalogue string whose French differs (the whole body);
// - the interface parts (navigation, headings, labels, buttons, table headers, menu items) hold no
//   English function word (data such as names, drugs and ICD descriptions are left out: they are
//   data, not interface).

const FR_ACCOUNTS = {
  ADMIN: "fr.admin@demo.hospital",
  DOCTOR: "fr.doctor@demo.hospital",
  NURSE: "fr.nurse@demo.hospital",
  PHARMACIST: "fr.pharmacist@demo.hospital",
  RECORDS_OFFICER: "fr.records@demo.hospital",
  PATIENT: "fr.patient@demo.hospital",
} as const;

/** Every string leaf of a catalogue, by its path. */
function leaves(node: unknown, path = "", out = new Map<string, string>()): Map<string, string> {
  if (typeof node === "string") out.set(path, node);
  else if (node && typeof node === "object") for (const [k, v] of Object.entries(node)) leaves(v, `${path}.${k}`, out);
  return out;
}
const enLeaves = leaves(en);
const frLeaves = leaves(fr);
const frenchWords = new Set(frLeaves.values());
/** English interface strings that French writes differently (and that are no French string themselves). */
// Names of seeded records (prisma/seed.ts departments, prisma/seed-wards.ts wards) are data even when
// they read like a catalogue word (the "Emergency" department, the "Maternity" ward).
const DATA_NAMES = new Set([
  "Cardiology",
  "General Medicine",
  "Pediatrics",
  "Emergency",
  "Orthopedics",
  "Neurology",
  "Surgery",
  "Maternity",
  "ICU",
]);
const ENGLISH_ONLY = new Set(
  [...enLeaves]
    .filter(
      ([k, s]) => /\p{L}{2}/u.test(s) && frLeaves.get(k) !== s && !frenchWords.has(s) && !DATA_NAMES.has(s.trim()),
    )
    .map(([, s]) => s.trim()),
);
const ENGLISH_WORDS = /\b(the|and|with|your|this|please|of|for|from|to|is|are|no)\b/i;
const FRENCH_DATE =
  /\b\d{1,2}(er)? (janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.|janvier|février|avril|juillet|septembre|octobre|novembre|décembre) \d{4}\b|\b\d{2}\/\d{2}\/\d{4}\b/;

const shot = (page: Page, name: string) =>
  screenshot(page, { path: `.test-artifacts/screens/french-${name}.png`, fullPage: true });

/** The lines of the interface parts: headings, labels (without their options), buttons, table headers, navigation, menu items, skip links, aria-labels. */
function interfaceLines(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const lines: string[] = [];
    for (const nav of Array.from(document.querySelectorAll("nav")))
      lines.push(...(nav as HTMLElement).innerText.split("\n"));
    for (const el of Array.from(
      document.querySelectorAll("h1, h2, h3, label, th, button, legend, [role=menuitem], a[href^='#']"),
    )) {
      if (el.closest("nav")) continue;
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll("select, option, textarea, input").forEach((c) => c.remove());
      lines.push(copy.textContent ?? "");
    }
    for (const el of Array.from(document.querySelectorAll("[aria-label]")))
      lines.push(el.getAttribute("aria-label") ?? "");
    return lines.map((l) => l.trim()).filter(Boolean);
  });
}

/** Every piece of text of the body: each text node, and the placeholders, titles and aria-labels. */
function textPieces(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pieces: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      // Chart ticks (svg) are data: ward names, codes, numbers, split into pieces by the chart.
      if (parent && !parent.closest("script, style, template, svg")) pieces.push(n.textContent ?? "");
    }
    for (const el of Array.from(document.querySelectorAll("[placeholder], [title], [aria-label]"))) {
      for (const attr of ["placeholder", "title", "aria-label"]) pieces.push(el.getAttribute(attr) ?? "");
    }
    return pieces.map((l) => l.trim()).filter(Boolean);
  });
}

/** Checks the page now shown is French; failures are collected (soft) so one run names every page. */
async function expectFrench(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await expect.soft(page.locator("html"), `${name}: <html lang>`).toHaveAttribute("lang", "fr");
  const body = (await page.locator("body").innerText())
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const english = [...new Set([...body, ...(await textPieces(page))].filter((l) => ENGLISH_ONLY.has(l)))];
  const wordy = [...new Set((await interfaceLines(page)).filter((l) => ENGLISH_WORDS.test(l)))];
  expect
    .soft({ page: name, englishCatalogueLines: english, englishWords: wordy })
    .toEqual({ page: name, englishCatalogueLines: [], englishWords: [] });
  return body;
}

async function visit(page: Page, path: string, name = path) {
  const res = await page.goto(path);
  expect(res?.status(), `${path} status`).toBeLessThan(400);
  return expectFrench(page, name);
}

/** Signs in through the (English) form, then picks Français in the header's Language select. */
async function signInFrench(page: Page, email: string) {
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByLabel("Language").selectOption("fr");
  await expect(page.getByLabel(fr.account.language)).toHaveValue("fr");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
}

/** The href of the first link on the page matching `selector`. */
async function firstHref(page: Page, selector: string): Promise<string> {
  const link = page.locator(selector).first();
  await expect(link).toBeVisible();
  return (await link.getAttribute("href"))!;
}

test.describe("French for every role", () => {
  // Each test walks several pages of a production build on a shared machine.
  test.describe.configure({ timeout: 120_000 });

  test("a doctor works in French: dashboard, patients, a chart, a new consultation, appointments, prescriptions", async ({
    page,
  }) => {
    await signInFrench(page, FR_ACCOUNTS.DOCTOR);
    await expectFrench(page, "doctor /dashboard");
    await visit(page, "/patients", "doctor /patients");
    const chart = await firstHref(page, 'table a[href^="/patients/"]');
    await visit(page, chart, "doctor patient chart");
    await shot(page, "doctor-chart");
    // Every tab of the chart, banner included.
    for (const tab of ["visits", "vitals", "results", "medications", "admissions", "documents"])
      await visit(page, `${chart}/${tab}`, `doctor chart ${tab}`);
    await visit(page, `/consultations/new?patientId=${chart.split("/")[2]}`, "doctor new consultation");
    await visit(page, "/appointments", "doctor /appointments");
    await visit(page, "/prescriptions", "doctor /prescriptions");
    await visit(page, "/prescriptions/new", "doctor /prescriptions/new");
    // A date error names no machine format (the date input shows the browser's own): French, and no AAAA-MM-JJ.
    await visit(page, "/availability", "doctor /availability");
    await page.getByRole("button", { name: fr.scheduling.availability.addException }).click();
    await page.getByRole("button", { name: fr.scheduling.availability.save }).click();
    await expect(page.getByText(fr.scheduling.errors.date).first()).toBeVisible();
    expect(fr.scheduling.errors.date).toBe("Saisissez une date valide");
    await expect(page.getByText(/AAAA|YYYY/)).toHaveCount(0);
  });

  test("a nurse works in French: dashboard, bed board, admissions, a chart's vitals form", async ({ page }) => {
    await signInFrench(page, FR_ACCOUNTS.NURSE);
    await expectFrench(page, "nurse /dashboard");
    await visit(page, "/beds", "nurse /beds");
    await shot(page, "nurse-beds");
    await visit(page, "/admissions", "nurse /admissions");
    await visit(page, "/reports/occupancy", "nurse /reports/occupancy");
    await visit(page, "/patients", "nurse /patients");
    const chart = await firstHref(page, 'table a[href^="/patients/"]');
    await visit(page, chart, "nurse patient chart");
    // The vitals form opens on demand on the Vitals tab.
    await page.goto(`${chart}/vitals`);
    await page.locator("summary", { hasText: fr.chart.panels.recordVitals }).click();
    await expect(page.getByRole("button", { name: fr.clinical.vitals.submit })).toBeVisible();
    await expectFrench(page, "nurse chart vitals form");
  });

  test("a pharmacist works in French, and a form's errors are French", async ({ page, request }) => {
    // A prescription waiting at the pharmacy, written by the French doctor for a new patient.
    const { token } = await apiToken(request, FR_ACCOUNTS.DOCTOR);
    const patient = await request.post("/api/v1/patients", {
      headers: bearer(token),
      data: {
        firstName: "Louis",
        lastName: `Moreau${Date.now().toString(36)}`,
        dateOfBirth: "1968-09-30",
        sex: "male",
      },
    });
    expect(patient.status(), await patient.text()).toBe(201);
    const rx = await request.post("/api/v1/prescriptions", {
      headers: bearer(token),
      data: {
        patientId: (await patient.json()).id,
        items: [
          {
            drugId: await demoDrugId(request),
            dose: "500 mg",
            route: "oral",
            frequency: "3x/j",
            durationDays: 5,
            quantity: 15,
          },
        ],
      },
    });
    expect(rx.status(), await rx.text()).toBe(201);

    await signInFrench(page, FR_ACCOUNTS.PHARMACIST);
    await visit(page, "/pharmacy", "pharmacist /pharmacy");
    await shot(page, "pharmacy");
    const dispensing = await firstHref(page, 'a[href^="/pharmacy/prescriptions/"]');
    await visit(page, dispensing, "pharmacist dispensing page");
    await shot(page, "dispensing");
    await visit(page, "/pharmacy/drugs", "pharmacist /pharmacy/drugs");
    const drug = await firstHref(page, 'table a[href^="/pharmacy/drugs/"]');
    await visit(page, drug, "pharmacist drug stock");
    await visit(page, "/pharmacy/drugs/new", "pharmacist /pharmacy/drugs/new");
    // An empty required field: its error is the French sentence.
    await page.getByRole("button", { name: fr.pharmacy.drugs.create }).click();
    await expect(page.locator("#f-genericName-error")).toHaveText(fr.pharmacy.errors.generic);
    await expect(page.locator("#f-strength-error")).toHaveText(fr.pharmacy.errors.strength);
    await expectFrench(page, "pharmacist drug form with errors");
  });

  test("a records officer works in French: patients, registration, billing and an invoice with French dates and amounts", async ({
    page,
  }) => {
    await signInFrench(page, FR_ACCOUNTS.RECORDS_OFFICER);
    await visit(page, "/patients", "records /patients");
    await visit(page, "/patients/new", "records /patients/new");
    await visit(page, "/billing", "records /billing");
    const invoice = await firstHref(page, 'table a[href^="/billing/"]');
    await visit(page, "/billing/new", "records /billing/new");
    const body = await visit(page, invoice, "records invoice");
    await shot(page, "invoice");
    expect(body.join("\n")).toMatch(FRENCH_DATE);
    // Amounts as French writes them: a decimal comma, then a space and the currency symbol.
    expect(body.join("\n")).toMatch(/\d,\d{2}[\s\u00a0\u202f]\S/);
  });

  test("an admin works in French: staff, departments, reports, audit, wards, tokens, jobs", async ({ page }) => {
    await signInFrench(page, FR_ACCOUNTS.ADMIN);
    await expectFrench(page, "admin /dashboard");
    for (const path of [
      "/admin/staff",
      "/admin/departments",
      "/reports",
      "/reports/revenue",
      "/public-health",
      "/admin/audit",
      "/admin/wards",
      "/admin/tokens",
      "/admin/jobs",
      "/exports",
    ]) {
      await visit(page, path, `admin ${path}`);
    }
    await page.goto("/reports");
    await shot(page, "reports");
  });

  test("a patient works in French: dashboard, my health, appointments and booking, my invoices", async ({
    page,
    request,
  }) => {
    await signInFrench(page, FR_ACCOUNTS.PATIENT);
    await expectFrench(page, "patient /dashboard");
    await visit(page, "/me/health", "patient /me/health");
    await visit(page, "/appointments", "patient /appointments");
    await visit(page, "/doctors", "patient /doctors");
    const doctor = await firstHref(page, 'a[href^="/doctors/"]');
    await visit(page, doctor, "patient booking page");
    await visit(page, "/billing", "patient my invoices");

    // The choice is kept on the account: GET /api/v1/account says so…
    const { token } = await apiToken(request, FR_ACCOUNTS.PATIENT);
    const account = await request.get("/api/v1/account", { headers: bearer(token) });
    expect(account.status()).toBe(200);
    expect(await account.json()).toMatchObject({ language: "fr" });

    // …and it survives signing out and in again, even from a browser with no cookie of it.
    await page.getByRole("button", { name: fr.nav.userMenu }).click();
    await page.getByRole("menuitem", { name: fr.nav.signOut }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.context().clearCookies();
    await signIn(page, FR_ACCOUNTS.PATIENT, PASSWORD);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expectFrench(page, "patient /dashboard after signing in again");
  });
});
