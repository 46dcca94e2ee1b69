import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { screenshot, USERS, apiToken, bearer, storageFor, walkTimeout } from "./fixtures";

// Issue 16: a prescription signed despite a safety override reaches the pharmacist. The queue on
// the pharmacist's home page marks it; the dispensing page shows every finding and the prescriber's
// reason; dispensing is refused (page and API) until the pharmacist acknowledges it.

const SHOTS = "/tmp/overrides-shots";
mkdirSync(SHOTS, { recursive: true });

/** The page at 1366 px and at 768 px (a tablet), full length. */
async function shots(page: Page, name: string) {
  for (const width of [1366, 768]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, { path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

/** A new patient allergic to penicillin, prescribed amoxicillin anyway by the demo doctor, with a reason. */
async function overriddenPrescription(request: APIRequestContext) {
  const { token } = await apiToken(request, USERS.DOCTOR);
  const lastName = `Override${Date.now().toString(36)}`;
  const patient = await request.post("/api/v1/patients", {
    headers: bearer(token),
    data: {
      firstName: "Iris",
      lastName,
      dateOfBirth: "1975-03-08",
      sex: "female",
      allergies: [{ substance: "Penicillin", severity: "severe", reaction: "rash" }],
    },
  });
  expect(patient.status(), await patient.text()).toBe(201);
  const drugs = await (await request.get("/api/v1/drugs?q=amoxicillin", { headers: bearer(token) })).json();
  const drugId = (drugs.items as { id: string; genericName: string; form: string }[]).find(
    (d) => d.genericName === "amoxicillin" && d.form === "capsule",
  )!.id;
  const reason = "Took amoxicillin in 2024 under observation without reaction";
  const res = await request.post("/api/v1/prescriptions", {
    headers: bearer(token),
    data: {
      patientId: (await patient.json()).id,
      overrideReason: reason,
      items: [{ drugId, dose: "500 mg", route: "oral", frequency: "three times a day", durationDays: 5, quantity: 15 }],
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const rx = await res.json();
  expect(rx.findings).toEqual([expect.objectContaining({ kind: "ALLERGY_CLASS", key: "allergyClass" })]);
  return { id: rx.id as string, lastName, reason };
}

test.describe("pharmacist and a safety override", () => {
  test.use({ storageState: storageFor("PHARMACIST") });

  test("the queue marks the override; the pharmacist must acknowledge it before dispensing", async ({
    page,
    request,
  }) => {
    test.setTimeout(walkTimeout(8));
    const rx = await overriddenPrescription(request);

    // Home page: the dispensing queue, oldest first, so the new prescription is on the last page.
    await page.goto("/dashboard");
    const heading = page.getByRole("heading", { name: /^Dispensing queue \(\d+\)$/ });
    await expect(heading).toBeVisible();
    const total = Number((await heading.textContent())!.match(/\((\d+)\)/)![1]);
    await page.goto(`/dashboard?pageSize=50&page=${Math.max(1, Math.ceil(total / 50))}`);
    const row = page.getByRole("row", { name: new RegExp(rx.lastName) });
    await expect(row).toBeVisible();
    await expect(row.getByText("⚠ Override")).toBeVisible();
    await expect(page.getByRole("heading", { name: /^Low stock/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: /^Batches expiring within 60 days/ })).toBeVisible();
    await row.scrollIntoViewIfNeeded();
    await shots(page, "dashboard");

    // The dispensing page: every finding and the reason, and no way to dispense yet.
    await row.getByRole("link").first().click();
    await expect(page).toHaveURL(new RegExp(`/pharmacy/prescriptions/${rx.id}$`));
    const panel = page.getByRole("region", { name: /Prescribed despite safety findings/ });
    await expect(panel).toBeVisible();
    await expect(
      panel.getByText(
        "amoxicillin is a penicillin: recorded allergy to Penicillin (severe), which covers the penicillin class.",
      ),
    ).toBeVisible();
    await expect(panel.getByText(rx.reason)).toBeVisible();
    await expect(page.getByText("Acknowledge the safety override above before dispensing.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Dispense", exact: true })).toHaveCount(0);
    await shots(page, "dispensing-override");

    // The REST door is shut too, with a code a program can act on.
    const { token } = await apiToken(request, USERS.PHARMACIST);
    const refused = await request.post(`/api/v1/prescriptions/${rx.id}/dispense`, { headers: bearer(token) });
    expect(refused.status()).toBe(409);
    expect((await refused.json()).error.code).toBe("OVERRIDE_NOT_ACKNOWLEDGED");
    // The API gives each finding in the caller's language (the demo pharmacist's is English), with its key and values.
    const detail = await (await request.get(`/api/v1/prescriptions/${rx.id}`, { headers: bearer(token) })).json();
    expect(detail.findings).toEqual([
      expect.objectContaining({
        key: "allergyClass",
        params: expect.objectContaining({ cls: "penicillin", allergySeverity: "severe" }),
        message:
          "amoxicillin is a penicillin: recorded allergy to Penicillin (severe), which covers the penicillin class.",
      }),
    ]);
    expect(detail.overrideAcknowledgement).toBeNull();

    // Acknowledge, then dispense.
    await panel.getByRole("button", { name: "I have read the findings and the reason" }).click();
    await expect(panel.getByText(/^Acknowledged by Paul Pharmacist, /)).toBeVisible();
    await shots(page, "dispensing-acknowledged");
    await page.getByRole("button", { name: "Dispense", exact: true }).click();
    await expect(page.getByText("Everything on this prescription has been dispensed.").first()).toBeVisible();

    // The prescription page says who acknowledged it.
    await page.goto(`/prescriptions/${rx.id}`);
    await expect(page.getByText("Pharmacist acknowledgement:")).toBeVisible();
    await expect(page.getByText(rx.reason)).toBeVisible();
    await shots(page, "prescription-acknowledged");
  });
});
