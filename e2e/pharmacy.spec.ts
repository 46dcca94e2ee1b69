import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { screenshot, USERS, apiToken, bearer, distinctBirthDate, storageFor } from "./fixtures";

// Issue 5's pharmacy journey: a doctor prescribes through the API, a pharmacist scans the QR code
// (lands on /rx/{token}), opens the prescription for dispensing, dispenses part of it, and sees the
// stock drop on the drug's stock page. Ondansetron 4 mg tablet has one demo batch (prisma/seed-pharmacy.ts).

const shot = (page: Page, name: string) =>
  screenshot(page, { path: `.test-artifacts/screens/${name}.png`, fullPage: true });

async function drugByName(request: APIRequestContext, token: string, generic: string, form: string) {
  const res = await request.get(`/api/v1/drugs?q=${encodeURIComponent(generic)}`, { headers: bearer(token) });
  expect(res.status()).toBe(200);
  return ((await res.json()).items as { id: string; genericName: string; form: string }[]).find(
    (d) => d.genericName === generic && d.form === form,
  )!.id;
}

/** A new patient with a prescription from the demo doctor (12 ondansetron tablets unless told); returns its /rx path and ids. */
async function prescribeOndansetron(
  request: APIRequestContext,
  drug = { generic: "ondansetron", form: "tablet", quantity: 12 },
) {
  const { token } = await apiToken(request, USERS.DOCTOR);
  const suffix = Date.now().toString(36);
  const patient = await request.post("/api/v1/patients", {
    headers: bearer(token),
    data: { firstName: "Nora", lastName: `Vomica${suffix}`, dateOfBirth: distinctBirthDate(), sex: "female" },
  });
  expect(patient.status(), await patient.text()).toBe(201);
  const patientId = (await patient.json()).id as string;
  const drugId = await drugByName(request, token, drug.generic, drug.form);
  const res = await request.post("/api/v1/prescriptions", {
    headers: bearer(token),
    data: {
      patientId,
      items: [
        {
          drugId,
          dose: "1 unit",
          route: "oral",
          frequency: "three times a day",
          durationDays: 4,
          quantity: drug.quantity,
        },
      ],
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const rx = await res.json();
  return {
    id: rx.id as string,
    rxPath: new URL(rx.verifyUrl as string).pathname,
    drugId,
    lastName: `Vomica${suffix}`,
    doctorToken: token,
  };
}

async function onHand(request: APIRequestContext, drugId: string) {
  const { token } = await apiToken(request, USERS.PHARMACIST);
  const res = await request.get(`/api/v1/drugs/${drugId}/stock`, { headers: bearer(token) });
  expect(res.status()).toBe(200);
  return (await res.json()) as { onHand: number; batches: { lot: string; quantity: number }[] };
}

test.describe("pharmacist", () => {
  test.use({ storageState: storageFor("PHARMACIST") });

  test("scans the QR link, opens the prescription for dispensing, dispenses part of it and sees the stock drop", async ({
    page,
    request,
  }) => {
    const rx = await prescribeOndansetron(request);
    const before = await onHand(request, rx.drugId);
    const lot = before.batches.find((b) => b.quantity > 0)!;

    await page.goto(rx.rxPath);
    await page.getByRole("link", { name: "Open for dispensing" }).click();
    await expect(page).toHaveURL(new RegExp(`/pharmacy/prescriptions/${rx.id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(rx.lastName);
    await expect(page.getByText("Active", { exact: true })).toBeVisible();

    await page.getByLabel("Dispense now: ondansetron 4 mg tablet").fill("5");
    await shot(page, "pharmacy-dispense");
    await page.getByRole("button", { name: "Dispense" }).click();
    await expect(page.getByText("Dispensed. Stock has been updated.")).toBeVisible();
    await expect(page.getByText("Partly dispensed", { exact: true })).toBeVisible();
    await expect(page.getByRole("cell", { name: new RegExp(lot.lot) })).toBeVisible();
    await expect(page.getByLabel("Dispense now: ondansetron 4 mg tablet")).toHaveValue("7");
    await shot(page, "pharmacy-dispensed");

    await page.goto(`/pharmacy/drugs/${rx.drugId}`);
    await expect(page.getByTestId(`batch-qty-${lot.lot}`)).toHaveText(String(lot.quantity - 5));
    await expect(page.getByText(String(before.onHand - 5), { exact: true }).first()).toBeVisible();
    await shot(page, "pharmacy-drug-stock");
  });

  test("dashboard lists the prescription waiting, low stock and expiring batches; asking for more than is on hand is refused", async ({
    page,
    request,
  }) => {
    const rx = await prescribeOndansetron(request);
    await page.goto("/pharmacy");
    await expect(page.getByRole("heading", { name: "Prescriptions waiting" })).toBeVisible();
    await page.getByLabel("Patient name or MRN").fill(rx.lastName);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("row", { name: new RegExp(rx.lastName) })).toHaveCount(1);
    await page.goto("/pharmacy");
    await expect(page.getByRole("heading", { name: /^Low stock/ })).toBeVisible();
    await expect(page.getByRole("link", { name: "salbutamol" })).toBeVisible();
    await expect(page.getByRole("heading", { name: /^Batches expiring within 60 days/ })).toBeVisible();
    await expect(page.getByRole("row", { name: /CET-2311.*Expired/ })).toBeVisible();
    await shot(page, "pharmacy-dashboard");

    await page
      .getByRole("row", { name: new RegExp(rx.lastName) })
      .getByRole("link")
      .click();
    await page.getByLabel("Dispense now: ondansetron 4 mg tablet").fill("13");
    await page.getByRole("button", { name: "Dispense" }).click();
    await expect(page.getByText("At most 12 remain to be dispensed")).toBeVisible();
  });

  test("not enough on hand is refused naming the drug with nothing dispensed; a revoked prescription cannot be dispensed", async ({
    page,
    request,
  }) => {
    const short = await prescribeOndansetron(request, { generic: "salbutamol", form: "inhaler", quantity: 40 });
    await page.goto(`/pharmacy/prescriptions/${short.id}`);
    await page.getByRole("button", { name: "Dispense" }).click();
    await expect(
      page.getByText("Not enough stock on hand for salbutamol 100 mcg/dose inhaler. Nothing was dispensed."),
    ).toBeVisible();
    await expect(page.getByText("Nothing dispensed yet.")).toBeVisible();
    await shot(page, "pharmacy-out-of-stock");

    const revoked = await prescribeOndansetron(request);
    const res = await request.post(`/api/v1/prescriptions/${revoked.id}/revoke`, {
      headers: bearer(revoked.doctorToken),
      data: { reason: "Wrong patient selected" },
    });
    expect(res.status(), await res.text()).toBe(200);
    await page.goto(`/pharmacy/prescriptions/${revoked.id}`);
    await expect(page.getByText("Revoked", { exact: true })).toBeVisible();
    await expect(page.getByText(/This prescription cannot be dispensed any more/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Dispense" })).toHaveCount(0);
    await shot(page, "pharmacy-revoked");
  });

  test("receives a batch and adjusts one on the drug's stock page; the catalogue finds drugs by brand", async ({
    page,
  }) => {
    await page.goto("/pharmacy/drugs");
    await page.getByLabel("Generic or brand name").fill("Zofran");
    await page.getByRole("button", { name: "Filter" }).click();
    await shot(page, "pharmacy-drugs");
    await page.getByRole("link", { name: "ondansetron" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "ondansetron 4 mg tablet" })).toBeVisible();
    const lot = `E2E-${Date.now().toString(36).toUpperCase()}`;
    await page.getByLabel("Lot").fill(lot);
    await page.getByLabel("Expires").fill("2099-12-31");
    await page.getByLabel("Quantity").fill("30");
    await page.getByRole("button", { name: "Receive" }).click();
    await expect(page.getByText("Batch received.")).toBeVisible();
    await expect(page.getByTestId(`batch-qty-${lot}`)).toHaveText("30");

    await page.getByLabel("Batch", { exact: true }).selectOption({ label: `${lot} · 31 Dec 2099 · 30` }); // the expiry as the app writes a day
    await page.getByLabel("Change in units").fill("-31");
    await page.getByLabel("Reason").fill("Count correction");
    await page.getByRole("button", { name: "Adjust" }).click();
    await expect(page.getByText("Stock cannot go below zero: this batch holds 30")).toBeVisible();
    await page.getByLabel("Change in units").fill("-2");
    await page.getByRole("button", { name: "Adjust" }).click();
    await expect(page.getByText("Batch adjusted.")).toBeVisible();
    await expect(page.getByTestId(`batch-qty-${lot}`)).toHaveText("28");
    await shot(page, "pharmacy-drug-page");
  });

  test("adds a drug to the catalogue", async ({ page }) => {
    await page.goto("/pharmacy/drugs/new");
    const name = `testmycin ${Date.now().toString(36)}`;
    await page.getByLabel("Generic name").fill(name);
    await page.getByLabel("Form").selectOption("tablet");
    await page.getByLabel("Strength").fill("250 mg");
    await page.getByLabel("Class").selectOption("macrolide");
    await shot(page, "pharmacy-drug-new");
    await page.getByRole("button", { name: "Add drug" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `${name} 250 mg tablet` })).toBeVisible();
  });
});

test.describe("others", () => {
  test.use({ storageState: storageFor("DOCTOR") });

  test("a doctor cannot open the dispensing desk, the API refuses a doctor's dispense, and the stock page is read-only", async ({
    page,
    request,
  }) => {
    const rx = await prescribeOndansetron(request);
    const res = await page.goto(`/pharmacy/prescriptions/${rx.id}`);
    expect(res?.status()).toBe(404);
    const { token } = await apiToken(request, USERS.DOCTOR);
    const api = await request.post(`/api/v1/prescriptions/${rx.id}/dispense`, { headers: bearer(token), data: {} });
    expect(api.status()).toBe(403);

    // A doctor may read the catalogue and stock, but not change them.
    await page.goto(`/pharmacy/drugs/${rx.drugId}`);
    await expect(page.getByRole("heading", { name: "Batches" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Receive" })).toHaveCount(0);
    await shot(page, "pharmacy-drug-doctor");
  });
});
