import { expect, test as setup } from "@playwright/test";
import { PASSWORD, ROLE_NAMES, USERS, signIn, storageFor } from "./fixtures";

// Every role signs in through the real login page once; the other specs reuse the sessions.
for (const role of ROLE_NAMES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, USERS[role], PASSWORD);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Welcome");
    await page.context().storageState({ path: storageFor(role) });
  });
}
