import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { screenshot, USERS, apiToken, bearer, storageFor, walkTimeout } from "./fixtures";

// Issue 5's prescribing journey through the real UI: a doctor prescribes amoxicillin to the
// penicillin-allergic demo patient (prisma/seed-prescriptions.ts), is blocked, overrides with a
// reason and downloads the PDF; the QR page is checked anonymously; then the API's rules.

const shot = (page: Page, name: string) =>
  screenshot(page, { path: `.test-artifacts/screens/${name}.png`, fullPage: true });

async function patientId(request: APIRequestContext, q: string): Promise<string> {
  const { token } = await apiToken(request, USERS.DOCTOR);
  const res = await request.get(`/api/v1/patients?q=${encodeURIComponent(q)}`, { headers: bearer(token) });
  expect(res.status()).toBe(200);
  return (await res.json()).items[0].id as string;
}

async function drugId(request: APIRequestContext, q: string, form: string): Promise<string> {
  const { token } = await apiToken(request, USERS.DOCTOR);
  const res = await request.get(`/api/v1/drugs?q=${encodeURIComponent(q)}&pageSize=50`, { headers: bearer(token) });
  return ((await res.json()).items as { id: string; genericName: string; form: string }[]).find(
    (d) => d.genericName === q && d.form === form,
  )!.id;
}

test.describe("doctor", () => {
  test.use({ storageState: storageFor("DOCTOR") });

  test("prescribes amoxicillin to a penicillin-allergic patient: blocked, overridden with a reason, PDF downloaded; the QR page shows no private data", async ({
    page,
    request,
    browser,
  }) => {
    test.setTimeout(walkTimeout(8));
    const id = await patientId(request, "Amara Bello");
    await page.goto(`/patients/${id}/medications`);
    await page.getByRole("link", { name: "Prescribe" }).click();
    await expect(page).toHaveURL(new RegExp(`/prescriptions/new\\?patientId=${id}$`));
    await expect(page.getByText("Penicillin · severe · Anaphylaxis")).toBeVisible();

    await page.getByLabel("Drug", { exact: true }).fill("amoxi");
    await page.getByRole("option").filter({ hasText: "amoxicillin 500 mg capsule" }).click();
    await page.getByLabel("Dose").fill("500 mg");
    await page.getByLabel("Frequency").fill("three times daily");
    await page.getByLabel("Days").fill("7");
    await page.getByLabel("Instructions").fill("Take with food");
    await page.getByRole("button", { name: "Check and prescribe" }).click();

    const block = page.getByRole("alert").filter({ hasText: "Safety check" });
    await expect(block).toBeVisible();
    await expect(block.getByText("Allergy (drug class)")).toBeVisible();
    await expect(
      block.getByText(/amoxicillin is a penicillin: recorded allergy to Penicillin \(severe\)/),
    ).toBeVisible();
    await shot(page, "prescribe-blocked");
    await page
      .getByLabel("Reason to prescribe despite the findings")
      .fill("Tolerated a supervised amoxicillin challenge in 2025");
    await page.getByRole("button", { name: "Prescribe anyway" }).click();

    await expect(page).toHaveURL(/\/prescriptions\/[^/?]+\?created=1$/);
    await expect(page.getByText("Prescription issued.")).toBeVisible();
    await expect(page.getByText("Tolerated a supervised amoxicillin challenge in 2025")).toBeVisible();
    await expect(page.getByRole("cell", { name: "amoxicillin 500 mg capsule (Amoxil)" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "21", exact: true })).toBeVisible();
    await shot(page, "prescription-detail");

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download PDF", exact: true }).click();
    const file = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of file) chunks.push(c as Buffer);
    const pdf = Buffer.concat(chunks);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toContain("/MediaBox [0 0 595.28 841.89]");

    // The QR code's page, in a fresh browser with no session.
    const verify = await page.getByRole("link", { name: "Verification page" }).getAttribute("href");
    const anonymous = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const rx = await anonymous.newPage();
    const res = await rx.goto(verify!);
    expect(res!.status()).toBe(200);
    await expect(rx.getByText("This prescription is active: it may be dispensed.")).toBeVisible();
    await expect(rx.getByText("Dr. Grace Okafor")).toBeVisible();
    await expect(rx.getByText("amoxicillin 500 mg capsule")).toBeVisible();
    await expect(rx.getByText("A. B.", { exact: true })).toBeVisible();
    const text = await rx.locator("body").innerText();
    for (const secret of ["Bello", "Amara", "Penicillin", "Anaphylaxis", "Asthma", "J45", "MRN", "+228", "1978"])
      expect(text).not.toContain(secret);
    await expect(rx.getByRole("link", { name: "Open for dispensing" })).toHaveCount(0);
    await screenshot(rx, { path: ".test-artifacts/screens/rx-public.png", fullPage: true });

    // Revoked: the same page says so.
    await page.getByLabel("Reason").fill("Allergy history could not be confirmed");
    await page.getByRole("button", { name: "Revoke" }).click();
    await page
      .getByRole("dialog", { name: "Revoke this prescription?" })
      .getByRole("button", { name: "Revoke the prescription" })
      .click();
    await expect(page.getByText("Allergy history could not be confirmed")).toBeVisible();
    await rx.reload();
    await expect(rx.getByText("This prescription was revoked by the prescriber. Do not dispense.")).toBeVisible();

    const bad = await rx.goto(`${verify!.slice(0, -3)}AAA`);
    expect(bad!.status()).toBe(404);
    await expect(rx.getByRole("heading", { name: "Not a valid prescription" })).toBeVisible();
    await screenshot(rx, { path: ".test-artifacts/screens/rx-invalid.png", fullPage: true });
    await anonymous.close();

    await page.goto("/prescriptions");
    await expect(page.getByRole("cell", { name: /Amara Bello/ }).first()).toBeVisible();
    await shot(page, "prescriptions-list");
  });
});

