import { mkdirSync } from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DateTime } from "luxon";
import pg from "pg";
import { screenshot, USERS, apiToken, bearer, demoDoctorId, startVisitNow, storageFor, walkTimeout } from "./fixtures";

// Issue 16, guardrails on state changes: a visit is checked in only on its day; a stay is invoiced
// by the hospital's midnight rule (the e2e hospital is on UTC); consequential actions ask first.

const SHOTS = "/tmp/guards-shots";
mkdirSync(SHOTS, { recursive: true });
/** The page at the desktop (1366 px) and tablet (768 px) widths, for a person to look at. */
async function shots(page: Page, name: string) {
  for (const width of [1366, 768]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, { path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

async function newPatient(request: APIRequestContext, headers: Record<string, string>, firstName: string) {
  const res = await request.post("/api/v1/patients", {
    headers,
    data: { firstName, lastName: "Guard", dateOfBirth: "1970-05-05", sex: "female" },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; mrn: string };
}

test.describe("records officer", () => {
  test.use({ storageState: storageFor("RECORDS_OFFICER") });

  test("cannot check in tomorrow's visit (page and API), and checks it in on its day", async ({ page, request }) => {
    test.setTimeout(walkTimeout(8));
    const records = bearer((await apiToken(request, USERS.RECORDS_OFFICER)).token);
    const patient = await newPatient(request, records, "Tomorrow");
    const startsAt = `${DateTime.utc().plus({ days: 1 }).toISODate()}T15:30:00Z`;
    const booked = await request.post("/api/v1/appointments", {
      headers: records,
      data: { patientId: patient.id, doctorId: await demoDoctorId(request), startsAt },
    });
    expect(booked.status(), await booked.text()).toBe(201);
    const id = (await booked.json()).id as string;

    await page.goto(`/appointments/${id}`);
    await expect(page.getByText(/Check-in opens .* \(on the visit's day only\)/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Check in" })).toHaveCount(0);
    await shots(page, "appointment-future");
    const early = await request.patch(`/api/v1/appointments/${id}`, {
      headers: records,
      data: { status: "CHECKED_IN" },
    });
    expect(early.status()).toBe(409);
    expect((await early.json()).error).toMatchObject({
      code: "TOO_EARLY",
      message: expect.stringContaining("cannot be checked in yet"),
    });
    const completed = await request.patch(`/api/v1/appointments/${id}`, {
      headers: records,
      data: { status: "COMPLETED" },
    });
    expect((await completed.json()).error.code).toBe("TOO_EARLY");

    // The confirm dialog before cancelling states the consequence; going back keeps the visit.
    await page.getByLabel("Reason for cancelling").fill("Checking the dialog");
    await page.getByRole("button", { name: "Cancel appointment" }).click();
    const dialog = page.getByRole("dialog", { name: "Cancel this appointment?" });
    await expect(dialog).toContainText("cannot be reopened");
    await expect(dialog.getByRole("button", { name: "Go back" })).toBeFocused();
    await shots(page, "confirm-cancel");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    // On its day (moved to now), the records officer checks the visit in.
    await startVisitNow(id);
    await page.reload();
    await page.getByRole("button", { name: "Check in" }).click();
    await expect(page.getByRole("definition").filter({ hasText: /^Checked in$/ })).toBeVisible();
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { name: "Today's arrivals and check-ins" })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: patient.mrn })).toContainText("Checked in");
    await expect(page.getByRole("heading", { name: "Admissions and discharges today" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Unpaid invoices" }).first()).toBeVisible();
    await shots(page, "dashboard-records");
  });

  test("a 32-minute stay invoices 0 nights and a stay across midnight 1 night (the midnight rule)", async ({
    page,
    request,
  }) => {
    test.setTimeout(walkTimeout(8));
    const { token, userId } = await apiToken(request, USERS.RECORDS_OFFICER);
    const records = bearer(token);
    const doctorId = await demoDoctorId(request);
    const [bed] = await sql<{ bed: string; ward: string; name: string }>(
      `SELECT b.id AS bed, w.id AS ward, w.name FROM "Bed" b JOIN "Room" r ON r.id = b."roomId" JOIN "Ward" w ON w.id = r."wardId" ORDER BY w.name, r.name, b.label LIMIT 1`,
    );
    await sql(`UPDATE "Ward" SET "bedDayRate" = 12000 WHERE id = $1`, [bed.ward]);
    const stay = async (name: string, from: string, to: string) => {
      const p = await newPatient(request, records, name);
      const id = `e2e-stay-${name.toLowerCase()}-${Date.now()}`;
      await sql(
        `INSERT INTO "Admission" (id, "patientId", "attendingDoctorId", reason, "admittedAt", "admittedById", "dischargedAt", "updatedAt") VALUES ($1, $2, $3, 'Observation', $4, $5, $6, now())`,
        [id, p.id, doctorId, from, userId, to],
      );
      await sql(
        `INSERT INTO "BedAssignment" (id, "admissionId", "bedId", "startsAt", "endsAt") VALUES ($1, $1, $2, $3, $4)`,
        [id, bed.bed, from, to],
      );
      return p;
    };
    const invoiceStay = async (name: string) => {
      await page.goto("/billing/new");
      const select = page.getByLabel("Hospital stay");
      const value = await select.locator("option", { hasText: name }).getAttribute("value");
      await select.selectOption(value!);
      await page.getByRole("button", { name: "Invoice this stay" }).click();
      await expect(page).toHaveURL(/\/billing\/[^/]+$/);
    };

    await stay("Shortstay", "2026-03-10T10:00:00Z", "2026-03-10T10:32:00Z");
    await stay("Overnight", "2026-03-11T23:50:00Z", "2026-03-12T00:22:00Z");
    await page.goto("/billing/new");
    await expect(page.getByText("One night is billed for each midnight passed (hospital time)")).toBeVisible();
    await shots(page, "billing-new");

    await invoiceStay("Shortstay");
    await expect(page.getByText("No billable items.")).toBeVisible();
    await expect(page.getByRole("cell", { name: /^Bed-days/ })).toHaveCount(0);
    // The invoice's patient is plain text for a records officer: the chart would be a 404.
    await expect(page.getByRole("link", { name: /Shortstay Guard/ })).toHaveCount(0);
    await expect(page.getByText(/Shortstay Guard/).first()).toBeVisible();
    await shots(page, "invoice-short-stay");

    await invoiceStay("Overnight");
    const row = page.getByRole("row").filter({ hasText: `Bed-days, ${bed.name}` });
    await expect(row).toContainText("1");
    await expect(row).toContainText("$120.00");
  });
});

test.describe("admin", () => {
  test.use({ storageState: storageFor("ADMIN") });

  test("sees failed jobs and unsent emails on the home page, and types a doctor's fee in currency units", async ({
    page,
  }) => {
    test.setTimeout(walkTimeout(5));
    await page.goto("/dashboard");
    await expect(page.getByRole("link", { name: /^Failed jobs \d+ Open background jobs$/ })).toHaveAttribute(
      "href",
      "/admin/jobs",
    );
    await expect(page.getByRole("link", { name: /^Unsent emails \d+ Open the outbox$/ })).toHaveAttribute(
      "href",
      "/admin/outbox",
    );
    await expect(page.getByRole("heading", { name: "Staff by role" })).toBeVisible();
    await shots(page, "dashboard-admin");

    await page.goto("/admin/staff/new");
    await page.getByLabel("Full name").fill("Dr. Fee Three-Decimals");
    await page.getByLabel("Email").fill("fee3@demo.hospital");
    await page.getByLabel("Role").selectOption({ label: "Doctor" });
    await page.getByLabel("Specialty").fill("Dermatology");
    await expect(page.getByText("In the hospital's currency, e.g. 45.00 (2 decimals at most).")).toBeVisible();
    // Three decimals are refused on the field, and the message goes once the amount is valid.
    await page.getByLabel("Consultation fee (USD)").fill("45.555");
    await page.getByRole("button", { name: "Create account" }).click();
    const refused = page.getByText("Enter an amount of 0 or more in the hospital's currency, e.g. 45.00");
    await expect(refused).toBeVisible();
    await shots(page, "staff-new-fee");
    await page.getByLabel("Consultation fee (USD)").fill("45.50");
    await expect(refused).toBeHidden();
  });
});
