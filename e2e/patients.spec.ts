import { expect, test } from "@playwright/test";
import {
  screenshot,
  PASSWORD,
  USERS,
  apiToken,
  bearer,
  linkIn,
  registerPatient,
  signIn,
  storageFor,
  waitForMail,
} from "./fixtures";

test.describe("records officer", () => {
  test.use({ storageState: storageFor("RECORDS_OFFICER") });

  test("registers a patient with an allergy, then is warned about a duplicate", async ({ page }) => {
    await page.goto("/patients");
    await page.getByRole("link", { name: "Register a patient" }).click();
    await page.getByLabel("First name").fill("Kwame");
    await page.getByLabel("Last name").fill("Asante");
    await page.getByLabel("Date of birth").fill("1978-03-09");
    await page.getByLabel("Sex").selectOption("male");
    await page.getByLabel("Phone", { exact: true }).first().fill("+233 20 555 0101");
    // Clinical fields are neither shown nor sent to a records officer (the service would refuse them).
    await expect(page.getByLabel("Blood group")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Add a condition" })).toHaveCount(0);
    await page.getByRole("button", { name: "Add an allergy" }).click();
    await page.getByLabel("Substance").fill("Penicillin");
    await page.getByLabel("Severity").selectOption("severe");
    await screenshot(page, { path: ".test-artifacts/screens/register-patient.png", fullPage: true });
    await page.getByRole("button", { name: "Register patient" }).click();

    // Records officers see demographics: they land on the record's edit page, allergy banner on top.
    await expect(page).toHaveURL(/\/patients\/[^/]+\/edit$/);
    await expect(page.getByRole("heading", { name: "Asante, Kwame" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Allergies" })).toContainText("Penicillin");
    await expect(page.getByText(/H-\d{6}/)).toBeVisible();

    await page.goto("/patients/new");
    await page.getByLabel("First name").fill("kwame");
    await page.getByLabel("Last name").fill("ASANTE");
    await page.getByLabel("Date of birth").fill("1978-03-09");
    await page.getByLabel("Sex").selectOption("male");
    await page.getByRole("button", { name: "Register patient" }).click();
    const warning = page.getByRole("alert").filter({ hasText: "Possible existing records" });
    await expect(warning).toBeVisible();
    await expect(warning.getByRole("link", { name: "Asante, Kwame" })).toBeVisible();
    await screenshot(page, { path: ".test-artifacts/screens/duplicate-warning.png", fullPage: true });
    await warning.getByRole("button", { name: "Register as a new patient anyway" }).click();
    await expect(page).toHaveURL(/\/patients\/[^/]+\/edit$/);
  });

  test("has no diagnosis filter in the patient list", async ({ page }) => {
    await page.goto("/patients?condition=hypertension");
    await expect(page.getByLabel("Search by name, MRN or phone")).toBeVisible();
    await expect(page.locator("#patient-condition")).toHaveCount(0);
  });

  test("sees bad input field by field and nothing is written", async ({ page }) => {
    await page.goto("/patients/new");
    await page.getByLabel("Last name").fill("Nobody");
    await page.getByLabel("Date of birth").fill("2999-01-01");
    await page.getByRole("button", { name: "Register patient" }).click();
    await expect(page.getByText("The date of birth cannot be in the future")).toBeVisible();
    await expect(page.getByText("Choose female, male, other or unknown")).toBeVisible();
    await expect(page.getByLabel("First name")).toHaveAttribute("aria-invalid", "true");
    await page.goto("/patients?q=Nobody");
    await expect(page.getByText("No patients match.")).toBeVisible();
  });
});

test.describe("doctor", () => {
  test.use({ storageState: storageFor("DOCTOR") });

  test("finds a patient as they type and opens the chart", async ({ page }) => {
    await page.goto("/patients");
    await page.getByLabel("Search by name, MRN or phone").fill("Patie");
    await expect(page).toHaveURL(/q=Patie/);
    await page.getByRole("link", { name: "Patient, Sam" }).click();
    await expect(page.getByRole("heading", { name: "Patient, Sam" })).toBeVisible();
    await screenshot(page, { path: ".test-artifacts/screens/chart.png", fullPage: true });
    // The wristband code and the timeline are tabs of the chart, each at its own address.
    const tabs = page.getByRole("navigation", { name: "Chart sections" });
    await tabs.getByRole("link", { name: "Documents & QR" }).click();
    await expect(page).toHaveURL(/\/patients\/[^/]+\/documents$/);
    await expect(page.getByRole("img", { name: "Wristband code" })).toBeVisible();
    await tabs.getByRole("link", { name: "Visits & notes" }).click();
    await expect(page).toHaveURL(/\/patients\/[^/]+\/visits$/);
    await expect(page.getByText("Registered as H-")).toBeVisible();
  });
});

test("a patient registers themself, confirms the emailed link, signs in, and edits their contact details", async ({
  page,
}) => {
  await page.goto("/login");
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("First name").fill("Efua");
  await page.getByLabel("Last name").fill("Mensah");
  await page.getByLabel("Date of birth").fill("1995-11-30");
  await page.getByLabel("Sex").selectOption("female");
  await page.getByLabel("Email").fill("efua.mensah@example.org");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("At least 10 characters").or(page.getByText("Use at least 10 characters"))).toBeVisible();
  await page.getByLabel("Password").fill("efua-long-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Check your email" })).toBeVisible();
  const mail = await waitForMail(
    (m) => m.to.includes("efua.mensah@example.org") && /Confirm your email/.test(m.subject),
  );
  await page.goto(linkIn(mail, "/register/confirm"));
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByText("Your email address is confirmed.")).toBeVisible();
  await signIn(page, "efua.mensah@example.org", "efua-long-password");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Your record" })).toBeVisible();

  await page.getByRole("link", { name: "My profile" }).click();
  await page.getByLabel("Phone", { exact: true }).first().fill("+233 24 000 1111");
  await page.getByLabel("Address").fill("12 Ring Road, Accra");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Your contact details were saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Address")).toHaveValue("12 Ring Road, Accra");
  await screenshot(page, { path: ".test-artifacts/screens/my-profile.png", fullPage: true });
});

