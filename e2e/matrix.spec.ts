import { expect, test } from "@playwright/test";
import { ROLE_NAMES, apiToken, bearer, routeIds, storageFor, USERS, walkTimeout } from "./fixtures";
import { API, PAGES, withIds } from "./routes";

// Role × route: every allow and every deny, for pages (a denied page looks absent: 404) and for the
// API (403 FORBIDDEN), plus anonymous visitors (sign-in redirect, 401).

for (const role of ROLE_NAMES) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageFor(role) });

    test("pages", async ({ page, request }) => {
      // Every page of the table, one after the other: more than the default 30 s on a busy machine.
      test.setTimeout(walkTimeout(PAGES.length));
      const ids = await routeIds(request);
      for (const { path: pattern, roles } of PAGES) {
        const path = withIds(pattern, ids);
        const res = await page.goto(path);
        const allowed = roles.includes(role);
        expect(res?.status(), `${role} ${path}`).toBe(allowed ? 200 : 404);
        if (allowed) await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        else await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
      }
    });

    test("API with a bearer token", async ({ request }) => {
      const { token } = await apiToken(request, USERS[role]);
      for (const { method, path, roles, okStatus = 200 } of API) {
        const res = await request.fetch(path, { method, headers: bearer(token) });
        const allowed = roles.includes(role);
        expect(res.status(), `${role} ${method} ${path}`).toBe(allowed ? okStatus : 403);
        if (!allowed) expect((await res.json()).error.code).toBe("FORBIDDEN");
      }
    });

    test("API with the session cookie", async ({ page }) => {
      for (const { method, path, roles, okStatus = 200 } of API) {
        const res = await page.request.fetch(path, { method });
        expect(res.status(), `${role} ${method} ${path}`).toBe(roles.includes(role) ? okStatus : 403);
      }
    });
  });
}

test.describe("anonymous", () => {
  test("every page redirects to the sign-in page", async ({ page, request }) => {
    test.setTimeout(walkTimeout(PAGES.length));
    const ids = await routeIds(request);
    for (const { path } of PAGES) {
      await page.goto(withIds(path, ids));
      await expect(page, path).toHaveURL(/\/login/);
    }
  });

  test("every API route answers 401 JSON", async ({ request }) => {
    for (const { method, path } of API) {
      const res = await request.fetch(path, { method });
      expect(res.status(), `${method} ${path}`).toBe(401);
      expect(await res.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: "Please sign in." } });
    }
  });
});
