import { expect, test } from "@playwright/test";
import { DateTime } from "luxon";
import { screenshot, PASSWORD, USERS, bearer, demoDoctorId, linkIn, signIn, storageFor, waitForMail } from "./fixtures";

// Issue 15, sessions and sign-in (accounts), through the real UI and the mail that really went out:
// registration says nothing about who is already a patient, a new patient confirms the email
// before booking, breached passwords are refused on the field, and a password an admin set is
// changed at first sign-in. (The masked outbox link: staff.spec.ts.)

const SCREENS = ".test-artifacts/screens";
const STRONG = "harbour-violet-kettle-42";

// Each new person has a name of their own: a second account with the same name, birth date and sex
// would be held for a records officer to link (duplicates.spec.ts), not given a record.
async function fillRegistration(
  page: import("@playwright/test").Page,
  email: string,
  password = STRONG,
  name = ["Nora", "Newcomer"],
) {
  await page.goto("/register");
  await page.getByLabel("First name").fill(name[0]);
  await page.getByLabel("Last name").fill(name[1]);
  await page.getByLabel("Date of birth").fill("1991-03-04");
  await page.getByLabel("Sex").selectOption("female");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

test("registering with an existing email looks exactly like registering a new one; the owner is told by email", async ({
  page,
}) => {
  const answers: string[] = [];
  for (const email of [USERS.PATIENT, "nora.newcomer@example.org"]) {
    await fillRegistration(page, email);
    const answer = page.getByRole("status").filter({ hasText: "Check your email" });
    await expect(answer).toBeVisible();
    answers.push(await answer.innerText());
  }
  expect(answers[0]).toBe(answers[1]);
  expect(answers[0]).not.toMatch(/already|exists/i);
  await screenshot(page, { path: `${SCREENS}/register-check-email.png` });
  const owner = await waitForMail((m) => m.to.includes(USERS.PATIENT) && /Someone tried to register/.test(m.subject));
  expect(owner.text).toContain("/forgot-password");
  await waitForMail((m) => m.to.includes("nora.newcomer@example.org") && /Confirm your email/.test(m.subject));
  // The existing account is untouched: its own password still signs in.
  await signIn(page, USERS.PATIENT, PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("a new patient confirms the emailed link before booking or seeing the record", async ({ page, request }) => {
  const email = "cora.confirm@example.org";
  await fillRegistration(page, email, STRONG, ["Cora", "Confirm"]);
  await expect(page.getByRole("status").filter({ hasText: "Check your email" })).toBeVisible();
  const mail = await waitForMail((m) => m.to.includes(email) && /Confirm your email/.test(m.subject));

  await signIn(page, email, STRONG);
  await expect(page).toHaveURL(/\/register\/confirm$/);
  await expect(page.getByRole("heading", { name: "Confirm your email address" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await screenshot(page, { path: `${SCREENS}/confirm-email-pending.png` });
  for (const path of ["/dashboard", "/appointments", "/me/profile"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/register\/confirm$/);
  }
  // The API refuses with a code a client can act on.
  const token = (await (await request.post("/api/v1/auth/token", { data: { email, password: STRONG } })).json())
    .token as string;
  const doctorId = await demoDoctorId(request);
  const startsAt = `${DateTime.utc().plus({ days: 9 }).toISODate()}T10:00:00Z`;
  const refused = await request.post("/api/v1/appointments", { headers: bearer(token), data: { doctorId, startsAt } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe("EMAIL_UNCONFIRMED");
  // Asking for the link again works (and is counted).
  await page.goto("/register/confirm");
  await page.getByRole("button", { name: "Send the link again" }).click();
  await expect(page.getByText("A new link is on its way.")).toBeVisible();

  await page.goto(linkIn(mail, "/register/confirm"));
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByText("Your email address is confirmed.")).toBeVisible();
  await page.getByRole("link", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  const slots = await (
    await request.get(`/api/v1/doctors/${doctorId}/slots?date=${DateTime.utc().plus({ days: 9 }).toISODate()}`, {
      headers: bearer(token),
    })
  ).json();
  const free = (slots.items as { startsAt: string; free: boolean }[]).filter((s) => s.free);
  let status = 0;
  for (const s of free) {
    status = (
      await request.post("/api/v1/appointments", { headers: bearer(token), data: { doctorId, startsAt: s.startsAt } })
    ).status();
    if (status === 201) break;
  }
  expect(status).toBe(201);
});

test("a breached password is refused with a field error, and nothing is registered", async ({ page }) => {
  await fillRegistration(page, "nina.weak@example.org", "password1234");
  const field = page.getByLabel("Password");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(/too easy to guess|most commonly used/)).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Check your email" })).toHaveCount(0);
  await screenshot(page, { path: `${SCREENS}/register-weak-password.png` });
});

test.describe("admin", () => {
  test.use({ storageState: storageFor("ADMIN") });

  test("a staff member whose password the admin set must change it at first sign-in", async ({
    page,
    browser,
    request,
  }) => {
    await page.goto("/admin/staff/new");
    await page.getByLabel("Full name").fill("Nell Newnurse");
    await page.getByLabel("Email").fill("nell@demo.hospital");
    await page.getByLabel("Role").selectOption({ label: "Nurse" });
    await page.getByLabel("Initial password").fill("qwertyuiop12");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText(/most commonly used|too easy to guess/)).toBeVisible();
    await page.getByLabel("Initial password").fill("temporary-heron-4711");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/admin\/staff\/[^/?]+\?created=1$/);

    const nurse = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
    await signIn(nurse, "nell@demo.hospital", "temporary-heron-4711");
    await expect(nurse).toHaveURL(/\/change-password$/);
    await expect(nurse.getByRole("heading", { name: "Choose your own password" })).toBeVisible();
    await screenshot(nurse, { path: `${SCREENS}/forced-password-change.png` });
    await nurse.goto("/patients");
    await expect(nurse).toHaveURL(/\/change-password$/);
    const token = (
      await (
        await request.post("/api/v1/auth/token", {
          data: { email: "nell@demo.hospital", password: "temporary-heron-4711" },
        })
      ).json()
    ).token as string;
    const blocked = await request.get("/api/v1/patients", { headers: bearer(token) });
    expect(blocked.status()).toBe(403);
    expect((await blocked.json()).error.code).toBe("PASSWORD_CHANGE_REQUIRED");

    await nurse.getByLabel("Current password").fill("temporary-heron-4711");
    await nurse.getByLabel("New password", { exact: true }).fill("nell-own-quiet-harbour");
    await nurse.getByLabel("Repeat new password").fill("nell-own-quiet-harbour");
    await nurse.getByRole("button", { name: "Change password" }).click();
    await expect(nurse).toHaveURL(/\/login\?changed=1$/);
    await signIn(nurse, "nell@demo.hospital", "nell-own-quiet-harbour");
    await expect(nurse).toHaveURL(/\/dashboard$/);
    await nurse.goto("/patients");
    await expect(nurse).toHaveURL(/\/patients$/);
  });
});
