import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DateTime } from "luxon";
import {
  screenshot,
  USERS,
  apiToken,
  bearer,
  demoDoctorId,
  demoDrugId,
  demoPatientId,
  distinctBirthDate,
  startVisitNow,
  storageFor,
  walkTimeout,
} from "./fixtures";

// Issue 16's acceptance journeys on the clinicians' home pages: a doctor reviews an abnormal result
// (and corrects one by an amended result); a nurse records a full set of vitals scoring NEWS2 ≥ 5 for
// a patient on her ward and the attending doctor is notified at once.

const SHOTS = "/tmp/flags-shots";
async function shots(page: Page, name: string, { sideways = true } = {}) {
  for (const width of [1366, 768]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, { path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    if (!sideways) continue;
    const scrolls = await page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
    expect(scrolls, `${name} at ${width}px scrolls sideways`).toBe(false);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

/**
 * At a tablet's 768 px and a laptop's 1280 px, no card's table scrolls sideways inside its card (the
 * page-level check above misses that: the table's own box scrolls). Screenshots for review.
 */
async function cardsFit(page: Page, name: string) {
  for (const width of [768, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, { path: `${SHOTS}/${name}-cards-${width}.png`, fullPage: true });
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll("main section, main section .overflow-x-auto")]
        .filter((el) => el.scrollWidth > el.clientWidth)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()} "${(el.querySelector("h2")?.textContent ?? el.textContent ?? "").slice(0, 40)}": ${el.scrollWidth} > ${el.clientWidth}`,
        ),
    );
    expect(overflowing, `${name} at ${width}px: cards scrolling sideways`).toEqual([]);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

const tag = () => Date.now().toString(36);

async function newPatient(request: APIRequestContext, token: string, lastName: string) {
  const res = await request.post("/api/v1/patients", {
    headers: bearer(token),
    data: { firstName: "Worklist", lastName, dateOfBirth: "1960-04-12", sex: "female" },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).id as string;
}

test.describe("doctor's home page", () => {
  test.use({ storageState: storageFor("DOCTOR") });

  test("reviews an abnormal result from the home page, then corrects one by an amended result", async ({
    page,
    request,
  }) => {
    test.setTimeout(walkTimeout(8));
    const doctor = await apiToken(request, USERS.DOCTOR);
    const nurse = await apiToken(request, USERS.NURSE);
    const lastName = `Review${tag()}`;
    const patientId = await newPatient(request, doctor.token, lastName);
    const list = (await (await request.get("/api/v1/lab-tests", { headers: bearer(doctor.token) })).json()).items as {
      id: string;
      code: string;
    }[];
    const byCode = (code: string) => list.find((t) => t.code === code)!.id;
    const order = await request.post("/api/v1/lab-orders", {
      headers: bearer(doctor.token),
      data: { patientId, testIds: [byCode("K"), byCode("WBC")] },
    });
    expect(order.status(), await order.text()).toBe(201);
    const orders = (await order.json()).items as { id: string; testId: string }[];
    const kOrder = orders.find((o) => o.testId === byCode("K"))!.id;
    const wbcOrder = orders.find((o) => o.testId === byCode("WBC"))!.id;
    // A white cell count of −3 is refused on its field; 25 is high.
    const refused = await request.post(`/api/v1/lab-orders/${wbcOrder}/results`, {
      headers: bearer(nurse.token),
      data: { value: -3 },
    });
    expect(refused.status()).toBe(400);
    expect((await refused.json()).error.fields.value).toContain("Not a possible result");
    for (const [id, value] of [
      [kOrder, 6.4],
      [wbcOrder, 25],
    ] as const) {
      const r = await request.post(`/api/v1/lab-orders/${id}/results`, {
        headers: bearer(nurse.token),
        data: { value },
      });
      expect(r.status(), await r.text()).toBe(201);
    }

    await page.goto("/dashboard");
    const card = page
      .locator("section")
      .filter({ has: page.getByRole("heading", { name: /Abnormal results awaiting review/ }) });
    const potassium = card.locator("li").filter({ hasText: lastName }).filter({ hasText: "Potassium" });
    await expect(potassium).toContainText("6.4 mmol/L");
    await expect(potassium).toContainText("High");
    await expect(potassium.locator('[data-flag="HIGH"]')).toBeVisible();
    await shots(page, "doctor-dashboard");
    await potassium.getByRole("button", { name: /Mark reviewed/ }).click();
    await expect(potassium).toHaveCount(0);
    await expect(
      card.locator("li").filter({ hasText: lastName }).filter({ hasText: "White blood cell count" }),
    ).toBeVisible();
    const waiting = await (
      await request.get("/api/v1/lab-results/awaiting-review", { headers: bearer(doctor.token) })
    ).json();
    expect(waiting.items.map((r: { patient: { id: string }; test: string }) => `${r.patient.id} ${r.test}`)).toEqual(
      expect.not.arrayContaining([`${patientId} Potassium`]),
    );

    // The chart: the reviewed result says by whom; the white cell count is corrected, the original kept.
    await page.goto(`/patients/${patientId}/results`);
    await expect(page.locator('tr[data-lab-extra="K"]')).toContainText("Reviewed by Dr");
    const wbcRow = page.locator('tr[data-lab-extra="WBC"]');
    await wbcRow.locator("summary", { hasText: "Correct this result" }).click();
    await wbcRow.getByLabel("Value").fill("-3");
    await wbcRow.getByLabel("Reason for the correction").fill("Transcription error: 2.5 read as 25");
    await wbcRow.getByRole("button", { name: "Save the amended result" }).click();
    await expect(wbcRow.getByText(/Not a possible result/)).toBeVisible();
    await wbcRow.getByLabel("Value").fill("2.5");
    await wbcRow.getByRole("button", { name: "Save the amended result" }).click();
    const amended = page.locator("tr[data-abnormal]").filter({ hasText: "White blood cell count" });
    await expect(amended).toContainText("Amended");
    await expect(amended).toContainText("2.5 10^9/L");
    await expect(amended.locator('[data-flag="LOW"]')).toBeVisible();
    await expect(wbcRow).toContainText("was 25 10^9/L");
    await expect(wbcRow).toContainText("Transcription error: 2.5 read as 25");
    // The chart's layout (and its width at 768 px) belongs to the chart's own pages; looked at here.
    await shots(page, "chart-labs-amended", { sideways: false });
  });
});

test.describe("nurse's home page", () => {
  test.use({ storageState: storageFor("NURSE") });

  test("records a full set of vitals scoring NEWS2 5 from her ward list; the attending doctor is notified", async ({
    page,
    browser,
    request,
  }) => {
    test.setTimeout(walkTimeout(8));
    const doctor = await apiToken(request, USERS.DOCTOR);
    const records = await apiToken(request, USERS.RECORDS_OFFICER);
    const lastName = `Ward${tag()}`;
    const patientId = await newPatient(request, records.token, lastName);
    // A free bed on General Medicine, the demo nurse's department's ward.
    const beds = await (
      await request.get(`/api/v1/beds?state=FREE&q=${encodeURIComponent("General Medicine")}&pageSize=50`, {
        headers: bearer(records.token),
      })
    ).json();
    const free = beds.items as { id: string }[];
    expect(free.length).toBeGreaterThan(0);
    const admit = await request.post("/api/v1/admissions", {
      headers: bearer(records.token),
      data: {
        patientId,
        bedId: free[free.length - 1].id,
        attendingDoctorId: doctor.userId,
        reason: "Fever and breathlessness",
      },
    });
    expect(admit.status(), await admit.text()).toBe(201);

    await page.goto("/dashboard");
    const row = page.locator(`tr[data-ward-patient="${patientId}"]`);
    await expect(row).toContainText("Never recorded");
    await expect(row).toContainText("Now (overdue)");
    await row.getByRole("link", { name: `Record vitals: Worklist ${lastName}`, exact: true }).click();

    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Save vitals" }) });
    // RR 22 (2), SpO₂ 97 (0), air (0), systolic 125 (0), pulse 115 (2), alert (0), 38.5 °C (1): 5, medium.
    await form.getByLabel("BP systolic (mmHg)").fill("125");
    await form.getByLabel("BP diastolic (mmHg)").fill("80");
    await form.getByLabel("Pulse (/min)").fill("115");
    await form.getByLabel("Temperature (°C)").fill("38.5");
    await form.getByLabel("SpO₂ (%)").fill("97");
    await form.getByLabel("Respiratory rate (/min)").fill("22");
    await form.getByLabel("Consciousness (ACVPU)").selectOption("A");
    await form.getByLabel("On supplemental oxygen").selectOption("no");
    await form.getByRole("button", { name: "Save vitals" }).click();
    await expect(form.getByText("Vitals recorded.")).toBeVisible();
    await expect(page.getByText("NEWS2 5 · medium").first()).toBeVisible();
    // Flagged in colour and words: pulse, respiration and temperature are high.
    await expect(page.locator('[data-flag="HIGH"]').first()).toBeVisible();
    await shots(page, "chart-vitals-flagged", { sideways: false });

    await page.goto("/dashboard");
    await expect(row.locator('[data-news2="5"]')).toBeVisible();
    await expect(row).toHaveAttribute("data-due", "due");
    await expect(row).toContainText("Pulse");
    await shots(page, "nurse-dashboard");
    // Bug: at 768 px the ward table scrolled sideways inside its card.
    await cardsFit(page, "nurse-dashboard");

    const doctorContext = await browser.newContext({ storageState: storageFor("DOCTOR") });
    const doc = await doctorContext.newPage();
    await doc.goto("/notifications");
    await expect(doc.getByText("NEWS2 5 (medium)").first()).toBeVisible();
    await expect(
      doc.getByText(new RegExp(`Worklist ${lastName} \\(.*\\): new observations call for an urgent clinical review`)),
    ).toBeVisible();
    await doc.goto("/dashboard");
    const inpatient = doc.locator(`li[data-inpatient="${patientId}"]`);
    await expect(inpatient.locator('[data-news2="5"]')).toBeVisible();
    await doctorContext.close();
  });
});

test.describe("pharmacist's home page", () => {
  test.use({ storageState: storageFor("PHARMACIST") });

  test("the dispensing queue fits its card at 768 and 1280 px (secondary columns stacked on a tablet)", async ({
    page,
    request,
  }) => {
    // Bug: at 768 px the queue's six columns scrolled sideways inside the card.
    const records = await apiToken(request, USERS.RECORDS_OFFICER);
    const doctor = await apiToken(request, USERS.DOCTOR);
    const patientId = await newPatient(request, records.token, `Queue${tag()}`);
    const rx = await request.post("/api/v1/prescriptions", {
      headers: bearer(doctor.token),
      data: {
        patientId,
        items: [
          {
            drugId: await demoDrugId(request),
            dose: "500 mg",
            route: "oral",
            frequency: "three times a day",
            durationDays: 5,
          },
        ],
      },
    });
    expect(rx.status(), await rx.text()).toBe(201);
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { name: /^Dispensing queue/ })).toBeVisible();
    await expect(page.locator("main table").first().locator("tbody tr").first()).toBeVisible();
    await cardsFit(page, "pharmacist-dashboard");
    // On a tablet the prescriber and the validity are still there, stacked.
    await page.setViewportSize({ width: 768, height: 900 });
    await expect(
      page
        .locator("main table")
        .first()
        .locator("tbody tr")
        .first()
        .getByText(/^Prescriber: /),
    ).toBeVisible();
    await page.setViewportSize({ width: 1366, height: 900 });
  });
});

test.describe("patient's home page", () => {
  test.use({ storageState: storageFor("PATIENT") });

  test("lists a walk-in's signed consultation under Past visits, and the latest results, prescriptions and bills", async ({
    page,
    request,
  }) => {
    test.setTimeout(walkTimeout(8));
    const doctor = await apiToken(request, USERS.DOCTOR);
    const nurse = await apiToken(request, USERS.NURSE);
    const records = await apiToken(request, USERS.RECORDS_OFFICER);
    const patientId = await demoPatientId(request);
    const assessment = `Walk-in ${tag()}: ankle sprain, no fracture on examination.`;
    // A walk-in (no appointment): a consultation, signed; and a draft the patient must not see.
    const c = await request.post("/api/v1/consultations", {
      headers: bearer(doctor.token),
      data: { patientId, assessment, diagnoses: [{ code: "S93.401A", description: "Sprain of ankle" }] },
    });
    expect(c.status(), await c.text()).toBe(201);
    const consultationId = (await c.json()).id as string;
    const signed = await request.post(`/api/v1/consultations/${consultationId}/sign`, {
      headers: bearer(doctor.token),
    });
    expect(signed.status(), await signed.text()).toBe(200);
    const draftText = `Draft ${tag()} not for the patient`;
    const draft = await request.post("/api/v1/consultations", {
      headers: bearer(doctor.token),
      data: { patientId, assessment: draftText },
    });
    expect(draft.status(), await draft.text()).toBe(201);
    // A potassium of 6.4 (high).
    const tests = (await (await request.get("/api/v1/lab-tests", { headers: bearer(doctor.token) })).json()).items as {
      id: string;
      code: string;
    }[];
    const order = await request.post("/api/v1/lab-orders", {
      headers: bearer(doctor.token),
      data: { patientId, testIds: [tests.find((t) => t.code === "K")!.id] },
    });
    expect(order.status(), await order.text()).toBe(201);
    const result = await request.post(`/api/v1/lab-orders/${(await order.json()).items[0].id}/results`, {
      headers: bearer(nurse.token),
      data: { value: 6.4 },
    });
    expect(result.status(), await result.text()).toBe(201);
    const rx = await request.post("/api/v1/prescriptions", {
      headers: bearer(doctor.token),
      data: {
        patientId,
        consultationId,
        items: [
          {
            drugId: await demoDrugId(request),
            dose: "500 mg",
            route: "oral",
            frequency: "three times a day",
            durationDays: 5,
          },
        ],
        // Other specs prescribe the same drug to this demo patient; the safety check is not this test's subject.
        overrideReason: "Repeat course, reviewed",
      },
    });
    expect(rx.status(), await rx.text()).toBe(201);
    const invoice = await request.post("/api/v1/invoices", {
      headers: bearer(records.token),
      data: { patientId, lines: [{ description: "Ankle strapping", quantity: 1, unitAmount: 3250 }] },
    });
    expect(invoice.status(), await invoice.text()).toBe(201);
    const { number } = (await invoice.json()) as { number: string };

    await page.goto("/dashboard");
    const past = page.getByRole("list", { name: "Past visits" });
    const visit = past.locator(`li[data-past-visit="${consultationId}"]`);
    await expect(visit).toContainText(assessment);
    await expect(visit).toContainText("Sprain of ankle");
    await expect(visit).toContainText("Visit without appointment");
    await expect(visit).toContainText("Dr. Grace Okafor");
    await expect(page.getByText(draftText)).toHaveCount(0);
    const results = page.getByRole("list", { name: "Recent results" });
    const potassium = results.locator('li[data-result="K"]').filter({ hasText: "6.4 mmol/L" }).first();
    await expect(potassium).toContainText("High");
    await expect(potassium).toHaveAttribute("data-abnormal", "true");
    await expect(
      page
        .locator("section")
        .filter({ has: page.getByRole("heading", { name: "Prescriptions" }) })
        .getByRole("link", { name: /amoxicillin 500 mg/ })
        .first(),
    ).toBeVisible();
    const bill = page.getByRole("list", { name: "Bills" }).locator(`li[data-bill="${number}"]`);
    await expect(bill).toContainText("Open");
    await expect(bill).toContainText("Balance due: $32.50");
    await shots(page, "patient-dashboard");
    await cardsFit(page, "patient-dashboard");

    // The note opens for the patient.
    await visit.getByRole("link", { name: "Visit note" }).click();
    await expect(page).toHaveURL(new RegExp(`/consultations/${consultationId}$`));
    await expect(page.getByText(assessment)).toBeVisible();
  });
});

test.describe("records officer's home page", () => {
  test.use({ storageState: storageFor("RECORDS_OFFICER") });

  test("checks in today's arrival from the home page", async ({ page, request }) => {
    test.setTimeout(walkTimeout(6));
    const records = bearer((await apiToken(request, USERS.RECORDS_OFFICER)).token);
    const lastName = `Desk${tag()}`;
    const created = await request.post("/api/v1/patients", {
      headers: records,
      data: { firstName: "Arrival", lastName, dateOfBirth: distinctBirthDate(), sex: "male" },
    });
    expect(created.status(), await created.text()).toBe(201);
    const booked = await request.post("/api/v1/appointments", {
      headers: records,
      data: {
        patientId: (await created.json()).id,
        doctorId: await demoDoctorId(request),
        startsAt: `${DateTime.utc().plus({ days: 9 }).toISODate()}T11:30:00Z`,
      },
    });
    expect(booked.status(), await booked.text()).toBe(201);
    const id = (await booked.json()).id as string;
    await startVisitNow(id);

    // Today's arrivals are paged (ten a page, by time): find the visit's page.
    const row = page.locator(`tr[data-arrival="${id}"]`);
    for (let p = 1; p <= 20; p++) {
      await page.goto(`/dashboard?arrivals=${p}`);
      await expect(page.getByRole("heading", { name: "Today's arrivals and check-ins" })).toBeVisible();
      if (await row.count()) break;
    }
    await expect(row).toContainText("Booked");
    await shots(page, "records-dashboard");
    await row.getByRole("button", { name: `Check in: Arrival ${lastName}`, exact: true }).click();
    await expect(row).toContainText("Checked in");
    await expect(row.getByRole("button")).toHaveCount(0);
    const after = await (await request.get(`/api/v1/appointments/${id}`, { headers: records })).json();
    expect(after.status).toBe("CHECKED_IN");
  });
});
