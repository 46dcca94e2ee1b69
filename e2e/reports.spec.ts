import { expect, test } from "@playwright/test";
import { DateTime } from "luxon";
import { screenshot, USERS, apiToken, bearer, startVisitNow, storageFor } from "./fixtures";

// Issue 7's reports through the real UI: an admin reads revenue per doctor (a visit billed and paid
// through the billing API just before) and downloads it as CSV; the public-health aggregates never
// show a count below 5, and cover fixed, completed periods only.

const shot = (page: import("@playwright/test").Page, name: string) =>
  screenshot(page, { path: `.test-artifacts/screens/${name}.png`, fullPage: true });

test.use({ storageState: storageFor("ADMIN") });

test("an admin reads revenue per doctor, opens the visits and exports CSV", async ({ page, request }) => {
  const admin = bearer((await apiToken(request, USERS.ADMIN)).token);
  const doc = await request.post("/api/v1/staff", {
    headers: admin,
    data: {
      name: "Dr Revenue",
      email: "dr.revenue@demo.hospital",
      role: "DOCTOR",
      specialty: "Cardiology",
      password: "doctor-pass-2026",
      consultationFee: 4500,
    },
  });
  expect(doc.status(), await doc.text()).toBe(201);
  const doctorId = (await doc.json()).id;
  const weekly = Array.from({ length: 7 }, (_, weekday) => ({ weekday, start: "08:00", end: "18:00" }));
  expect(
    (
      await request.put(`/api/v1/doctors/${doctorId}/availability`, {
        headers: admin,
        data: { slotMinutes: 30, weekly },
      })
    ).status(),
  ).toBe(200);
  const patient = await request.post("/api/v1/patients", {
    headers: admin,
    data: { firstName: "Rita", lastName: "Revenue", dateOfBirth: "1985-04-01", sex: "female" },
  });
  expect(patient.status()).toBe(201);
  const { id: patientId, mrn } = await patient.json();
  const appt = await request.post("/api/v1/appointments", {
    headers: admin,
    data: { patientId, doctorId, startsAt: `${DateTime.utc().plus({ days: 1 }).toISODate()}T09:00:00Z` },
  });
  expect(appt.status(), await appt.text()).toBe(201);
  const appointmentId = (await appt.json()).id;
  await startVisitNow(appointmentId); // a visit is completed once it has started
  expect(
    (
      await request.patch(`/api/v1/appointments/${appointmentId}`, { headers: admin, data: { status: "COMPLETED" } })
    ).status(),
  ).toBe(200);
  const invoice = await request.post("/api/v1/invoices", { headers: admin, data: { appointmentId } });
  expect(invoice.status(), await invoice.text()).toBe(201);
  const pay = await request.post("/api/v1/payments", {
    headers: admin,
    data: { invoiceId: (await invoice.json()).id, amount: 4500, method: "CASH" },
  });
  expect(pay.status(), await pay.text()).toBe(201);

  await page.goto("/reports/revenue");
  const row = page.getByRole("row").filter({ hasText: "Dr Revenue" }).first();
  await expect(row).toBeVisible();
  await row.getByText("Dr Revenue").click();
  await expect(row.getByRole("cell", { name: mrn })).toBeVisible();
  await shot(page, "reports-revenue");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("revenue.csv");
  const csv = await (await download.createReadStream())
    .toArray()
    .then((chunks) => Buffer.concat(chunks).toString("utf8"));
  const lines = csv.trim().split("\n");
  expect(lines[0]).toBe("Doctor,Date,Invoice,MRN,Billed (minor units),Collected (minor units),Currency");
  expect(lines.some((l) => l.startsWith("Dr Revenue,") && l.includes(`,${mrn},4500,4500,`))).toBe(true);

  await page.goto("/reports");
  await expect(page.getByRole("heading", { name: "Appointments per day" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Top diagnoses" })).toBeVisible();
  await shot(page, "reports-dashboard");
});

test("the public-health aggregates never show a count below 5", async ({ page }) => {
  for (const groupBy of ["diagnosis", "department", "ageBand", "sex"]) {
    await page.goto(`/public-health?groupBy=${groupBy}`);
    await expect(page.getByRole("heading", { name: "Public-health aggregates" })).toBeVisible();
    for (const text of await page.locator("[data-count]").allInnerTexts()) {
      expect(text === "<5" || text === "withheld" || Number(text) >= 5, `${groupBy}: ${text}`).toBe(true);
    }
    if (groupBy === "sex") await shot(page, "public-health");
  }
  // A completed quarter, chosen on the page: the downloads carry the same fixed period.
  const quarter = await page
    .getByLabel("Period")
    .locator("option")
    .filter({ hasText: /-Q\d$/ })
    .first()
    .getAttribute("value");
  await page.getByLabel("Period").selectOption(quarter!);
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`period=${quarter}`));
  await expect(page.getByRole("link", { name: "Download CSV" })).toHaveAttribute(
    "href",
    new RegExp(`period=${quarter}&`),
  );

  const lastYear = String(new Date().getUTCFullYear() - 1);
  const res = await page.request.get(`/api/v1/public-health/aggregates?period=${lastYear}&groupBy=ageBand`);
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(Object.keys(body).sort()).toEqual(["from", "groupBy", "items", "period", "to", "total", "unit"]);
  expect(body).toMatchObject({ period: lastYear, from: `${lastYear}-01-01`, to: `${lastYear}-12-31` });
  for (const item of body.items)
    expect(typeof item.count === "number" ? item.count >= 5 : ["<5", "withheld"].includes(item.count)).toBe(true);

  // Arbitrary ranges would subtract to small ones: refused, field by field; so is a period still running.
  const range = await page.request.get("/api/v1/public-health/aggregates?from=2026-03-01&to=2026-03-10&groupBy=sex");
  expect(range.status()).toBe(400);
  expect((await range.json()).error.fields).toMatchObject({
    period: expect.any(String),
    from: expect.stringContaining("fixed periods"),
    to: expect.stringContaining("fixed periods"),
  });
  const open = await page.request.get("/api/v1/public-health/aggregates?period=2099&groupBy=sex");
  expect(open.status()).toBe(400);
  expect((await open.json()).error.fields.period).toBe(
    "This period is not over yet: aggregates cover completed periods only",
  );
});

test("a public-health:read integration token reads the aggregates (JSON and CSV) and nothing else", async ({
  request,
}) => {
  const admin = bearer((await apiToken(request, USERS.ADMIN)).token);
  const made = await request.post("/api/v1/tokens", {
    headers: admin,
    data: { name: "Health authority", scopes: ["public-health:read"] },
  });
  expect(made.status(), await made.text()).toBe(201);
  const authority = bearer((await made.json()).secret);
  const lastYear = String(new Date().getUTCFullYear() - 1);
  const json = await request.get(`/api/v1/public-health/aggregates?period=${lastYear}&groupBy=sex`, {
    headers: authority,
  });
  expect(json.status(), await json.text()).toBe(200);
  expect((await json.json()).groupBy).toBe("sex");
  const csv = await request.get(`/api/v1/public-health/aggregates?period=${lastYear}-Q4&groupBy=ageBand&format=csv`, {
    headers: authority,
  });
  expect(csv.headers()["content-type"]).toContain("text/csv");
  // Every CSV starts with the UTF-8 byte order mark (lib/server/csv.ts) so that Excel reads it as UTF-8.
  const text = await csv.text();
  expect(text.startsWith("\uFEFF")).toBe(true);
  expect(text.slice(1).split("\n")[0]).toBe("Age band,Consultations");
  expect(
    (await request.get("/api/v1/reports/revenue?from=2026-01-01&to=2026-01-31", { headers: authority })).status(),
  ).toBe(403);
  const bad = await request.get(`/api/v1/public-health/aggregates?period=${lastYear}-01&groupBy=name`, {
    headers: authority,
  });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.fields.groupBy).toBe("Group by one of: diagnosis, department, ageBand, sex");
});
