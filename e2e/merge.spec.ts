import { expect, test } from "@playwright/test";
import { screenshot, USERS, apiToken, bearer, storageFor } from "./fixtures";

// A records officer merges a duplicate record into the one that stays, through the merge page.
test.describe("patient merge", () => {
  test.use({ storageState: storageFor("RECORDS_OFFICER") });

  test("a records officer merges two records: preview side by side, confirm, the duplicate's MRN opens the survivor", async ({
    page,
    request,
  }) => {
    const { token } = await apiToken(request, USERS.RECORDS_OFFICER);
    const tag = `${Date.now().toString(36)}`.replace(/\d/g, (d) => "abcdefghij"[Number(d)]);
    const last = `Mergetest${tag}`;
    const create = async (firstName: string, extra: Record<string, unknown>) => {
      const res = await request.post("/api/v1/patients", {
        headers: bearer(token),
        data: { firstName, lastName: last, dateOfBirth: "1971-05-06", sex: "female", confirmDuplicate: true, ...extra },
      });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()) as { id: string; mrn: string };
    };
    const survivor = await create("Adjoa", { phone: "+233205550199" });
    const duplicate = await create("Adjoa", { allergies: [{ substance: "Sulfonamides", severity: "severe" }] });

    for (const width of [1280, 768]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/patients/${survivor.id}/edit`);
      await page.getByRole("link", { name: "Merge with another record…" }).click();
      await expect(page).toHaveURL(new RegExp(`/patients/${survivor.id}/merge$`));
      await page.getByLabel("MRN of the duplicate record").fill(duplicate.mrn.toLowerCase());
      await page.getByRole("button", { name: "Compare" }).click();
      await expect(page).toHaveURL(new RegExp(`duplicateId=${duplicate.id}`));
      await expect(page.locator(`[data-merge-side="${survivor.id}"]`)).toContainText(survivor.mrn);
      await expect(page.locator(`[data-merge-side="${duplicate.id}"]`)).toContainText(duplicate.mrn);
      await expect(page.locator('[data-move="allergies"]')).toContainText("1");
      await expect(page.getByText("No conflicts: the records can be merged.")).toBeVisible();
      await screenshot(page, { path: `.test-artifacts/screens/merge-preview-${width}.png`, fullPage: true });
    }

    await page.getByRole("button", { name: "Merge records" }).click();
    const dialog = page.getByRole("dialog", { name: "Merge these records?" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Merge", exact: true }).click();
    await expect(page.locator("[data-merge-result]")).toContainText(
      `${duplicate.mrn} was merged into ${survivor.mrn}.`,
    );
    await screenshot(page, { path: ".test-artifacts/screens/merge-done.png", fullPage: true });

    // The allergy moved to the record that stays.
    await page.getByRole("link", { name: "Open the record" }).first().click();
    await expect(page.getByRole("region", { name: "Allergies" })).toContainText("Sulfonamides");

    // The duplicate's MRN finds the survivor in the patient list.
    await page.goto(`/patients?q=${encodeURIComponent(duplicate.mrn)}`);
    await expect(page.getByRole("cell", { name: survivor.mrn })).toBeVisible();

    // The duplicate says where it went.
    await page.goto(`/patients/${duplicate.id}/edit`);
    const notice = page.locator("[data-merged-notice]");
    await expect(notice).toContainText(`This record was merged into ${survivor.mrn}.`);
    await notice.getByRole("link", { name: `Open ${survivor.mrn}` }).click();
    await expect(page).toHaveURL(new RegExp(`/patients/${survivor.id}/edit$`));
  });
});

test.describe("undoing a merge", () => {
  test.use({ storageState: storageFor("ADMIN") });

  test("an admin sees the merged notice on the duplicate's chart and undoes the merge from the survivor's chart", async ({
    page,
    request,
  }) => {
    const { token } = await apiToken(request, USERS.ADMIN);
    const tag = `${Date.now().toString(36)}`.replace(/\d/g, (d) => "abcdefghij"[Number(d)]);
    const create = async () => {
      const res = await request.post("/api/v1/patients", {
        headers: bearer(token),
        data: {
          firstName: "Kofi",
          lastName: `Undotest${tag}`,
          dateOfBirth: "1966-02-03",
          sex: "male",
          confirmDuplicate: true,
        },
      });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()) as { id: string; mrn: string };
    };
    const survivor = await create();
    const duplicate = await create();
    const merged = await request.post(`/api/v1/patients/${survivor.id}/merge`, {
      headers: bearer(token),
      data: { duplicateId: duplicate.id },
    });
    expect(merged.status(), await merged.text()).toBe(200);

    await page.goto(`/patients/${duplicate.id}`);
    await expect(page.locator("[data-merged-notice]")).toContainText(`This record was merged into ${survivor.mrn}.`);
    await page
      .locator("[data-merged-notice]")
      .getByRole("link", { name: `Open ${survivor.mrn}` })
      .click();
    await expect(page).toHaveURL(new RegExp(`/patients/${survivor.id}$`));
    const undo = page.locator("[data-undo-merge]");
    await expect(undo).toContainText(`${duplicate.mrn} was merged into this record`);
    await screenshot(page, { path: ".test-artifacts/screens/merge-undo.png", fullPage: true });
    await undo.getByRole("button", { name: "Undo the merge" }).click();
    const dialog = page.getByRole("dialog", { name: "Undo this merge?" });
    await dialog.getByRole("button", { name: "Undo", exact: true }).click();
    await expect(page.getByText("The merge was undone.")).toBeVisible();

    await page.goto(`/patients/${duplicate.id}`);
    await expect(page.getByRole("heading", { name: new RegExp(`Undotest${tag}`) }).first()).toBeVisible();
    await expect(page.locator("[data-merged-notice]")).toHaveCount(0);
  });
});
