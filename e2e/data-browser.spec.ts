import { expect, test, type Page } from "@playwright/test";
import { screenshot, PASSWORD, USERS, apiToken, bearer, signIn, storageFor } from "./fixtures";

const shot = (page: Page, name: string) =>
  screenshot(page, { path: `.test-artifacts/screens/${name}.png`, fullPage: true });

test.describe("data browser", () => {
  test.use({ storageState: storageFor("ADMIN") });

  test("an admin edits a department in the data browser and its audit history shows the change", async ({
    page,
    request,
  }) => {
    // A department of this test's own, so no other spec sees it change.
    const name = `Browser dept ${Date.now()}`;
    const { token } = await apiToken(request, USERS.ADMIN);
    const created = await request.post("/api/v1/departments", {
      headers: bearer(token),
      data: { name, description: "Before the edit" },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    await page.goto("/admin/data");
    await expect(page.getByRole("heading", { name: "Data browser" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Patients\s+\d+ records?/ })).toBeVisible();
    await shot(page, "admin-data");
    await page.getByRole("link", { name: /^Departments\s+\d+ records?$/ }).click();
    await expect(page).toHaveURL(/\/admin\/data\/departments$/);
    await page.getByLabel("Search", { exact: true }).fill(name);
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByRole("row")).toHaveCount(2);
    await shot(page, "admin-data-departments");
    await page.getByRole("link", { name }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/data/departments/${id}$`));
    await expect(page.getByRole("heading", { name: `Departments · ${name}` })).toBeVisible();

    // Bad input is refused field by field, and nothing changes.
    await page.getByLabel("Name").fill("   ");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Enter a name")).toBeVisible();
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Description").fill("Edited in the data browser");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Saved", { exact: true })).toBeVisible();

    const history = page.getByRole("table", { name: "Audit history" });
    const update = history.getByRole("row").filter({ hasText: "UPDATE" });
    await expect(update).toHaveCount(1);
    await expect(update).toContainText("Description: Before the edit → Edited in the data browser");
    await expect(update).toContainText("Ada Admin");
    await expect(history.getByRole("row").filter({ hasText: "CREATE" })).toContainText("Ada Admin");
    await shot(page, "admin-data-department");

    // The same change through the browser's read-only API.
    const api = await request.get(`/api/v1/admin/data/departments/${id}`, { headers: bearer(token) });
    expect(api.status()).toBe(200);
    const body = (await api.json()) as {
      values: { description: string };
      history: { items: { action: string; actorName: string }[] };
    };
    expect(body.values.description).toBe("Edited in the data browser");
    expect(body.history.items[0]).toMatchObject({ action: "UPDATE", actorName: "Ada Admin" });
  });

  test("an admin edits a staff member in the data browser through the staff page's checks, and both show the same audit", async ({
    page,
    request,
  }) => {
    // A staff member of this test's own.
    const { token } = await apiToken(request, USERS.ADMIN);
    const email = `browser-staff-${Date.now()}@example.org`;
    const created = await request.post("/api/v1/staff", {
      headers: bearer(token),
      data: { name: "Bea Browser", email, role: "NURSE", password: PASSWORD },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    await page.goto(`/admin/data/users?q=${encodeURIComponent(email)}`);
    // Codes read as words: the role column says "Nurse", not NURSE.
    await expect(page.getByRole("row").filter({ hasText: email })).toContainText("Nurse");
    await shot(page, "admin-data-users");
    await page.getByRole("link", { name: "Bea Browser" }).click();
    await expect(page.getByRole("heading", { name: "Users · Bea Browser" })).toBeVisible();
    await expect(page.getByLabel("Role")).toHaveValue("NURSE");

    // The staff schema's and service's rules: a doctor needs a specialty.
    await page.getByLabel("Role").selectOption({ label: "Doctor" });
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Enter the doctor's specialty")).toBeVisible();
    await page.getByLabel("Specialty").fill("Dermatology");
    await page.getByLabel("Consultation fee").fill("45.00");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Saved", { exact: true })).toBeVisible();
    const update = page.getByRole("table", { name: "Audit history" }).getByRole("row").filter({ hasText: "UPDATE" });
    await expect(update).toHaveCount(1);
    await expect(update).toContainText("Specialty: — → Dermatology");
    // Codes and money in the history read as the form shows them.
    await expect(update).toContainText("Role: Nurse → Doctor");
    await expect(update).toContainText(/Consultation fee: — → \S*45\.00/);
    await expect(update).toContainText("Ada Admin");
    await shot(page, "admin-data-user");

    // The staff page shows the same account changed.
    await page.goto(`/admin/staff/${id}`);
    await expect(page.getByLabel("Specialty")).toHaveValue("Dermatology");
  });

  test("a lab test opens with its price in an edit form; allergies say why they are edited on the patient's page", async ({
    page,
  }) => {
    await page.goto("/admin/data/lab-tests?q=HGB");
    await page.getByRole("row").nth(1).getByRole("link").first().click();
    await expect(page.getByRole("heading", { name: "Edit" })).toBeVisible();
    await expect(page.getByLabel("Price")).toBeVisible();
    // In currency units, named with the hospital's currency (the record keeps minor units).
    await expect(page.getByLabel("Price (USD)")).toHaveValue(/^\d+\.\d{2}$/);
    await expect(page.getByLabel("Reference low")).toBeVisible();
    await shot(page, "admin-data-lab-test");
    await page.goto("/admin/data/allergies");
    await page.getByRole("row").nth(1).getByRole("link").first().click();
    await expect(page.getByText("Kept as a list on the patient's edit page")).toBeVisible();
    await expect(page.getByRole("link", { name: /Open the page where this is done/ })).toHaveAttribute(
      "href",
      /^\/patients\/.+\/edit$/,
    );
  });

  test("a signed clinical record is read-only and points to the page where it is done", async ({ page }) => {
    await page.goto("/admin/data/consultations");
    const first = page.getByRole("row").nth(1).getByRole("link").first();
    await first.click();
    await expect(page.getByRole("heading", { name: "Read-only here" })).toBeVisible();
    await expect(page.getByText("Clinical records change only through the chart")).toBeVisible();
    await expect(page.getByRole("link", { name: /Open the page where this is done/ })).toHaveAttribute(
      "href",
      /^\/consultations\//,
    );
    await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
    await shot(page, "admin-data-consultation");
  });

  test("a ward shows its department as a link, its rooms one click away, and an edit form with the same choices as the wards page", async ({
    page,
  }) => {
    await page.goto("/admin/data/wards?type=ICU");
    await page.getByRole("row").nth(1).getByRole("link").first().click();
    await expect(page.getByLabel("Type")).toHaveValue("ICU");
    await expect(page.getByLabel("Department")).toBeVisible();
    await page.getByRole("link", { name: "Rooms", exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/data\/rooms\?wardId=/);
    await expect(page.getByText(/^Ward: /)).toBeVisible();
    await shot(page, "admin-data-rooms-of-ward");
    await page.goBack();
    await shot(page, "admin-data-ward");
  });
});

test.describe("data browser in French", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a French-speaking admin browses wards in French", async ({ page }) => {
    await signIn(page, "fr.browser@demo.hospital", PASSWORD);
    // A first sign-in on a busy machine can take over 10 s.
    await expect(page).toHaveURL(/\/dashboard$/, { timeout: 60_000 });
    await page.getByLabel("Language").selectOption("fr");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await page.goto("/admin/data");
    await expect(page.getByRole("heading", { name: "Explorateur de données" })).toBeVisible();
    await page.getByRole("link", { name: /^Unités de soins\s+\d+ enregistrements?$/ }).click();
    await expect(page.getByRole("columnheader", { name: /Tarif journalier/ })).toBeVisible();
    await page.getByRole("row").nth(1).getByRole("link").first().click();
    await expect(page.getByRole("heading", { name: "Historique d'audit" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Enregistrer" })).toBeVisible();
    // Money in currency units with the French decimal comma.
    await expect(page.getByLabel("Tarif journalier (USD)")).toHaveValue(/^\d+,\d{2}$/);
    await shot(page, "admin-data-ward-fr");
  });
});
