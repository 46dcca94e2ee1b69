import { expect, test } from "@playwright/test";
import { screenshot, PASSWORD, USERS, apiToken, bearer, linkIn, signIn, storageFor, waitForMail } from "./fixtures";

const SCREENS = ".test-artifacts/screens";

test.describe("admin", () => {
  test.use({ storageState: storageFor("ADMIN") });

  test("invites a doctor, who sets a password from the emailed link (the outbox shows it masked) and signs in; deactivation ends the doctor's session", async ({
    page,
    browser,
  }) => {
    await page.goto("/admin/staff/new");
    await page.getByLabel("Full name").fill("Dr. Iris Invited");
    await page.getByLabel("Email").fill("iris@demo.hospital");
    await page.getByLabel("Role").selectOption({ label: "Doctor" });
    await page.getByLabel("Department").selectOption({ label: "Cardiology" });
    await page.getByRole("button", { name: "Create account" }).click();
    // A doctor needs a specialty: refused inline, and what was typed stays.
    await expect(page.getByText("Enter the doctor's specialty")).toBeVisible();
    await expect(page.getByLabel("Full name")).toHaveValue("Dr. Iris Invited");
    await page.getByLabel("Specialty").fill("Dermatology");
    await page.getByLabel("Years of experience").fill("7");
    // Money is typed in currency units (stored as 4500 minor units, shown back as 45.00).
    await page.getByLabel("Consultation fee (USD)").fill("45.00");
    await screenshot(page, { path: `${SCREENS}/admin-staff-new.png`, fullPage: true });
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/admin\/staff\/[^/?]+\?created=1$/);
    await expect(page.getByText("An invitation email with a set-password link was sent")).toBeVisible();
    const staffUrl = page.url().replace(/\?.*$/, "");
    await expect(page.getByLabel("Consultation fee (USD)")).toHaveValue("45.00");

    await page.goto("/admin/outbox");
    const row = page.getByRole("row").filter({ hasText: "iris@demo.hospital" });
    // The e2e run has SMTP (scripts/test.ts): the invitation really went out, and the outbox keeps a copy.
    await expect(row.getByText("Sent", { exact: true })).toBeVisible();
    const mail = await waitForMail((m) => m.to.includes("iris@demo.hospital"));
    expect(mail.text).toContain("/set-password/");
    await screenshot(page, { path: `${SCREENS}/admin-outbox.png`, fullPage: true });
    await row.getByRole("link").click();
    // Issue 15: the outbox (anyone with outbox.read) shows the link masked, never a working one…
    await expect(page.getByRole("link", { name: /\/set-password\/•+$/ })).toBeVisible();
    expect(await page.content()).not.toMatch(/\/set-password\/[A-Za-z0-9_-]{43}/);
    await screenshot(page, { path: `${SCREENS}/admin-outbox-masked.png`, fullPage: true });
    // …and only the email that reached the doctor over SMTP carries it.
    const href = linkIn(mail, "/set-password");

    const doctor = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
    await doctor.goto(href);
    await expect(doctor.getByText("Hello Dr. Iris Invited")).toBeVisible();
    await doctor.getByLabel("New password", { exact: true }).fill("iris-secret-2026");
    await doctor.getByLabel("Repeat new password").fill("iris-secret-2026");
    await screenshot(doctor, { path: `${SCREENS}/set-password.png` });
    await doctor.getByRole("button", { name: "Set password" }).click();
    await expect(doctor.getByText("Your password is set.")).toBeVisible();
    // Single use: the same link now explains itself instead of offering the form.
    await doctor.goto(href);
    await expect(doctor.getByText("This link is invalid, has expired or was already used.")).toBeVisible();
    await signIn(doctor, "iris@demo.hospital", "iris-secret-2026");
    await expect(doctor).toHaveURL(/\/dashboard$/);
    await doctor.goto("/doctors?specialty=Dermatology");
    await expect(doctor.getByRole("main").getByText("Dr. Iris Invited")).toBeVisible();

    await page.goto(staffUrl);
    await page.getByLabel("Reason").fill("Contract ended");
    await page.getByRole("button", { name: "Deactivate account" }).click();
    await page
      .getByRole("dialog", { name: "Deactivate this account?" })
      .getByRole("button", { name: "Deactivate" })
      .click();
    await expect(page.getByRole("button", { name: "Reactivate account" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "Deactivated: Contract ended" })).toBeVisible();
    await screenshot(page, { path: `${SCREENS}/admin-staff-detail.png`, fullPage: true });

    await doctor.goto("/doctors");
    await expect(doctor).toHaveURL(/\/login/);
  });

  test("creates a department, and a duplicate name is refused on the field", async ({ page }) => {
    await page.goto("/admin/departments");
    await page.getByLabel("Name").fill("Dermatology");
    await page.getByLabel("Description").fill("Skin, hair and nails");
    await page.getByRole("button", { name: "Create department" }).click();
    await expect(page.getByText("Department created.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Dermatology" })).toBeVisible();
    await page.getByLabel("Name").fill("Cardiology");
    await page.getByRole("button", { name: "Create department" }).click();
    await expect(page.getByText("A department with this name already exists")).toBeVisible();
    await screenshot(page, { path: `${SCREENS}/admin-departments.png`, fullPage: true });
  });

  test("filters the staff list by role", async ({ page }) => {
    await page.goto("/admin/staff");
    await page.getByLabel("Role").selectOption({ label: "Nurse" });
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/role=NURSE/);
    await expect(page.getByRole("link", { name: "Nina Nurse" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Ada Admin" })).toHaveCount(0);
    await screenshot(page, { path: `${SCREENS}/admin-staff.png`, fullPage: true });
  });
});

