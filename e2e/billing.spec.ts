import { expect, test, type Page } from "@playwright/test";
import { screenshot, USERS, apiToken, bearer, storageFor } from "./fixtures";

// A records officer invoices a patient, takes a partial payment at the desk and prints the invoice;
// the patient then sees the invoice, read-only; the API refuses an overpayment.

const shot = (page: Page, name: string) =>
  screenshot(page, { path: `.test-artifacts/screens/${name}.png`, fullPage: true });

test.describe("records officer", () => {
  test.use({ storageState: storageFor("RECORDS_OFFICER") });

  test("takes a payment and prints the invoice (a PDF); the API refuses an overpayment", async ({ page, request }) => {
    const { token } = await apiToken(request, USERS.RECORDS_OFFICER);
    const patients = await request.get(`/api/v1/patients?q=${encodeURIComponent("Sam Patient")}`, {
      headers: bearer(token),
    });
    const patientId = (await patients.json()).items[0].id as string;
    const res = await request.post("/api/v1/invoices", {
      headers: bearer(token),
      data: { patientId, lines: [{ description: "Dressing change", quantity: 2, unitAmount: 1250 }] },
    });
    expect(res.status()).toBe(201);
    const invoice = (await res.json()) as { id: string; number: string };

    await page.goto("/billing");
    await expect(page.getByRole("heading", { name: "Billing" })).toBeVisible();
    await shot(page, "billing-list");
    await page.getByLabel("Patient name, MRN or invoice number").fill(invoice.number);
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("link", { name: invoice.number }).click();
    await expect(page.getByRole("heading", { name: `Invoice ${invoice.number}` })).toBeVisible();
    await expect(page.getByTestId("balance")).toHaveText("$25.00");

    await page.getByLabel("Amount (USD)").fill("10");
    await page.getByLabel("Method").selectOption("CARD");
    await page.getByRole("button", { name: "Record payment" }).click();
    await expect(page.getByTestId("balance")).toHaveText("$15.00");
    await expect(page.getByRole("cell", { name: /^RCPT-/ })).toBeVisible();
    await shot(page, "billing-invoice");

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Print invoice (PDF)" }).click();
    const chunks: Buffer[] = [];
    for await (const c of await (await download).createReadStream()) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe("%PDF-");

    const over = await request.post("/api/v1/payments", {
      headers: bearer(token),
      data: { invoiceId: invoice.id, amount: 1501, method: "CASH" },
    });
    expect(over.status()).toBe(400);
    expect((await over.json()).error.fields.amount).toBe("The amount is more than the balance due");
    const again = await request.get(`/api/v1/invoices/${invoice.id}`, { headers: bearer(token) });
    expect(await again.json()).toMatchObject({ total: 2500, paid: 1000, balance: 1500 });

    await page.goto("/billing/new");
    await expect(page.getByRole("heading", { name: "New invoice" })).toBeVisible();
    await shot(page, "billing-new");
  });
});

test.describe("patient", () => {
  test.use({ storageState: storageFor("PATIENT") });

  test("sees their own invoices, read-only", async ({ page }) => {
    await page.goto("/billing");
    await expect(page.getByRole("heading", { name: "My invoices" })).toBeVisible();
    await page.getByRole("link", { name: /^INV-/ }).first().click();
    await expect(page.getByRole("heading", { name: /^Invoice INV-/ })).toBeVisible();
    await expect(page.getByRole("button", { name: "Record payment" })).toHaveCount(0);
    await shot(page, "billing-patient");
  });
});
