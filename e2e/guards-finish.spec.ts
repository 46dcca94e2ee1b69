import { mkdirSync } from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { screenshot, USERS, apiToken, bearer, demoDrugId, storageFor } from "./fixtures";

// Issue 16, guardrails left over: revoking a prescription, voiding an invoice and deactivating a
// ward ask first and state the consequence; a field's error goes as soon as the field is edited.

const SHOTS = "/tmp/guards-finish-shots";
mkdirSync(SHOTS, { recursive: true });
/** The page at the desktop (1366 px) and tablet (768 px) widths, for a person to look at. */
async function shots(page: Page, name: string) {
  for (const width of [1366, 768]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, { path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

async function newPatient(request: APIRequestContext, firstName: string) {
  const records = bearer((await apiToken(request, USERS.RECORDS_OFFICER)).token);
  const res = await request.post("/api/v1/patients", {
    headers: records,
    data: { firstName, lastName: "Confirm", dateOfBirth: "1971-04-04", sex: "female" },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

test.describe("doctor", () => {
  test.use({ storageState: storageFor("DOCTOR") });

  test("revoking a prescription asks first, saying it can no longer be dispensed", async ({ page, request }) => {
    const doctor = bearer((await apiToken(request, USERS.DOCTOR)).token);
    const patientId = await newPatient(request, "Revoka");
    const rx = await request.post("/api/v1/prescriptions", {
      headers: doctor,
      data: {
        patientId,
        items: [
          {
            drugId: await demoDrugId(request),
            dose: "1 capsule",
            route: "oral",
            frequency: "three times daily",
            durationDays: 5,
          },
        ],
      },
    });
    expect(rx.status(), await rx.text()).toBe(201);
    // Opened as the prescribe form leaves it: the "issued" banner shows while the prescription is live.
    await page.goto(`/prescriptions/${(await rx.json()).id}?created=1`);
    await expect(page.getByText("Prescription issued.")).toBeVisible();
    await page.getByLabel("Reason").fill("Wrong patient selected");
    await page.getByRole("button", { name: "Revoke" }).click();
    const dialog = page.getByRole("dialog", { name: "Revoke this prescription?" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("can no longer be dispensed");
    await shots(page, "rx-revoke-confirm");
    await dialog.getByRole("button", { name: "Go back" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("Wrong patient selected")).toHaveCount(0);
    await page.getByRole("button", { name: "Revoke" }).click();
    await dialog.getByRole("button", { name: "Revoke the prescription" }).click();
    await expect(page.getByText("Wrong patient selected")).toBeVisible();
    // The banner went with the state it announced.
    await expect(page.getByText("Prescription issued.")).toHaveCount(0);
  });
});

test.describe("records officer", () => {
  test.use({ storageState: storageFor("RECORDS_OFFICER") });

  test("voiding an invoice asks first, saying it cannot be undone", async ({ page, request }) => {
    const records = bearer((await apiToken(request, USERS.RECORDS_OFFICER)).token);
    const patientId = await newPatient(request, "Voida");
    const res = await request.post("/api/v1/invoices", {
      headers: records,
      data: { patientId, lines: [{ description: "Dressing change", quantity: 1, unitAmount: 1500 }] },
    });
    expect(res.status(), await res.text()).toBe(201);
    await page.goto(`/billing/${(await res.json()).id}`);
    await page.getByLabel("Reason").fill("Entered twice");
    await page.getByRole("button", { name: "Void invoice" }).click();
    const dialog = page.getByRole("dialog", { name: "Void this invoice?" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("cannot be undone");
    await shots(page, "invoice-void-confirm");
    await dialog.getByRole("button", { name: "Go back" }).click();
    await expect(page.getByText("This invoice is void.")).toHaveCount(0);
    await page.getByRole("button", { name: "Void invoice" }).click();
    await dialog.getByRole("button", { name: "Void the invoice" }).click();
    await expect(page.getByText("This invoice is void.")).toBeVisible();
  });

  test("a field's error goes as soon as the field is edited; the others stay", async ({ page }) => {
    await page.goto("/patients/new");
    await page.getByRole("button", { name: "Register patient" }).click();
    const first = page.getByLabel("First name");
    const last = page.getByLabel("Last name");
    await expect(first).toHaveAttribute("aria-invalid", "true");
    await expect(last).toHaveAttribute("aria-invalid", "true");
    await first.fill("Clara");
    await expect(first).not.toHaveAttribute("aria-invalid", "true");
    await expect(last).toHaveAttribute("aria-invalid", "true");
    await shots(page, "patient-form-error-cleared");
    // Submitting again checks every field again.
    await first.fill("");
    await page.getByRole("button", { name: "Register patient" }).click();
    await expect(first).toHaveAttribute("aria-invalid", "true");
  });
});

test.describe("admin", () => {
  test.use({ storageState: storageFor("ADMIN") });

  test("deactivating a ward asks first, saying no one new can be placed there", async ({ page, request }) => {
    const admin = bearer((await apiToken(request, USERS.ADMIN)).token);
    const name = `Confirm ward ${Date.now()}`;
    const res = await request.post("/api/v1/wards", { headers: admin, data: { name, type: "GENERAL" } });
    expect(res.status(), await res.text()).toBe(201);
    await page.goto("/admin/wards");
    const ward = page.getByRole("region", { name });
    await ward.getByRole("button", { name: "Deactivate" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Deactivate this ward?" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("No patient can be admitted");
    await shots(page, "ward-deactivate-confirm");
    await dialog.getByRole("button", { name: "Go back" }).click();
    await expect(ward.getByText("inactive", { exact: true })).toHaveCount(0);
    await ward.getByRole("button", { name: "Deactivate" }).first().click();
    await dialog.getByRole("button", { name: "Deactivate", exact: true }).click();
    await expect(ward.getByText("inactive", { exact: true })).toBeVisible();
    await expect(ward.getByRole("button", { name: "Activate" })).toBeVisible();
  });
});
