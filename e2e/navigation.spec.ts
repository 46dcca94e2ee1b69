import { expect, test, type Page } from "@playwright/test";
import { screenshot, USERS, apiToken, bearer, storageFor } from "./fixtures";

// Issue 16's navigation: the header's patient search (keyboard "/" focuses it, arrows move, Enter
// opens), the admin's grouped sidebar, and the sidebar collapsing at tablet width.

const shot = (page: Page, name: string) =>
  screenshot(page, { path: `.test-artifacts/screens/${name}.png`, fullPage: true });
const search = (page: Page) => page.getByRole("combobox", { name: "Search patients" });

test.describe("doctor", () => {
  test.use({ storageState: storageFor("DOCTOR") });

  test("presses / to search, moves with the arrow keys and opens the chart with Enter", async ({ page }) => {
    await page.goto("/appointments");
    await expect(search(page)).not.toBeFocused();
    // The shortcut is the header's script: a "/" pressed before the page has hydrated does nothing,
    // and the user presses it again (on a busy machine the load event can come well before hydration).
    await expect(async () => {
      await page.keyboard.press("/");
      await expect(search(page)).toBeFocused({ timeout: 1_000 });
    }).toPass();
    await expect(search(page)).toHaveValue("");
    await page.keyboard.type("Bello");
    const list = page.getByRole("listbox", { name: "Matching patients" });
    await expect(list.getByRole("option")).toHaveCount(1);
    await expect(search(page)).toHaveAttribute("aria-expanded", "true");
    const amara = list.getByRole("option", { name: /Bello, Amara/ });
    await expect(amara).toHaveAttribute("aria-selected", "true");
    await expect(search(page)).toHaveAttribute("aria-activedescendant", (await amara.getAttribute("id"))!);
    await shot(page, "header-search-doctor");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/patients\/[^/]+$/);
    await expect(page.getByRole("heading", { level: 1, name: /Amara Bello|Bello, Amara/ })).toBeVisible();

    // Several matches: ArrowDown moves the active option, ArrowUp wraps to the last, Escape closes.
    await search(page).focus();
    await page.keyboard.type("Dia");
    const options = page.getByRole("listbox", { name: "Matching patients" }).getByRole("option");
    await expect(options.first()).toHaveAttribute("aria-selected", "true");
    const count = await options.count();
    expect(count).toBeGreaterThan(1);
    expect(count).toBeLessThanOrEqual(8);
    await page.keyboard.press("ArrowDown");
    await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
    await expect(options.first()).toHaveAttribute("aria-selected", "false");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await expect(options.nth(count - 1)).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Escape");
    await expect(search(page)).toHaveAttribute("aria-expanded", "false");
  });

  test("a doctor's short menu stays flat; the sidebar shows at 1366 px and folds away at 768 px", async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto("/dashboard");
    const nav = page.getByRole("navigation", { name: "Menu" });
    await expect(nav.getByRole("link", { name: "Appointments", exact: true })).toBeVisible();
    await expect(nav.getByRole("list", { name: "Clinical" })).toHaveCount(0);
    await shot(page, "shell-doctor-1366");
    await page.setViewportSize({ width: 768, height: 1024 });
    await expect(nav).toBeHidden();
    await expect(search(page)).toBeVisible();
    await shot(page, "shell-doctor-768");
  });

  test("a slow page shows the loading bar until it arrives", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const bar = page.getByTestId("navigation-progress");
    await expect(bar).toBeHidden();
    // The server answers the next page's request two seconds late.
    await page.route(/\/appointments(\?|$)/, async (route) => {
      await new Promise((r) => setTimeout(r, 2_000));
      await route.continue();
    });
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Appointments" }).click();
    await expect(bar).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Loading…" })).toHaveCount(1);
    await expect(page).toHaveURL(/\/appointments$/);
    await expect(page.getByRole("heading", { level: 1, name: "Appointments" })).toBeVisible();
    await expect(bar).toBeHidden();
  });

  test("typing / in a form field types it, it does not jump to the search", async ({ page }) => {
    await page.goto("/patients");
    const field = page.getByLabel("Search by name, MRN or phone");
    await field.focus();
    await page.keyboard.type("a/b");
    await expect(field).toHaveValue("a/b");
    await expect(search(page)).not.toBeFocused();
  });
});

test.describe("records officer", () => {
  test.use({ storageState: storageFor("RECORDS_OFFICER") });

  test("finds a patient by MRN and opens the record they may open", async ({ page, request }) => {
    const { token } = await apiToken(request, USERS.RECORDS_OFFICER);
    const amara = (await (await request.get("/api/v1/patients?q=Bello", { headers: bearer(token) })).json())
      .items[0] as { id: string; mrn: string };
    await page.goto("/dashboard");
    await search(page).fill(amara.mrn);
    const option = page.getByRole("option", { name: new RegExp(amara.mrn) });
    await expect(option).toBeVisible();
    await expect(option).toContainText("Bello, Amara");
    await page.keyboard.press("Enter");
    // Records officers edit identity and contact details; the clinical chart is not theirs.
    await expect(page).toHaveURL(new RegExp(`/patients/${amara.id}/edit$`));
  });
});

