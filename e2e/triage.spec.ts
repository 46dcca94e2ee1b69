import { expect, test } from "@playwright/test";
import { screenshot, USERS, apiToken, bearer, storageFor } from "./fixtures";

test.describe("records officer", () => {
  test.use({ storageState: storageFor("RECORDS_OFFICER") });

  test("registers a patient using the triage box: a French complaint gets Pediatrics, the choice is recorded", async ({
    page,
    request,
  }) => {
    await page.goto("/patients/new");
    const box = page.getByTestId("triage-box");
    await box.getByLabel("Patient's problem").fill("Fièvre chez l'enfant depuis deux jours, il tousse");
    await box.getByRole("button", { name: "Suggest a department" }).click();
    await expect(box.getByTestId("triage-department")).toHaveText("Pediatrics");
    await expect(box.getByTestId("triage-result")).toContainText("Built-in rules");
    await expect(box.getByTestId("triage-result")).toContainText(/\d+ %/);
    await expect(box.getByLabel("Department")).toHaveValue(/.+/);
    await screenshot(page, { path: ".test-artifacts/screens/triage-box.png", fullPage: true });
    await box.getByRole("button", { name: "Use this department" }).click();
    await expect(box.getByTestId("triage-confirmed")).toHaveText("Pediatrics");

    await page.getByLabel("First name").fill("Théo");
    await page.getByLabel("Last name").fill("Martin");
    await page.getByLabel("Date of birth").fill("2021-05-14");
    await page.getByLabel("Sex").selectOption("male");
    await page.getByRole("button", { name: "Register patient" }).click();
    await expect(page).toHaveURL(/\/patients\/[^/]+\/edit$/);
    const patientId = page.url().split("/").at(-2)!;

    // The recommendation and the confirmation are both on the record's audit trail, with the new patient's id.
    const admin = bearer((await apiToken(request, USERS.ADMIN)).token);
    const audit = await (
      await request.get(`/api/v1/audit?patientId=${patientId}&entity=Triage`, { headers: admin })
    ).json();
    const actions = (audit.items as { action: string; entity: string }[])
      .filter((e) => e.entity === "Triage")
      .map((e) => e.action);
    expect(actions).toContain("UPDATE");
  });

  test("the staff member may pick another department than the suggestion", async ({ page }) => {
    await page.goto("/patients/new");
    const box = page.getByTestId("triage-box");
    await box.getByLabel("Patient's problem").fill("Bras cassé en tombant de vélo");
    await box.getByRole("button", { name: "Suggest a department" }).click();
    await expect(box.getByTestId("triage-department")).toHaveText("Orthopedics");
    await box.getByLabel("Department").selectOption({ label: "Emergency" });
    await box.getByRole("button", { name: "Use this department" }).click();
    await expect(box.getByTestId("triage-confirmed")).toHaveText("Emergency");
    await box.getByRole("button", { name: "Change" }).click();
    await expect(box.getByTestId("triage-result")).toBeVisible();
  });
});

test("POST /api/v1/triage: recommendation with source rules, field errors, red flags", async ({ request }) => {
  const nurse = bearer((await apiToken(request, USERS.NURSE)).token);
  const ok = await request.post("/api/v1/triage", {
    headers: nurse,
    data: { problem: "Douleur thoracique avec essoufflement et sueurs" },
  });
  expect(ok.status(), await ok.text()).toBe(201);
  const body = await ok.json();
  expect(body).toMatchObject({ department: { name: "Emergency" }, source: "rules" });
  expect(body.id).toEqual(expect.any(String));
  expect(body.department.id).toEqual(expect.any(String));
  expect(body.confidence).toBeGreaterThan(0.5);
  expect(body.plannedStayDays).toBeGreaterThan(0);

  const bad = await request.post("/api/v1/triage", { headers: nurse, data: { problem: "ab" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatchObject({
    code: "VALIDATION_FAILED",
    fields: { problem: "Describe the problem in at least 3 characters" },
  });
  const unknown = await request.post("/api/v1/triage", {
    headers: nurse,
    data: { problem: "headache", patientId: "no-such-patient" },
  });
  expect(unknown.status()).toBe(404);

  const patient = bearer((await apiToken(request, USERS.PATIENT)).token);
  expect((await request.post("/api/v1/triage", { headers: patient, data: { problem: "headache" } })).status()).toBe(
    403,
  );
});
