import { expect, test } from "@playwright/test";
import { screenshot, PASSWORD, USERS, signIn, storageFor } from "./fixtures";

test.describe("admin", () => {
  test.use({ storageState: storageFor("ADMIN") });
  test("sees hospital counts and staff by role", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page.getByText("Active patients")).toBeVisible();
    await expect(page.getByText("Staff by role")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Patients" })).toBeVisible();
    await screenshot(page, { path: ".test-artifacts/screens/admin-dashboard.png", fullPage: true });
  });
});

test.describe("nurse", () => {
  test.use({ storageState: storageFor("NURSE") });
  test("sees her ward's work on the home page and finds a patient by name", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { name: /routine observations every \d+ h/ }).first()).toBeVisible();
    await expect(page.getByRole("heading", { name: "Tasks: beds to clean" })).toBeVisible();
    await page.getByLabel("Search by name, MRN or phone").fill("Patient");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/patients\?q=Patient/);
    await expect(page.getByRole("cell", { name: "Patient, Sam" })).toBeVisible();
    await screenshot(page, { path: ".test-artifacts/screens/nurse-patients.png", fullPage: true });
  });
});

test.describe("patient", () => {
  test.use({ storageState: storageFor("PATIENT") });
  test("sees their own record and no staff navigation", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { name: "Your record" })).toBeVisible();
    await expect(page.getByText(/^H-\d{6}$/)).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Patients" })).toHaveCount(0);
    await page.setViewportSize({ width: 820, height: 1100 });
    await screenshot(page, { path: ".test-artifacts/screens/patient-dashboard-tablet.png", fullPage: true });
  });
});

test("a wrong password shows one clear message and stays on the sign-in page", async ({ page }) => {
  await signIn(page, USERS.NURSE, "wrong-password");
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await screenshot(page, { path: ".test-artifacts/screens/login-error.png" });
});

test("a deep link survives the sign-in detour", async ({ page }) => {
  await page.goto("/patients?q=Patient");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByLabel("Email").fill(USERS.RECORDS_OFFICER);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/patients\?q=Patient$/);
  await expect(page.getByRole("cell", { name: "Patient, Sam" })).toBeVisible();
});

test("signing out from the user menu ends the session", async ({ page }) => {
  await signIn(page, USERS.PHARMACIST, PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole("button", { name: "Account" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
});

test("a user changes their password and must use the new one", async ({ page }) => {
  await signIn(page, "changer@demo.hospital", PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole("button", { name: "Account" }).click();
  await page.getByRole("menuitem", { name: "Change password" }).click();
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill("a-brand-new-secret");
  await page.getByLabel("Repeat new password").fill("something-else-entirely");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("The two new passwords differ")).toBeVisible();

  await page.getByLabel("Repeat new password").fill("a-brand-new-secret");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/login\?changed=1/);
  await expect(page.getByText("Your password was changed.")).toBeVisible();

  await signIn(page, "changer@demo.hospital", PASSWORD);
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
  await signIn(page, "changer@demo.hospital", "a-brand-new-secret");
  await expect(page).toHaveURL(/\/dashboard$/);
});

test.describe("unknown pages", () => {
  test.use({ storageState: storageFor("NURSE") });
  test("show a friendly 404", async ({ page }) => {
    const res = await page.goto("/no-such-page");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Back to the dashboard" })).toBeVisible();
  });
});