test.describe("pharmacist", () => {
  test.use({ storageState: storageFor("PHARMACIST") });

  test("sees 'Open for dispensing' on the QR page", async ({ page, request }) => {
    const { token } = await apiToken(request, USERS.DOCTOR);
    const res = await request.post("/api/v1/prescriptions", {
      headers: bearer(token),
      data: {
        patientId: await patientId(request, "Sam Patient"),
        items: [
          {
            drugId: await drugId(request, "cetirizine", "tablet"),
            dose: "10 mg",
            route: "oral",
            frequency: "once daily",
            durationDays: 5,
          },
        ],
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    const rx = await res.json();
    await page.goto(new URL(rx.verifyUrl).pathname);
    await expect(page.getByRole("link", { name: "Open for dispensing" })).toHaveAttribute(
      "href",
      `/pharmacy/prescriptions/${rx.id}`,
    );
  });
});

test.describe("API", () => {
  test("safety check, override, interactions with live prescriptions, roles and patient scope", async ({ request }) => {
    const doctor = bearer((await apiToken(request, USERS.DOCTOR)).token);
    const bello = await patientId(request, "Amara Bello");
    const amoxicillin = await drugId(request, "amoxicillin", "capsule");
    const line = (drugId: string) => ({
      drugId,
      dose: "1 tablet",
      route: "oral",
      frequency: "twice daily",
      durationDays: 5,
    });

    const blocked = await request.post("/api/v1/prescriptions", {
      headers: doctor,
      data: { patientId: bello, items: [line(amoxicillin)] },
    });
    expect(blocked.status()).toBe(409);
    const body = await blocked.json();
    expect(body.error.code).toBe("SAFETY_CHECK");
    expect(body.error.details.findings).toEqual([
      expect.objectContaining({ kind: "ALLERGY_CLASS", severity: "high", drugs: ["amoxicillin"] }),
    ]);

    const simva = await request.post("/api/v1/prescriptions", {
      headers: doctor,
      data: { patientId: bello, items: [line(await drugId(request, "simvastatin", "tablet"))] },
    });
    expect(simva.status(), await simva.text()).toBe(201);
    const clari = await request.post("/api/v1/prescriptions", {
      headers: doctor,
      data: { patientId: bello, items: [line(await drugId(request, "clarithromycin", "tablet"))] },
    });
    expect(clari.status()).toBe(409);
    expect((await clari.json()).error.details.findings).toEqual([
      expect.objectContaining({ kind: "INTERACTION", drugs: ["clarithromycin", "simvastatin"] }),
    ]);

    // Only doctors prescribe.
    for (const role of ["NURSE", "PHARMACIST", "ADMIN", "PATIENT"] as const) {
      const other = bearer((await apiToken(request, USERS[role])).token);
      const res = await request.post("/api/v1/prescriptions", {
        headers: other,
        data: { patientId: bello, items: [line(amoxicillin)] },
      });
      expect(res.status(), role).toBe(403);
    }

    // A patient never sees another patient's prescription: 404, like a missing one; and no PDF.
    const simvaId = (await simva.json()).id as string;
    const patient = bearer((await apiToken(request, USERS.PATIENT)).token);
    expect((await request.get(`/api/v1/prescriptions/${simvaId}`, { headers: patient })).status()).toBe(404);
    expect((await request.get(`/api/v1/prescriptions/${simvaId}/pdf`, { headers: patient })).status()).toBe(404);
    const mine = await request.get("/api/v1/prescriptions", { headers: patient });
    expect(((await mine.json()).items as { patient: { id: string } }[]).every((p) => p.patient.id !== bello)).toBe(
      true,
    );

    for (const paper of ["A4", "LETTER"]) {
      const pdf = await request.get(`/api/v1/prescriptions/${simvaId}/pdf?paper=${paper}`, { headers: doctor });
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()["content-type"]).toBe("application/pdf");
      expect((await pdf.body()).toString("latin1")).toContain(
        paper === "A4" ? "/MediaBox [0 0 595.28 841.89]" : "/MediaBox [0 0 612 792]",
      );
    }
    const revoked = await request.post(`/api/v1/prescriptions/${simvaId}/revoke`, {
      headers: doctor,
      data: { reason: "Stopped: interaction risk" },
    });
    expect(revoked.status()).toBe(200);
    expect((await revoked.json()).status).toBe("REVOKED");
  });
});
