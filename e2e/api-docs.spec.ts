import { expect, test } from "@playwright/test";
import { screenshot, storageFor } from "./fixtures";

// Issue 7: the API docs page (public) and integration tokens created and revoked on /admin/tokens.

const shot = (page: import("@playwright/test").Page, name: string) =>
  screenshot(page, { path: `.test-artifacts/screens/${name}.png`, fullPage: true });

test("the API docs render the OpenAPI document, grouped by tag", async ({ page, request }) => {
  const doc = await (await request.get("/api/v1/openapi.json")).json();
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toContain("/patients");
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { level: 1, name: "API documentation" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "patients" })).toBeVisible();
  const op = page.locator(`details[data-op="POST /patients"]`);
  await op.locator("summary").click();
  await expect(op).toContainText("patient.register");
  await expect(op).toContainText("firstName");
  await shot(page, "api-docs");
});

test.describe("admin", () => {
  test.use({ storageState: storageFor("ADMIN") });

  test("creates a token, uses it once as a bearer, and revokes it", async ({ page, playwright, baseURL }) => {
    await page.goto("/admin/tokens");
    await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
    await page.getByLabel("Name").fill("E2E ministry feed");
    await page.getByLabel(/^full/).check();
    await page.getByRole("button", { name: "Create token" }).click();
    const secret = await page.getByLabel("New token").inputValue();
    expect(secret).toMatch(/^hms_/);
    await expect(page.getByRole("row").filter({ hasText: "E2E ministry feed" })).toContainText("Never");
    await shot(page, "admin-tokens-created");

    const api = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { authorization: `Bearer ${secret}` },
    });
    expect((await api.get("/api/v1/stats")).status()).toBe(200);

    await page.reload();
    const row = page.getByRole("row").filter({ hasText: "E2E ministry feed" });
    await expect(row).not.toContainText("Never");
    await row.getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("dialog", { name: "Revoke this token?" }).getByRole("button", { name: "Revoke" }).click();
    await expect(row).toContainText("Revoked");
    expect((await api.get("/api/v1/stats")).status()).toBe(401);
    await api.dispose();
    await shot(page, "admin-tokens");
  });
});
