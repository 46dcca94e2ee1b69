import { expect, test, type Page } from "@playwright/test";
import { screenshot, USERS, apiToken, bearer, storageFor, waitForMail, walkTimeout } from "./fixtures";

// Issue 6's inpatient journey through the real UI: a nurse admits a patient from the bed board
// (with the triage box), transfers them, marks the old bed clean and discharges them; the attending
// doctor is emailed at admission and at discharge (caught by the run's SMTP server), and the admin
// sees both emails in the outbox. The demo seed's Pediatrics ward starts with every bed free.

const shot = (page: Page, name: string) =>
  screenshot(page, { path: `.test-artifacts/screens/${name}.png`, fullPage: true });
const ward = (page: Page, name: string) => page.getByRole("region", { name: new RegExp(`^${name}`) });
const panel = (page: Page) => page.getByRole("dialog");

test.describe("nurse", () => {
  test.use({ storageState: storageFor("NURSE") });

  test("the bed board shows four wards a page, with the filters kept from page to page", async ({ page }) => {
    await page.goto("/beds");
    const pager = page.getByRole("navigation", { name: "Pagination" });
    await expect(pager.getByText("Page 1 of 2 · 5 in total")).toBeVisible();
    for (const name of ["General Medicine", "ICU", "Maternity", "Pediatrics"])
      await expect(ward(page, name)).toBeVisible();
    await expect(ward(page, "Surgery")).toHaveCount(0);
    await pager.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect(ward(page, "Surgery")).toBeVisible();
    await expect(ward(page, "General Medicine")).toHaveCount(0);
    await expect(pager.getByText("Page 2 of 2 · 5 in total")).toBeVisible();
    await shot(page, "bed-board-page-2");
    // A state filter pages only the wards with such a bed, and the pager keeps it.
    await page.goto("/beds?state=OUT_OF_SERVICE");
    await expect(pager.getByText("Page 1 of 1 · 1 in total")).toBeVisible();
    await expect(ward(page, "Surgery").getByRole("button", { name: /Room 2 D: Out of service/ })).toBeVisible();
    await expect(ward(page, "General Medicine")).toHaveCount(0);
  });

  test("the admit dialog shows the chosen patient's allergies as the banner does (severe in red, marked SEVERE)", async ({
    page,
    request,
  }) => {
    // Bug: the bed board's admit dialog showed no allergies for the patient about to be admitted.
    const records = bearer((await apiToken(request, USERS.RECORDS_OFFICER)).token);
    const last = `Admitallergy${Date.now().toString(36)}`;
    const created = await request.post("/api/v1/patients", {
      headers: records,
      data: {
        firstName: "Efua",
        lastName: last,
        dateOfBirth: "1971-08-09",
        sex: "female",
        allergies: [
          { substance: "Penicillin", reaction: "Anaphylaxis", severity: "severe" },
          { substance: "Latex", severity: "moderate" },
        ],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    await page.goto("/beds?state=FREE");
    await page
      .getByRole("button", { name: /: Free$/ })
      .first()
      .click();
    const p = panel(page);
    await p.getByLabel("Search for the patient (name, MRN or phone)").fill(last);
    await p.getByRole("button", { name: "Search" }).click();
    await p.getByRole("button", { name: new RegExp(last) }).click();
    const chips = p.locator("[data-admit-allergies] [data-banner-allergies]");
    await expect(chips.locator('[data-severity="severe"]')).toHaveText(/SEVERE Penicillin — Anaphylaxis/);
    await expect(chips.locator('[data-severity="severe"]')).toHaveClass(/bg-red-700/);
    await expect(chips.locator('[data-severity="moderate"]')).toHaveText("Latex (Moderate)");
    await shot(page, "bed-admit-allergies");
    // The read is audited (one VIEW row for the dialog).
    const admin = bearer((await apiToken(request, USERS.ADMIN)).token);
    const { id } = (await created.json()) as { id: string };
    const views = (await (await request.get(`/api/v1/audit?patientId=${id}&action=VIEW`, { headers: admin })).json())
      .items as { details: { view?: string } | null }[];
    expect(views.some((v) => v.details?.view === "admit")).toBe(true);
  });

  test("admits from the bed board, transfers, marks the old bed clean and discharges; the admin sees the doctor's emails", async ({
    page,
    browser,
  }) => {
    test.setTimeout(walkTimeout(12));
    await page.goto("/beds");
    await expect(page.getByRole("heading", { level: 1, name: "Bed board" })).toBeVisible();
    await expect(ward(page, "General Medicine").getByRole("button", { name: /Room 2 B: Cleaning/ })).toBeVisible();
    await shot(page, "bed-board");

    await ward(page, "Pediatrics").getByRole("button", { name: "Room 1 A: Free" }).click();
    const p = panel(page);
    await expect(p.getByRole("heading", { name: "Pediatrics · Room 1 · A" })).toBeVisible();
    await p.getByLabel("Search for the patient (name, MRN or phone)").fill("Kofi Diallo");
    await p.getByRole("button", { name: "Search" }).click();
    await p.getByRole("button", { name: /Kofi Diallo/ }).click();
    await p.getByLabel("Patient's problem").fill("Child with fever and cough for three days");
    await p.getByRole("button", { name: "Suggest a department" }).click();
    await p.getByRole("button", { name: "Use this department" }).click();
    await expect(p.getByLabel("Department of admission")).not.toHaveValue("");
    await p.getByLabel("Reason").fill("Bronchiolitis, oxygen saturation 91%");
    await p.getByLabel("Attending doctor").selectOption({ label: "Dr. Grace Okafor" });
    await p.getByLabel("Planned length of stay (days)").fill("3");
    await shot(page, "bed-admit");
    await p.getByRole("button", { name: "Admit", exact: true }).click();
    await expect(p.getByText("Patient admitted.")).toBeVisible();
    await expect(
      ward(page, "Pediatrics").getByRole("button", { name: "Room 1 A: Occupied, Kofi Diallo" }),
    ).toBeVisible();

    await p.getByLabel("New bed").selectOption({ label: "Pediatrics · Room 1 · B" });
    await p.getByRole("button", { name: "Transfer", exact: true }).click();
    await expect(p.getByText("Patient transferred.")).toBeVisible();
    await expect(
      ward(page, "Pediatrics").getByRole("button", { name: "Room 1 B: Occupied, Kofi Diallo" }),
    ).toBeVisible();
    // The old bed waits for cleaning; its history keeps the stay.
    await expect(p.getByText("State: Cleaning")).toBeVisible();
    await expect(p.getByRole("listitem").filter({ hasText: "Kofi Diallo" })).toBeVisible();
    await shot(page, "bed-cleaning-panel");
    await p.getByRole("button", { name: "Mark clean" }).click();
    await expect(p.getByText("State: Free")).toBeVisible();
    await p.getByRole("button", { name: "Close" }).click();

    await ward(page, "Pediatrics").getByRole("button", { name: "Room 1 B: Occupied, Kofi Diallo" }).click();
    await p.getByLabel("Discharge summary").fill("Improved on oxygen; home with inhaler and follow-up in a week.");
    await shot(page, "bed-occupied-panel");
    await p.getByRole("button", { name: "Discharge", exact: true }).click();
    const confirm = page.getByRole("dialog", { name: "Discharge this patient?" });
    await expect(confirm).toContainText("the discharge cannot be undone");
    await shot(page, "discharge-confirm");
    await confirm.getByRole("button", { name: "Discharge now" }).click();
    await expect(p.getByText("Patient discharged.")).toBeVisible();
    await expect(ward(page, "Pediatrics").getByRole("button", { name: "Room 1 B: Cleaning" })).toBeVisible();

    // The doctor's two emails went out over SMTP.
    const assigned = await waitForMail(
      (m) =>
        m.to.includes("doctor@demo.hospital") &&
        /admitted under your care/.test(m.subject) &&
        m.text.includes("Kofi Diallo"),
    );
    expect(assigned.text).toContain("Pediatrics · Room 1 · A");
    expect(assigned.text).toContain("Bronchiolitis");
    await waitForMail(
      (m) => m.to.includes("doctor@demo.hospital") && /discharged/.test(m.subject) && m.text.includes("Kofi Diallo"),
    );

    await page.goto("/admissions?status=discharged");
    await page.getByRole("row").filter({ hasText: "Kofi Diallo" }).getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name: "Admission: Kofi Diallo" })).toBeVisible();
    await expect(page.getByRole("row")).toHaveCount(3);
    await shot(page, "admission-detail");

    const admin = await (await browser.newContext({ storageState: storageFor("ADMIN") })).newPage();
    await admin.goto("/admin/outbox");
    const rows = admin.getByRole("row").filter({ hasText: "doctor@demo.hospital" });
    await expect(rows.filter({ hasText: "A patient has been admitted under your care" }).first()).toBeVisible({
      timeout: 30_000,
    });
    await expect(rows.filter({ hasText: "Your patient has been discharged" }).first()).toBeVisible();
    await rows.filter({ hasText: "A patient has been admitted under your care" }).first().getByRole("link").click();
    await expect(admin.getByText("Hello Dr. Grace Okafor,")).toBeVisible();

    await admin.goto("/reports/occupancy");
    await expect(admin.getByRole("heading", { level: 1, name: "Bed occupancy" })).toBeVisible();
    await expect(admin.getByRole("rowheader", { name: "All wards" })).toBeVisible();
    await shot(admin, "occupancy-report");
    await admin.goto("/admin/wards");
    await expect(admin.getByRole("heading", { level: 2, name: /^ICU/ })).toBeVisible();
    await shot(admin, "admin-wards");
  });
});
