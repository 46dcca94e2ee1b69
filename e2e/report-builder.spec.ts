import { expect, test } from "@playwright/test";
import { screenshot, PASSWORD, USERS, apiToken, bearer, signIn, storageFor } from "./fixtures";

// Issue 8's acceptance: an admin builds a report of admissions per ward per month through the real UI
// (the demo seed admits patients to General Medicine and the ICU) and exports it as CSV; a doctor
// cannot open the builder.

const shot = (page: import("@playwright/test").Page, name: string) =>
  screenshot(page, { path: `.test-artifacts/screens/${name}.png`, fullPage: true });
const PER_WARD_MONTH = {
  entity: "admissions",
  groupBy: [{ field: "ward" }, { field: "admittedAt", granularity: "month" }],
};

test.describe("as an admin", () => {
  test.use({ storageState: storageFor("ADMIN") });

  test("builds admissions per ward per month, pages it and downloads the CSV", async ({ page, request }) => {
    const admin = bearer((await apiToken(request, USERS.ADMIN)).token);
    const api = await request.post("/api/v1/reports/builder", { headers: admin, data: PER_WARD_MONTH });
    expect(api.status(), await api.text()).toBe(200);
    const expected: { ward: string; admittedAt_month: string; count: number }[] = (await api.json()).items;
    expect(expected.map((r) => r.ward)).toEqual(expect.arrayContaining(["General Medicine", "ICU"]));

    await page.goto("/reports");
    await page.getByRole("link", { name: "Build a report" }).click();
    await expect(page.getByRole("heading", { name: "Report builder" })).toBeVisible();
    await page.getByLabel("Entity", { exact: true }).selectOption("admissions");
    await page.getByRole("button", { name: "Add a grouping" }).click();
    await page.getByLabel("Group by 1", { exact: true }).selectOption("ward");
    await page.getByRole("button", { name: "Add a grouping" }).click();
    await page.getByLabel("Group by 2", { exact: true }).selectOption("admittedAt");
    await expect(page.getByLabel("By 2", { exact: true })).toHaveValue("month");
    await page.getByRole("button", { name: "Run" }).click();

    await expect(page).toHaveURL(/entity=admissions&group=ward&group=admittedAt%3Amonth/);
    const table = page.getByRole("table");
    await expect(table.getByRole("columnheader")).toHaveText(["Ward", "Admitted (Month)", "Count"]);
    for (const r of expected) {
      await expect(
        table.getByRole("row").filter({ hasText: r.ward }).filter({ hasText: r.admittedAt_month }),
      ).toContainText(String(r.count));
    }
    await shot(page, "report-builder");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^report-admissions-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await (await download.createReadStream())
      .toArray()
      .then((chunks) => Buffer.concat(chunks).toString("utf8"));
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("Ward,Admitted (Month),Count");
    const first = expected[0];
    expect(lines).toContain(`${first.ward},${first.admittedAt_month},${first.count}`);
    expect(lines).toHaveLength(expected.length + 1);

    // A bad spec in the URL shows the field's message instead of a result.
    await page.goto("/reports/builder?entity=admissions&group=reason");
    await expect(page.getByText("Not a field of this entity")).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
  });

  test("the API: the allow-list, field errors for what is not on it, CSV with ?format=csv", async ({ request }) => {
    const admin = bearer((await apiToken(request, USERS.ADMIN)).token);
    const entities = await (await request.get("/api/v1/reports/builder/entities", { headers: admin })).json();
    const admissions = entities.items.find((e: { entity: string }) => e.entity === "admissions");
    expect(admissions.fields.find((f: { key: string }) => f.key === "admittedAt")).toMatchObject({
      type: "date",
      group: true,
      operators: ["equals", "before", "after", "between"],
    });
    const bad = await request.post("/api/v1/reports/builder", {
      headers: admin,
      data: { entity: "admissions", columns: ["reason"], filters: [{ field: "ward", op: "before", value: "x" }] },
    });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { "columns.0": "Not a field of this entity", "filters.0.op": "Use one of: equals, in, contains" },
    });
    const csv = await request.post("/api/v1/reports/builder?format=csv", {
      headers: admin,
      data: { entity: "admissions", groupBy: [{ field: "status" }] },
    });
    expect(csv.headers()["content-type"]).toContain("text/csv");
    // Every CSV starts with the UTF-8 byte order mark (lib/server/csv.ts) so that Excel reads it as UTF-8.
    const text = await csv.text();
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.slice(1).split("\n")[0]).toBe("Status,Count");
  });

  test("a plain listing pages through the rows with links", async ({ page }) => {
    await page.goto("/reports/builder?entity=admissions&col=admittedAt&col=ward&col=status&pageSize=1");
    await expect(page.getByRole("table").getByRole("row")).toHaveCount(2);
    await page.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page).toHaveURL(/col=ward/);
    await expect(page.getByRole("table").getByRole("row")).toHaveCount(2);
  });

  test("filters and figures come back into the form from the URL", async ({ page }) => {
    await page.goto(
      "/reports/builder?entity=admissions&filter=admittedAt:between:2020-01-01,2099-12-31&filter=status:in:live,discharged&group=department&agg=count&agg=avg:plannedStayDays",
    );
    await expect(page.getByLabel("Operator 1", { exact: true })).toHaveValue("between");
    await expect(page.getByLabel("Value 1 (and)", { exact: true })).toHaveValue("2099-12-31");
    await expect(page.getByLabel("Value 2", { exact: true })).toHaveValue("live, discharged");
    await expect(page.getByRole("table").getByRole("columnheader")).toHaveText([
      "Department",
      "Count",
      "Average of Planned stay (days)",
    ]);
    await expect(page.getByRole("table").getByRole("row").filter({ hasText: "General Medicine" })).toBeVisible();
    await shot(page, "report-builder-filters");
  });

  test("speaks French", async ({ browser }) => {
    // Its own admin account: switching the shared demo admin would turn parallel specs French.
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    try {
      await signIn(page, "fr.reports@demo.hospital", PASSWORD);
      await expect(page).toHaveURL(/\/dashboard$/);
      expect((await page.request.patch("/api/v1/account", { data: { language: "fr" } })).status()).toBe(200);
      await page.goto("/reports/builder?entity=admissions&group=ward&group=admittedAt:month");
      await expect(page.getByRole("heading", { name: "Générateur de rapports" })).toBeVisible();
      await expect(page.getByRole("table").getByRole("columnheader")).toHaveText([
        "Unité",
        "Admission (Mois)",
        "Nombre",
      ]);
      await page.goto("/reports/builder?entity=admissions&group=admittedAt");
      await expect(page.getByText("Choisissez jour, semaine, mois ou année")).toBeVisible();
      await shot(page, "report-builder-fr");
    } finally {
      await context.close();
    }
  });
});

test.describe("as a doctor", () => {
  test.use({ storageState: storageFor("DOCTOR") });

  test("cannot open the builder nor run a report", async ({ page, request }) => {
    const res = await page.goto("/reports/builder?entity=admissions&group=ward");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Report builder" })).toHaveCount(0);
    const doctor = bearer((await apiToken(request, USERS.DOCTOR)).token);
    expect((await request.post("/api/v1/reports/builder", { headers: doctor, data: PER_WARD_MONTH })).status()).toBe(
      403,
    );
  });
});
