import { expect, test as setup } from "@playwright/test";
import { PASSWORD, ROLE_NAMES, USERS, signIn, storageFor } from "./fixtures";

// Every role signs in through the real login page once; the other specs reuse the sessions.
for (const role of ROLE_NAMES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    // The first sign-ins meet a cold server; on a busy machine they took over 10 s (load 17 on 2 cores).
    await signIn(page, USERS[role], PASSWORD);
    await expect(page).toHaveURL(/\/dashboard$/, { timeout: 60_000 });
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Welcome", { timeout: 30_000 });
    await page.context().storageState({ path: storageFor(role) });
  });
}