test.describe("patients API", () => {
  test("registers, refuses bad input with fields and writes nothing, and flags duplicates", async ({ request }) => {
    const { token } = await apiToken(request, USERS.RECORDS_OFFICER);
    const h = bearer(token);
    const before = (await (await request.get("/api/v1/patients?q=Apitest", { headers: h })).json()).total;
    const bad = await request.post("/api/v1/patients", {
      headers: h,
      data: { firstName: "Apitest", dateOfBirth: "12/01/1990", sex: "x" },
    });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.fields).toMatchObject({
      lastName: "Required",
      dateOfBirth: "Enter a valid date",
      sex: expect.any(String),
    });
    expect((await (await request.get("/api/v1/patients?q=Apitest", { headers: h })).json()).total).toBe(before);

    // A records officer works with demographics and allergies: clinical fields are refused, each named, and nothing is written.
    const clinical = await request.post("/api/v1/patients", {
      headers: h,
      data: {
        firstName: "Apitest",
        lastName: "Person",
        dateOfBirth: "1990-01-12",
        sex: "female",
        conditions: ["Asthma"],
        bloodGroup: "O+",
      },
    });
    expect(clinical.status()).toBe(403);
    expect((await clinical.json()).error.fields).toEqual({
      conditions: "Your role may not change this clinical field",
      bloodGroup: "Your role may not change this clinical field",
    });
    expect((await (await request.get("/api/v1/patients?q=Apitest", { headers: h })).json()).total).toBe(before);

    const body = {
      firstName: "Apitest",
      lastName: "Person",
      dateOfBirth: "1990-01-12",
      sex: "female",
      allergies: [{ substance: "Latex", severity: "mild" }],
    };
    const created = await request.post("/api/v1/patients", { headers: h, data: body });
    expect(created.status()).toBe(201);
    expect(await created.json()).toMatchObject({ id: expect.any(String), mrn: expect.stringMatching(/^H-\d{6}$/) });
    const dup = await request.post("/api/v1/patients", { headers: h, data: body });
    expect(dup.status()).toBe(409);
    expect((await dup.json()).error).toMatchObject({
      code: "DUPLICATE",
      details: { candidates: [expect.objectContaining({ firstName: "Apitest" })] },
    });
  });

  test("a records officer can neither change clinical fields nor search by diagnosis; a doctor can", async ({
    request,
  }) => {
    const records = bearer((await apiToken(request, USERS.RECORDS_OFFICER)).token);
    const doctor = bearer((await apiToken(request, USERS.DOCTOR)).token);
    const id = (await (await request.get("/api/v1/patients?q=Sam", { headers: doctor })).json()).items[0].id;
    const before = await (await request.get(`/api/v1/patients/${id}`, { headers: doctor })).json();

    const patch = await request.patch(`/api/v1/patients/${id}`, {
      headers: records,
      data: { conditions: [], medicalHistory: null, bloodGroup: "AB-", phone: "+233 20 555 0199" },
    });
    expect(patch.status()).toBe(403);
    expect((await patch.json()).error).toMatchObject({
      code: "FORBIDDEN",
      fields: { conditions: expect.any(String), medicalHistory: expect.any(String), bloodGroup: expect.any(String) },
    });
    const after = await (await request.get(`/api/v1/patients/${id}`, { headers: doctor })).json();
    expect(after.clinical).toEqual(before.clinical);
    expect(after.phone).toBe(before.phone);
    // Demographics alone go through, and the record a records officer reads has no clinical part.
    const ok = await request.patch(`/api/v1/patients/${id}`, {
      headers: records,
      data: { emergencyContactRelation: "Sibling" },
    });
    expect(ok.status()).toBe(200);
    expect((await ok.json()).clinical).toBeNull();

    const search = await request.get("/api/v1/patients?condition=hypertension", { headers: records });
    expect(search.status()).toBe(400);
    expect((await search.json()).error.fields).toEqual({ condition: "Your role may not search patients by diagnosis" });
    const pharmacist = bearer((await apiToken(request, USERS.PHARMACIST)).token);
    expect((await request.get("/api/v1/patients?condition=hypertension", { headers: pharmacist })).status()).toBe(400);
    expect((await request.get("/api/v1/patients?condition=hypertension", { headers: doctor })).status()).toBe(200);
  });

  test("a patient reads only their own record: another's is 404", async ({ request }) => {
    const data = {
      email: "api.patient@example.org",
      password: "violet-kettle-api-2026",
      firstName: "Api",
      lastName: "Patient",
      dateOfBirth: "1999-09-09",
      sex: "other",
    };
    await registerPatient(request, data);
    // Registering the address again answers exactly as for a new one (accounts.spec.ts), and changes nothing.
    const again = await request.post("/api/v1/auth/register", { data: { ...data, firstName: "Other" } });
    expect(again.status()).toBe(202);

    const mine = await apiToken(request, "api.patient@example.org", data.password);
    const me = await request.get("/api/v1/patients/me", { headers: bearer(mine.token) });
    expect(me.status()).toBe(200);
    const record = await me.json();
    expect(record).toMatchObject({ firstName: "Api", mrn: expect.stringMatching(/^H-\d{6}$/) });

    const staff = await apiToken(request, USERS.DOCTOR);
    const list = await (await request.get("/api/v1/patients?q=Sam", { headers: bearer(staff.token) })).json();
    const other = list.items[0].id;
    const res = await request.get(`/api/v1/patients/${other}`, { headers: bearer(mine.token) });
    expect(res.status()).toBe(404);
    expect((await res.json()).error.code).toBe("NOT_FOUND");
    expect((await request.get(`/api/v1/patients/${other}/history`, { headers: bearer(mine.token) })).status()).toBe(
      404,
    );
    expect((await request.get(`/api/v1/patients/${record.id}/history`, { headers: bearer(mine.token) })).status()).toBe(
      200,
    );
  });

  test("an admin sees chart reads in the audit trail, and the chain verifies", async ({ request, page }) => {
    const doc = await apiToken(request, USERS.DOCTOR);
    const list = await (await request.get("/api/v1/patients?q=Sam", { headers: bearer(doc.token) })).json();
    const id = list.items[0].id;
    expect((await request.get(`/api/v1/patients/${id}`, { headers: bearer(doc.token) })).status()).toBe(200);
    const admin = await apiToken(request, USERS.ADMIN, PASSWORD);
    const audit = await (await request.get(`/api/v1/audit?patientId=${id}`, { headers: bearer(admin.token) })).json();
    expect(audit.items[0]).toMatchObject({ action: "VIEW", entity: "Patient", actorId: doc.userId });
    await page.goto("/login");
    await page.getByLabel("Email").fill(USERS.ADMIN);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.goto(`/admin/audit?patientId=${id}`);
    await expect(page.getByText(/Chain verified: \d+ events/)).toBeVisible();
    await expect(page.getByRole("cell", { name: "VIEW" }).first()).toBeVisible();
  });
});

test("the wristband QR link opens the chart for clinical staff only", async ({ browser, request }) => {
  const doc = await apiToken(request, USERS.DOCTOR);
  const list = await (await request.get("/api/v1/patients?q=Sam", { headers: bearer(doc.token) })).json();
  const record = await (
    await request.get(`/api/v1/patients/${list.items[0].id}`, { headers: bearer(doc.token) })
  ).json();
  const link = `/p/${record.qrToken}`;

  const nurse = await browser.newContext({ storageState: storageFor("NURSE") });
  const nursePage = await nurse.newPage();
  await nursePage.goto(link);
  await expect(nursePage).toHaveURL(new RegExp(`/patients/${record.id}$`));
  await expect(nursePage.getByRole("heading", { name: "Patient, Sam" })).toBeVisible();

  const patient = await browser.newContext({ storageState: storageFor("PATIENT") });
  const res = await (await patient.newPage()).goto(link);
  expect(res?.status()).toBe(404);

  const anonymous = await browser.newContext();
  const anonPage = await anonymous.newPage();
  await anonPage.goto(link);
  await expect(anonPage).toHaveURL(/\/login/);
  await Promise.all([nurse.close(), patient.close(), anonymous.close()]);
});
