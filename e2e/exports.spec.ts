import { expect, test } from "@playwright/test";
import { screenshot, USERS, apiToken, bearer, storageFor } from "./fixtures";

// Issue 6's jobs through the real UI: a patient exports their treatment history as CSV (built by the
// worker, progress shown until it is ready) and downloads it; an admin sees the queues on /admin/jobs.

const shot = (page: import("@playwright/test").Page, name: string) =>
  screenshot(page, { path: `.test-artifacts/screens/${name}.png`, fullPage: true });

test.describe("patient", () => {
  test.use({ storageState: storageFor("PATIENT") });

  test("exports their history as CSV, watches it finish and downloads it", async ({ page }) => {
    await page.goto("/me/health");
    await shot(page, "me-health-export");
    await page.getByRole("button", { name: "Export my history (CSV)" }).click();
    await expect(page).toHaveURL(/\/exports$/);
    const row = page.getByTestId("export-row").first();
    await expect(row).toContainText("Treatment history");
    // The worker builds it in the background; the page refreshes itself until it is ready.
    await expect(row.getByRole("link", { name: "Download CSV" })).toBeVisible({ timeout: 20_000 });
    await expect(row.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
    await expect(row).toContainText("Ready");
    await shot(page, "exports");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      row.getByRole("link", { name: "Download CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^treatment-history-.+\.csv$/);
    const csv = await (await download.createReadStream())
      .toArray()
      .then((chunks) => Buffer.concat(chunks).toString("utf8"));
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("Date and time,Kind,Summary,Flag,Reference");
    expect(lines.some((l) => /,Registration,Registered as /.test(l))).toBe(true);
    expect(lines.length).toBeGreaterThan(2);

    // The status API says the same, and the file is the requester's alone.
    const href = (await row.getByRole("link", { name: "Download CSV" }).getAttribute("href"))!;
    const id = href.split("/")[4];
    const status = await page.request.get(`/api/v1/exports/${id}`);
    expect(await status.json()).toMatchObject({ id, status: "done", progress: 1, downloadUrl: href });
  });
});

test.describe("nurse", () => {
  test.use({ storageState: storageFor("NURSE") });

  test("exports a patient's history from the chart", async ({ page, request }) => {
    const { token } = await apiToken(request, USERS.NURSE);
    const res = await request.get("/api/v1/patients?q=Bello", { headers: bearer(token) });
    const patientId = (await res.json()).items[0].id as string;
    await page.goto(`/patients/${patientId}`);
    await shot(page, "chart-export");
    await page.getByRole("button", { name: "Export CSV" }).click();
    await expect(page).toHaveURL(/\/exports$/);
    await expect(page.getByTestId("export-row").first().getByRole("link", { name: "Download CSV" })).toBeVisible({
      timeout: 20_000,
    });
  });
});

test.describe("another user", () => {
  test.use({ storageState: storageFor("NURSE") });

  test("cannot see or download someone else's export", async ({ page, browser }) => {
    const patient = await browser.newContext({ storageState: storageFor("PATIENT") });
    const res = await patient.request.post("/api/v1/exports", { data: { kind: "treatment-history" } });
    expect(res.status()).toBe(202);
    const { id } = await res.json();
    await patient.close();
    expect((await page.request.get(`/api/v1/exports/${id}`)).status()).toBe(404);
    expect((await page.request.get(`/api/v1/exports/${id}/download`)).status()).toBe(404);
  });
});

test.describe("admin", () => {
  test.use({ storageState: storageFor("ADMIN") });

  test("opens /admin/jobs: queues, schedules to run now, failures", async ({ page }) => {
    await page.goto("/dashboard");
    await page.getByRole("link", { name: "Background jobs" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Background jobs" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "export.run" })).toBeVisible();
    const reminders = page.getByRole("listitem").filter({ hasText: "Appointment reminders" });
    await reminders.getByRole("button", { name: "Run now" }).click();
    await expect(reminders.getByRole("status")).toHaveText("Queued: the worker picks it up within seconds.");
    await shot(page, "admin-jobs");
  });
});