test.describe("patient", () => {
  test.use({ storageState: storageFor("PATIENT") });

  test("has no patient search", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(search(page)).toHaveCount(0);
    await page.keyboard.press("/");
    await expect(page.getByRole("search")).toHaveCount(0);
    await expect(page.getByRole("listbox")).toHaveCount(0);
  });
});

test.describe("admin", () => {
  test.use({ storageState: storageFor("ADMIN") });

  test("sees the sidebar in groups", async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto("/dashboard");
    const nav = page.getByRole("navigation", { name: "Menu" });
    for (const [group, links] of [
      ["People", ["Patients", "Doctors", "Staff", "Departments"]],
      ["Clinical", ["Appointments", "Prescriptions", "Public health"]],
      ["Inpatient", ["Bed board", "Wards"]],
      ["Pharmacy", ["Pharmacy", "Drug catalogue"]],
      ["Finance", ["Billing", "Reports"]],
      ["System", ["Audit trail", "Data browser", "Outbox", "Background jobs", "System", "API tokens", "My exports"]],
    ] as const) {
      const list = nav.getByRole("list", { name: group, exact: true });
      await expect(list, group).toBeVisible();
      for (const link of links)
        await expect(list.getByRole("link", { name: link, exact: true }), `${group} ${link}`).toBeVisible();
    }
    await shot(page, "shell-admin-1366");
  });

  test("at 768 px the sidebar is collapsed behind a toggle, opens over the page and closes again", async ({ page }) => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto("/dashboard");
    const toggle = page.getByRole("button", { name: "Show or hide the menu" });
    const nav = page.getByRole("navigation", { name: "Menu" });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
    await shot(page, "shell-admin-768");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(nav).toBeVisible();
    await shot(page, "shell-admin-768-menu");
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
    await toggle.click();
    await nav.getByRole("link", { name: "Billing", exact: true }).click();
    await expect(page).toHaveURL(/\/billing$/);
    await expect(nav).toBeHidden();
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    // Wide again: the sidebar is back beside the page, and the toggle hides it.
    await page.setViewportSize({ width: 1366, height: 900 });
    await expect(nav).toBeVisible();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await toggle.click();
    await expect(nav).toBeHidden();
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
  });

  test("the audit trail filters by a user and a patient chosen by name, by action and dates, and folds long details", async ({
    page,
    request,
  }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    const { token } = await apiToken(request, USERS.DOCTOR);
    const amara = (await (await request.get("/api/v1/patients?q=Bello", { headers: bearer(token) })).json())
      .items[0] as { id: string; mrn: string };
    expect((await request.get(`/api/v1/patients/${amara.id}`, { headers: bearer(token) })).status()).toBe(200);

    await page.goto("/admin/audit");
    await page.getByRole("combobox", { name: "User", exact: true }).fill("Okafor");
    await page.getByRole("option", { name: /Dr\. Grace Okafor/ }).click();
    await page.getByRole("combobox", { name: "Patient", exact: true }).fill("Bello");
    await page.getByRole("option", { name: /Bello, Amara/ }).click();
    await page.getByLabel("Action").selectOption({ label: "Viewed" });
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel("From (date)").fill(today);
    await page.getByLabel("To (date)").fill(today);
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(new RegExp(`actorId=[^&]+.*patientId=${amara.id}.*action=VIEW`));
    // The choices are shown by name, never as raw ids.
    await expect(page.getByText("Dr. Grace Okafor").first()).toBeVisible();
    await expect(page.getByText("Bello, Amara")).toBeVisible();
    const rows = page.getByRole("row");
    await expect(rows.nth(1)).toContainText("Viewed");
    await expect(rows.nth(1)).toContainText("Dr. Grace Okafor");
    await shot(page, "audit-filtered-1366");

    // Long details (an edit of many fields names them all) fold behind "Show more"; the page never scrolls sideways.
    const records = bearer((await apiToken(request, USERS.RECORDS_OFFICER)).token);
    const created = await request.post("/api/v1/patients", {
      headers: records,
      data: {
        firstName: "Folding",
        lastName: `Details${Date.now().toString(36)}`,
        dateOfBirth: "1991-02-03",
        sex: "female",
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const edit = {
      address: "12 Rue du Marché, Lomé",
      email: "folding.details@example.org",
      emergencyContactName: "Kwame Details",
      emergencyContactPhone: "+22890112233",
      emergencyContactRelation: "Brother",
    };
    expect((await request.patch(`/api/v1/patients/${id}`, { headers: records, data: edit })).status()).toBe(200);
    await page.goto(`/admin/audit?patientId=${id}&action=UPDATE`);
    const row = page.getByRole("row").nth(1);
    await expect(row.getByText("emergencyContactRelation")).toBeHidden();
    await row.getByText("Show more").click();
    await expect(row.locator("details[open] pre")).toContainText("emergencyContactRelation");
    await page.setViewportSize({ width: 768, height: 1024 });
    expect(
      await page.evaluate(() => document.scrollingElement!.scrollWidth <= document.scrollingElement!.clientWidth),
    ).toBe(true);
    await shot(page, "audit-768");
  });
});
