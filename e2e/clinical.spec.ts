import { expect, test, type APIRequestContext } from "@playwright/test";
import { DateTime } from "luxon";
import { screenshot, USERS, apiToken, bearer, demoDoctorId, startVisitNow, storageFor, walkTimeout } from "./fixtures";

// Issue 5's clinical record through the real UI: a doctor writes, codes and signs a consultation; a
// nurse records vitals twice and sees the trend; the API refuses implausible vitals field by field.

const shot = (page: import("@playwright/test").Page, name: string) =>
  screenshot(page, { path: `.test-artifacts/screens/${name}.png`, fullPage: true });

async function demoPatient(request: APIRequestContext, q: string): Promise<string> {
  const { token } = await apiToken(request, USERS.DOCTOR);
  const res = await request.get(`/api/v1/patients?q=${encodeURIComponent(q)}`, { headers: bearer(token) });
  expect(res.status()).toBe(200);
  return (await res.json()).items[0].id as string;
}

test.describe("doctor", () => {
  test.use({ storageState: storageFor("DOCTOR") });

  test("writes a consultation with a diagnosis picked from the ICD-10 search, and signs it", async ({
    page,
    request,
  }) => {
    const patientId = await demoPatient(request, "Kowalski");
    await page.goto(`/patients/${patientId}`);
    await page
      .getByRole("navigation", { name: "Chart sections" })
      .getByRole("link", { name: "Visits & notes" })
      .click();
    await expect(page).toHaveURL(new RegExp(`/patients/${patientId}/visits$`));
    await page.getByRole("link", { name: "New consultation" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^New consultation: / })).toBeVisible();
    await page.getByLabel("History of present illness").fill("Fever and chills for 3 days after travel.");
    await page.getByLabel("Examination").fill("T 39.1 °C, mild splenomegaly.");
    await page.getByLabel("Assessment").fill("Uncomplicated falciparum malaria.");
    await page.getByLabel("Plan").fill("Artemether-lumefantrine, review in 3 days.");
    await page.getByRole("combobox", { name: "Search ICD-10-CM diagnoses (code or words)" }).fill("falciparum");
    await page.getByRole("option", { name: "B50.9 Plasmodium falciparum malaria, unspecified" }).click();
    await expect(page.getByRole("list", { name: "Diagnoses" })).toContainText("B50.9");
    await shot(page, "consultation-new");
    await page.getByRole("button", { name: "Save consultation" }).click();

    await expect(page).toHaveURL(/\/consultations\/[^/?]+\?saved=1$/);
    await expect(page.getByText("The consultation was saved.")).toBeVisible();
    await expect(page.getByText("Draft", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Sign consultation" }).click();
    await expect(page.getByText("The consultation is signed.")).toBeVisible();
    await expect(page.getByText("Signed", { exact: true })).toBeVisible();
    await expect(page.getByText(/^Signed by Dr\. /)).toBeVisible();
    await shot(page, "consultation-signed");

    await page.getByRole("link", { name: /Back to the chart/ }).click();
    // The summary lists the latest consultations; the timeline is on Visits & notes.
    await expect(page.getByText("Plasmodium falciparum malaria, unspecified").first()).toBeVisible();
    await page
      .getByRole("navigation", { name: "Chart sections" })
      .getByRole("link", { name: "Visits & notes" })
      .click();
    await expect(page.locator('[data-kind="consultation"]').first()).toContainText("B50.9");
    await shot(page, "chart-doctor");
  });
});

test.describe("doctor, from a visit", () => {
  test.use({ storageState: storageFor("DOCTOR") });

  test("writes the consultation of a checked-in visit, edits it and sees the earlier version", async ({
    page,
    request,
  }) => {
    // A visit three days ahead (away from the other specs' slots), booked by the patient and checked in.
    const startsAt = `${DateTime.utc().plus({ days: 3 }).toISODate()}T14:30:00Z`;
    const patient = await apiToken(request, USERS.PATIENT);
    const booked = await request.post("/api/v1/appointments", {
      headers: bearer(patient.token),
      data: { doctorId: await demoDoctorId(request), startsAt, reason: "Blood pressure review" },
    });
    expect(booked.status(), await booked.text()).toBe(201);
    const appointmentId = (await booked.json()).id as string;
    const { token } = await apiToken(request, USERS.DOCTOR);
    await startVisitNow(appointmentId); // checked in on its day only
    expect(
      (
        await request.patch(`/api/v1/appointments/${appointmentId}`, {
          headers: bearer(token),
          data: { status: "CHECKED_IN" },
        })
      ).status(),
    ).toBe(200);

    await page.goto(`/appointments/${appointmentId}`);
    await page.getByRole("link", { name: "Write consultation" }).click();
    await expect(page.getByText("From the appointment")).toBeVisible();
    await page.getByLabel("Assessment").fill("Blood pressure at target.");
    await page.getByRole("button", { name: "Save consultation" }).click();
    await expect(page.getByText("The consultation was saved.")).toBeVisible();

    await page.getByRole("link", { name: "Edit consultation" }).click();
    await page.getByLabel("Assessment").fill("Blood pressure at target; continue amlodipine.");
    await page.getByRole("button", { name: "Save consultation" }).click();
    await expect(page.getByText("Blood pressure at target; continue amlodipine.")).toBeVisible();
    await expect(page.getByText(/^Version 1: Dr\. Grace Okafor, /)).toBeVisible();
    await page.getByText(/^Version 1: /).click();
    await expect(page.getByText("Blood pressure at target.", { exact: true })).toBeVisible();
    await shot(page, "consultation-versions");

    // One consultation per visit: the appointment now links to it.
    await page.goto(`/appointments/${appointmentId}`);
    await expect(page.getByRole("link", { name: "Open consultation" })).toBeVisible();
    await page.goto("/consultations/new");
    await expect(page.getByRole("heading", { level: 1, name: "New consultation" })).toBeVisible();
    await shot(page, "consultations-awaiting");
  });
});

test.describe("nurse", () => {
  test.use({ storageState: storageFor("NURSE") });

  test("records vitals twice and sees the trend plot on the chart", async ({ page, request }) => {
    // Two saves, a correction and six small trend charts drawn: more than 30 s on a loaded machine.
    test.setTimeout(walkTimeout(4));
    const patientId = await demoPatient(request, "Mensah");
    await page.goto(`/patients/${patientId}/vitals`);
    // The form opens on demand, above the vitals it adds to.
    await page.locator("summary", { hasText: "Record vitals" }).click();
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Save vitals" }) });

    await form.getByLabel("BP systolic (mmHg)").fill("120");
    await form.getByLabel("BP diastolic (mmHg)").fill("130");
    await form.getByLabel("Temperature (°C)").fill("50");
    await form.getByRole("button", { name: "Save vitals" }).click();
    await expect(form.getByText("Diastolic must be lower than systolic")).toBeVisible();
    await expect(form.getByText("Temperature must be between 25 and 45 °C")).toBeVisible();

    for (const [sys, dia, pulse, temp] of [
      ["142", "91", "88", "37.9"],
      ["131", "84", "76", "37.1"],
    ]) {
      await form.getByLabel("BP systolic (mmHg)").fill(sys);
      await form.getByLabel("BP diastolic (mmHg)").fill(dia);
      await form.getByLabel("Pulse (/min)").fill(pulse);
      await form.getByLabel("Temperature (°C)").fill(temp);
      await form.getByLabel("SpO₂ (%)").fill("97");
      await form.getByLabel("Weight (kg)").fill("70");
      await form.getByLabel("Height (cm)").fill("175");
      // With respiration, ACVPU and air/oxygen the set is complete: NEWS2 is scored.
      await form.getByLabel("Respiratory rate (/min)").fill("16");
      await form.getByLabel("Consciousness (ACVPU)").selectOption("A");
      await form.getByLabel("On supplemental oxygen").selectOption("no");
      await form.getByRole("button", { name: "Save vitals" }).click();
      await expect(form.getByText("Vitals recorded.")).toBeVisible();
      await expect(page.getByText(`${sys}/${dia} mmHg`)).toBeVisible();
    }
    await expect(page.getByText("NEWS2 0 · low").first()).toBeVisible();
    await expect(page.getByRole("figure", { name: "Vital signs over time" })).toBeVisible();
    // One small chart per vital (and NEWS2), each with its normal band shaded.
    await expect(page.locator('[data-testid="vitals-trend"] .recharts-line')).toHaveCount(6);
    await expect(page.locator('[data-testid="vitals-trend"] .recharts-reference-area')).toHaveCount(6);
    await expect(page.getByText("22.9").first()).toBeVisible();
    await shot(page, "chart-nurse-vitals");

    // The author corrects the latest reading within its window (the table lists it first).
    await page.getByText("Show the latest readings as a table").click();
    const latest = page.locator("tr[data-vital-extra]").first();
    await latest.locator("summary", { hasText: "Correct this reading" }).click();
    await latest.getByLabel("Pulse (/min)").fill("74");
    await latest.getByRole("button", { name: "Save correction" }).click();
    // The latest-reading tiles (the pulse trend repeats the latest value in its heading).
    await expect(page.locator("dl").getByText("74 /min")).toBeVisible();
    await shot(page, "chart-vitals-corrected");
  });
});

test.describe("nurse notes", () => {
  test.use({ storageState: storageFor("NURSE") });

  test("a nurse writes and corrects a note; a doctor adds an addendum to it", async ({ page, browser, request }) => {
    const patientId = await demoPatient(request, "Nguyen");
    await page.goto(`/patients/${patientId}/visits`);
    await page.locator("summary", { hasText: "Add a nurse note" }).click();
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Save note" }) });
    await form.getByLabel("Shift").selectOption("NIGHT");
    await form.getByLabel("Category").selectOption("MEDICATION");
    await form.getByLabel("Note").fill("Paracetamol 1 g given at 02:00.");
    await form.getByRole("button", { name: "Save note" }).click();
    await expect(form.getByText("Note saved.")).toBeVisible();
    const note = page.locator("li[data-note]").filter({ hasText: "Paracetamol 1 g given at 02:00." });
    await expect(note).toContainText("Night · Medication · Nina Nurse");

    await note.locator("summary", { hasText: "Correct this note" }).click();
    await note.getByLabel("Note").fill("Paracetamol 1 g given at 02:30.");
    await note.getByRole("button", { name: "Save correction" }).click();
    await expect(page.locator("li[data-note]").filter({ hasText: "Paracetamol 1 g given at 02:30." })).toBeVisible();

    const doctor = await (await browser.newContext({ storageState: storageFor("DOCTOR") })).newPage();
    await doctor.goto(`/patients/${patientId}/visits`);
    const seen = doctor.locator("li[data-note]").filter({ hasText: "Paracetamol 1 g given at 02:30." });
    await expect(seen.getByText("Correct this note")).toHaveCount(0);
    await seen.locator("summary", { hasText: "Add an addendum" }).click();
    await seen.getByLabel("Add an addendum").fill("Pain score 2/10 at 04:00.");
    await seen.getByRole("button", { name: "Add addendum" }).click();
    await expect(seen).toContainText("Pain score 2/10 at 04:00.");
    await expect(seen).toContainText("Dr. Grace Okafor");
    await shot(doctor, "chart-note-addendum");
    await doctor.context().close();
  });
});

test.describe("lab", () => {
  test.use({ storageState: storageFor("DOCTOR") });

  test("a doctor orders potassium, a nurse enters a high result on the worklist, the chart highlights it", async ({
    page,
    browser,
    request,
  }) => {
    const patientId = await demoPatient(request, "Dubois");
    await page.goto(`/patients/${patientId}/results`);
    await page.locator("summary", { hasText: "Order lab tests" }).click();
    await page.getByRole("checkbox", { name: "Potassium" }).check();
    await page.getByRole("button", { name: "Order", exact: true }).click();
    await expect(page.getByText("Tests ordered.")).toBeVisible();
    await expect(page.getByRole("row", { name: /Potassium\s+Pending/ })).toBeVisible();

    const nurse = await browser.newContext({ storageState: storageFor("NURSE") });
    const worklist = await nurse.newPage();
    await worklist.goto("/lab");
    await expect(worklist.getByRole("heading", { level: 1, name: "Lab worklist" })).toBeVisible();
    const value = worklist.getByLabel("Value: Potassium (mmol/L)").first();
    await value.fill("6.4");
    await screenshot(worklist, { path: ".test-artifacts/screens/lab-worklist.png", fullPage: true });
    await value.locator("xpath=ancestor::form").getByRole("button", { name: "Save result" }).click();
    await expect(worklist.getByLabel("Value: Potassium (mmol/L)")).toHaveCount(0);
    await nurse.close();

    await page.reload();
    const row = page.locator('tr[data-abnormal="true"]').filter({ hasText: "Potassium" });
    await expect(row).toContainText("6.4 mmol/L");
    await expect(row).toContainText("3.5–5.1");
    await expect(row).toContainText("High");
    await shot(page, "chart-lab");
    await page.goto(`/patients/${patientId}/visits`);
    await expect(page.locator('[data-kind="lab_result"]').first()).toContainText("Potassium: 6.4 mmol/L");
  });
});

test.describe("patient", () => {
  test.use({ storageState: storageFor("PATIENT") });

  test("reads their own health record: signed consultations, vitals and lab results", async ({ page }) => {
    await page.goto("/me/health");
    await expect(page.getByRole("heading", { level: 1, name: "Patient, Sam" })).toBeVisible();
    await expect(page.getByText("Essential (primary) hypertension")).toBeVisible();
    await expect(page.locator('tr[data-abnormal="true"]').filter({ hasText: "Cholesterol, total" })).toContainText(
      "High",
    );
    await expect(page.getByRole("figure", { name: "Vital signs over time" })).toBeVisible();
    await shot(page, "my-health");
  });
});

test.describe("API", () => {
  test("refuses implausible vitals with field messages and writes nothing", async ({ request }) => {
    const patientId = await demoPatient(request, "Haddad");
    const { token } = await apiToken(request, USERS.NURSE);
    const before = (
      await (await request.get(`/api/v1/patients/${patientId}/vitals`, { headers: bearer(token) })).json()
    ).total;
    const res = await request.post(`/api/v1/patients/${patientId}/vitals`, {
      headers: bearer(token),
      data: { systolic: 90, diastolic: 95, spo2: 120 },
    });
    expect(res.status()).toBe(400);
    expect((await res.json()).error).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { diastolic: "Diastolic must be lower than systolic", spo2: "SpO₂ must be between 40 and 100 %" },
    });
    expect(
      (await (await request.get(`/api/v1/patients/${patientId}/vitals`, { headers: bearer(token) })).json()).total,
    ).toBe(before);
  });
});