test.describe("patient", () => {
  test.use({ storageState: storageFor("PATIENT") });
  test("finds a doctor by specialty", async ({ page }) => {
    await page.goto("/dashboard");
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Doctors" }).click();
    await page.getByRole("navigation", { name: "Specialties" }).getByRole("link", { name: "Cardiology" }).click();
    await expect(page.getByText("Dr. Grace Okafor")).toBeVisible();
    await screenshot(page, { path: `${SCREENS}/patient-doctors.png`, fullPage: true });
  });
});

test("forgot password answers the same sentence for a known and an unknown email", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  const answers: string[] = [];
  for (const email of [USERS.NURSE, "nobody@demo.hospital"]) {
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send the link" }).click();
    const answer = page.getByRole("status");
    await expect(answer).toBeVisible();
    answers.push(await answer.innerText());
  }
  expect(answers[0]).toBe(answers[1]);
  await screenshot(page, { path: `${SCREENS}/forgot-password.png` });
  // Asking changes nothing until the link is used.
  await signIn(page, USERS.NURSE, PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("the staff API creates (201, no password hash), refuses bad input (400, nothing written) and duplicates (409)", async ({
  request,
}) => {
  const { token } = await apiToken(request, USERS.ADMIN);
  const h = bearer(token);
  const body = { name: "Nurse Api", email: "nurse.api@demo.hospital", role: "NURSE", password: "api-created-2026" };
  const res = await request.post("/api/v1/staff", { headers: h, data: body });
  expect(res.status()).toBe(201);
  const created = await res.json();
  expect(created).toMatchObject({
    id: expect.any(String),
    email: "nurse.api@demo.hospital",
    role: "NURSE",
    active: true,
    hasPassword: true,
  });
  expect(JSON.stringify(created)).not.toMatch(/passwordHash|api-created-2026/);

  const bad = await request.post("/api/v1/staff", { headers: h, data: { name: "", email: "x", role: "PATIENT" } });
  expect(bad.status()).toBe(400);
  expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(["email", "name", "role"]);
  const dup = await request.post("/api/v1/staff", { headers: h, data: body });
  expect(dup.status()).toBe(409);
  expect((await dup.json()).error).toMatchObject({
    code: "DUPLICATE",
    fields: { email: "An account with this email already exists" },
  });
  const list = await (await request.get("/api/v1/staff?q=nurse.api", { headers: h })).json();
  expect(list.total).toBe(1);

  const patch = await request.patch(`/api/v1/staff/${created.id}`, { headers: h, data: { name: "Nurse Api-Renamed" } });
  expect(patch.status()).toBe(200);
  expect((await patch.json()).name).toBe("Nurse Api-Renamed");
  const doctors = await request.get("/api/v1/doctors?q=okafor&specialty=Cardiology", { headers: h });
  expect((await doctors.json()).items.map((d: { name: string }) => d.name)).toEqual(["Dr. Grace Okafor"]);
});
