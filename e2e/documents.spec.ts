import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { screenshot, USERS, apiToken, bearer, storageFor } from "./fixtures";

// Issue 17, documents on the chart: a nurse attaches a PDF (shared with the patient) and a PNG (staff
// only) on a chart through the Documents tab, sees them listed (the PNG with its thumbnail) and opens
// them; the patient sees only the shared one on their own page, and the other is not found.
// Screenshots at 1280 and 768 px for review.

const SHOTS = "/tmp/documents-shots";
const WIDTHS = [1280, 768] as const;
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
);
// A 64×48 red PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAEAAAAAwCAIAAAAuKetIAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAfElEQVRoge2SAQkAQBCDFsf+KYz1McbxAwPoWITTpG7gAqiv6C7EXVI3cAHUV3QX4i6pG7gA6iu6C3GX1A1cAPUV3YW4S+oGLoD6iu5C3CV1AxdAfUV3Ie6SuoELoL6iuxB3Sd3ABVBf0V2Iu6Ru4AKor+guxF1SN/DzgAePoCDEhz0qaQAAAABJRU5ErkJggg==",
  "base64",
);

async function shots(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, { path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
}

async function attach(
  page: Page,
  file: { name: string; mimeType: string; buffer: Buffer },
  fields: { title: string; category: string; shared: boolean },
) {
  const form = page.getByRole("form", { name: "Attach a document" });
  if (!(await form.isVisible())) await page.getByText("Attach a document", { exact: true }).first().click();
  await form.getByLabel("Title").fill(fields.title);
  await form.getByLabel("Category").selectOption(fields.category);
  if (fields.shared) await form.getByLabel("Share with the patient").check();
  await form.getByLabel("File (PDF, JPEG or PNG)").setInputFiles(file);
  await form.getByRole("button", { name: "Attach a document" }).click();
  await expect(page.getByRole("link", { name: fields.title })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("status").filter({ hasText: "Document attached." })).toBeVisible();
}

test.describe("documents on the chart", () => {
  test("a nurse attaches a PDF and a PNG and opens them; the patient sees only the shared one", async ({
    browser,
    request,
  }) => {
    test.setTimeout(180_000);
    const patient = await apiToken(request, USERS.PATIENT);
    const me = await request.get("/api/v1/patients/me", { headers: bearer(patient.token) });
    expect(me.status()).toBe(200);
    const patientId = (await me.json()).id as string;
    const stamp = Date.now().toString(36);
    const pdfTitle = `Referral letter ${stamp}`;
    const pngTitle = `Wound photo ${stamp}`;

    const nurse = await (await browser.newContext({ storageState: storageFor("NURSE") })).newPage();
    await nurse.goto(`/patients/${patientId}/documents`);
    await attach(
      nurse,
      { name: "referral.png", mimeType: "image/png", buffer: PDF },
      { title: pdfTitle, category: "referral", shared: true },
    );
    await attach(
      nurse,
      { name: "wound.png", mimeType: "image/png", buffer: PNG },
      { title: pngTitle, category: "imaging", shared: false },
    );

    // The PDF sent under a .png name is listed as what its bytes are: no thumbnail, a PDF marker.
    const pdfRow = nurse.locator("tr", { has: nurse.getByRole("link", { name: pdfTitle }) });
    await expect(pdfRow.getByText("Shared with the patient")).toBeVisible();
    const pngRow = nurse.locator("tr", { has: nurse.getByRole("link", { name: pngTitle }) });
    await expect(pngRow.getByText("Staff only")).toBeVisible();
    const thumb = pngRow.getByRole("img", { name: `Preview of ${pngTitle}` });
    await expect(thumb).toBeVisible();
    await expect
      .poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    await shots(nurse, "chart-documents");

    // Opening each: a new tab on the content route, shown inline with its verified type.
    for (const [title, type, bytes] of [
      [pdfTitle, "application/pdf", PDF],
      [pngTitle, "image/png", PNG],
    ] as const) {
      const link = nurse.getByRole("link", { name: title });
      await expect(link).toHaveAttribute("target", "_blank");
      const href = (await link.getAttribute("href"))!;
      const [popup] = await Promise.all([nurse.waitForEvent("popup"), link.click()]);
      await popup.waitForLoadState("domcontentloaded").catch(() => {});
      expect(popup.url()).toContain(href);
      await popup.close();
      const res = await nurse.request.get(href);
      expect(res.status()).toBe(200);
      expect(res.headers()["content-type"]).toBe(type);
      expect(res.headers()["content-disposition"]).toMatch(/^inline; filename="/);
      expect(res.headers()["x-content-type-options"]).toBe("nosniff");
      expect(Buffer.from(await res.body()).equals(bytes)).toBe(true);
    }
    // A consent form sent through the API by a records officer (multipart, as an integration would): the chart's summary shows it.
    const records = await apiToken(request, USERS.RECORDS_OFFICER);
    const consentTitle = `Surgery consent ${stamp}`;
    const consent = await request.post(`/api/v1/patients/${patientId}/documents`, {
      headers: bearer(records.token),
      multipart: {
        title: consentTitle,
        category: "consent",
        documentDate: "2026-12-01",
        consentSignedOn: "2026-12-01",
        file: { name: "consent.pdf", mimeType: "application/pdf", buffer: PDF },
      },
    });
    expect(consent.status(), await consent.text()).toBe(201);
    await nurse.goto(`/patients/${patientId}`);
    await expect(nurse.locator("[data-latest-consent]")).toContainText(consentTitle);
    await expect(nurse.locator("[data-latest-consent]")).toContainText("signed 1 Dec 2026");
    await shots(nurse, "chart-summary-consent");
    await nurse.goto(`/patients/${patientId}/documents`);

    const pngHref = (await nurse.getByRole("link", { name: pngTitle }).getAttribute("href"))!;
    const pdfHref = (await nurse.getByRole("link", { name: pdfTitle }).getAttribute("href"))!;

    // The patient: the shared PDF on their own page, opened; the staff-only PNG neither listed nor reachable.
    const own = await (await browser.newContext({ storageState: storageFor("PATIENT") })).newPage();
    await own.goto("/me/health");
    await expect(own.getByRole("link", { name: pdfTitle })).toBeVisible();
    await expect(own.getByText(pngTitle)).toHaveCount(0);
    expect((await own.request.get(pdfHref)).status()).toBe(200);
    const refused = await own.request.get(pngHref);
    expect(refused.status()).toBe(404);
    expect((await refused.json()).error.code).toBe("NOT_FOUND");
    await shots(own, "me-health-documents");
  });
});
