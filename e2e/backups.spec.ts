import { expect, test } from "@playwright/test";
import pg from "pg";
import { screenshot, storageFor } from "./fixtures";

// The admin dashboard's backup card (components/dashboard/BackupCard.tsx): the last good backup with
// its size and age, and the warning once it is older than 26 hours.

const SCREENS = ".test-artifacts/screens";

async function sql(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(text, values);
  } finally {
    await client.end();
  }
}

test.describe("backup status on the admin dashboard", () => {
  test.use({ storageState: storageFor("ADMIN") });
  test.describe.configure({ mode: "serial" });

  test.afterAll(async () => {
    await sql(`DELETE FROM "BackupRun" WHERE id LIKE 'e2e-backup-%'`);
  });

  test("shows the last good backup, and warns when it is older than 26 hours", async ({ page }) => {
    await sql(`DELETE FROM "BackupRun" WHERE id LIKE 'e2e-backup-%'`);
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
    await sql(
      `INSERT INTO "BackupRun" (id, trigger, "startedAt", "finishedAt", ok, file, bytes, rows, encrypted) VALUES ('e2e-backup-old', 'schedule', $1, $1, true, '/var/backups/hospital/hospital-old.backup', 52428800, 1000, true)`,
      [hoursAgo(30)],
    );
    await page.goto("/dashboard");
    const card = page.locator("section", { has: page.getByRole("heading", { name: "Backups", exact: true }) });
    await expect(card.getByRole("alert")).toContainText("older than 26 hours");
    await expect(card).toContainText("50.0 MB");
    await expect(card).toContainText("30 h ago");
    await expect(card).toContainText("Encrypted");
    await card.scrollIntoViewIfNeeded();
    for (const width of [1280, 768]) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(card, { path: `${SCREENS}/dashboard-backup-overdue-${width}.png` });
    }

    // A fresh good backup, then a failed run: no overdue warning, the failure shown with its error.
    await sql(
      `INSERT INTO "BackupRun" (id, trigger, "startedAt", "finishedAt", ok, file, bytes, rows, encrypted) VALUES ('e2e-backup-new', 'console', $1, $1, true, '/var/backups/hospital/hospital-new.backup', 1536, 10, false)`,
      [hoursAgo(2)],
    );
    await sql(
      `INSERT INTO "BackupRun" (id, trigger, "startedAt", "finishedAt", ok, error, encrypted) VALUES ('e2e-backup-failed', 'schedule', $1, $1, false, 'ENOSPC: no space left on device', false)`,
      [hoursAgo(1)],
    );
    await page.reload();
    await expect(card).toContainText("2 h ago");
    await expect(card).toContainText("hospital-new.backup");
    await expect(card).not.toContainText("older than 26 hours");
    await expect(card.getByRole("alert")).toContainText("ENOSPC: no space left on device");
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(card, { path: `${SCREENS}/dashboard-backup-failed-1280.png` });
  });
});
