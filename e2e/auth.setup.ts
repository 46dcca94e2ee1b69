import { expect, test as setup } from "@playwright/test";
import { PASSWORD, ROLE_NAMES, USERS, signIn, storageFor } from "./fixtures";

// Every role signs in through the real login page once; the other specs reuse the sessions.
// These are the run's first requests: each server loads the sign-in, session and dashboard code on
// first use, and a busy machine once took 29 s for the first sign-in. That is a slow start, not a
// failed sign-in, so these get a minute to land on the dashboard (the assertions are the same).
for (const role of ROLE_NAMES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    setup.setTimeout(120_000);
    await signIn(page, USERS[role], PASSWORD);
    await expect(page).toHaveURL(/\/dashboard$/, { timeout: 60_000 });
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Welcome", { timeout: 30_000 });
    await page.context().storageState({ path: storageFor(role) });
  });
}
