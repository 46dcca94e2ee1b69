import { expect, test } from "@playwright/test";
import { screenshot, linkIn, signIn, storageFor, waitForMail } from "./fixtures";

// Issue 17, verified self-registration through the real UI and the mail that really went out: a
// person registers with the identity of an existing patient (Amara Bello, seeded with a severe
// penicillin allergy and no account), confirms the email, and is told the account is being matched
// — no second record, nobody's data. The records officer links the account on the duplicates
// worklist; the patient then sees the record's allergies.

const SCREENS = ".test-artifacts/screens";
const EMAIL = "amara.online@example.org";
const PASSWORD = "marigold-lantern-harbour-77";

test("a patient registering with an existing identity is held until the records officer links the record", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.goto("/register");
  await page.getByLabel("First name").fill("amara");
  await page.getByLabel("Last name").fill("BELLO");
  await page.getByLabel("Date of birth").fill("1978-06-03");
  await page.getByLabel("Sex").selectOption("female");
  await page.getByLabel("Phone").fill("+228 90 55 01 23");
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Check your email" })).toBeVisible();

  const mail = await waitForMail((m) => m.to.includes(EMAIL) && /Confirm your email/.test(m.subject));
  await signIn(page, EMAIL, PASSWORD);
  await expect(page).toHaveURL(/\/register\/confirm$/);
  await page.goto(linkIn(mail, "/register/confirm"));
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByText("Your email address is confirmed.")).toBeVisible();
  await page.getByRole("link", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  // Pending: the notice on every own page, no record, and the API says why.
  for (const path of ["/dashboard", "/me/health", "/me/profile"]) {
    await page.goto(path);
    await expect(page.getByText("We are matching your account to your hospital record"), path).toBeVisible();
    await expect(page.getByText("Penicillin"), path).toHaveCount(0);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(page, { path: `${SCREENS}/duplicates-pending-notice.png` });
  const me = await page.request.get("/api/v1/patients/me");
  expect(me.status()).toBe(409);
  expect((await me.json()).error.code).toBe("PENDING_LINK");

  // The records officer links the account on the worklist.
  const officer = await browser.newContext({ storageState: storageFor("RECORDS_OFFICER") });
  const desk = await officer.newPage();
  await desk.goto("/dashboard");
  await desk.getByRole("navigation").getByRole("link", { name: "Possible duplicates" }).first().click();
  await expect(desk).toHaveURL(/\/patients\/duplicates$/);
  const request = desk.getByRole("listitem", { name: "Account: amara BELLO" });
  await expect(request).toBeVisible();
  await expect(request.getByText(EMAIL)).toBeVisible();
  for (const width of [1280, 768]) {
    await desk.setViewportSize({ width, height: 900 });
    await screenshot(desk, { path: `${SCREENS}/duplicates-worklist-${width}.png`, fullPage: true });
  }
  const link = request.getByRole("button", { name: /^Link to H-\d+$/ });
  await expect(link).toHaveCount(1);
  const label = (await link.innerText()).trim();
  await link.click();
  const dialog = desk.getByRole("dialog");
  await expect(dialog).toContainText("They will see that record's history.");
  await dialog.getByRole("button", { name: label }).click();
  await expect(desk.getByText("No accounts waiting.")).toBeVisible();
  await officer.close();

  // The patient now sees the existing record and its allergy.
  await page.goto("/me/profile");
  await expect(page.getByText("We are matching your account to your hospital record")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Allergies" })).toContainText("Penicillin");
  await expect(page.getByText(label.replace("Link to ", ""))).toBeVisible();
  expect((await page.request.get("/api/v1/patients/me")).status()).toBe(200);
  await screenshot(page, { path: `${SCREENS}/duplicates-linked-profile.png` });
});
