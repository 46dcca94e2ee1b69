import { expect, test } from "@playwright/test";
import { ROLE_NAMES, apiToken, bearer, parts, routeIds, storageFor, USERS, walkTimeout } from "./fixtures";
import { API, PAGES, withIds } from "./routes";

// Role × route: every allow and every deny for the API (403 FORBIDDEN), every deny for pages (a
// denied page looks absent: 404; each allowed page is opened by e2e/pages.spec.ts's walk), plus
// anonymous visitors (sign-in redirect, 401).
//
// The walks are split into parts of a few routes each (a test per part): one walk over every route took
// 26.6 s of the 30 s allowed on a busy machine, and a slow part now fails alone, naming its routes.
// Each part also gets a time per route walked (walkTimeout), not a fixed budget.

const PAGE_PARTS = parts(PAGES, 10);
const API_PARTS = parts(API, 25);

for (const role of ROLE_NAMES) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageFor(role) });

    // The pages the role may open are walked by e2e/pages.spec.ts (200 and a heading, with the policy
    // and accessibility checks); here, every page it may not open.
    for (const part of PAGE_PARTS) {
      const denied = part.items.filter((p) => !p.roles.includes(role));
      if (denied.length === 0) continue;
      // Over HTTP with the role's session: the status and the not-found page are in the server's answer
      // (no page to render); e2e/shell.spec.ts shows that page in the browser.
      test(`pages ${part.label} it may not open look absent`, async ({ page, request }) => {
        test.setTimeout(walkTimeout(denied.length));
        const ids = await routeIds(request);
        for (const { path: pattern } of denied) {
          const path = withIds(pattern, ids);
          const res = await page.request.get(path);
          expect(res.status(), `${role} ${path}`).toBe(404);
          expect((await res.text()).includes("Page not found"), `${role} ${path} is the not-found page`).toBe(true);
        }
      });
    }

    for (const part of API_PARTS) {
      test(`API with a bearer token ${part.label}`, async ({ request }) => {
        test.setTimeout(walkTimeout(part.items.length));
        const { token } = await apiToken(request, USERS[role]);
        for (const { method, path, roles, okStatus = 200 } of part.items) {
          const res = await request.fetch(path, { method, headers: bearer(token) });
          const allowed = roles.includes(role);
          expect(res.status(), `${role} ${method} ${path}`).toBe(allowed ? okStatus : 403);
          if (!allowed) expect((await res.json()).error.code).toBe("FORBIDDEN");
        }
      });

      test(`API with the session cookie ${part.label}`, async ({ page }) => {
        test.setTimeout(walkTimeout(part.items.length));
        for (const { method, path, roles, okStatus = 200 } of part.items) {
          const res = await page.request.fetch(path, { method });
          expect(res.status(), `${role} ${method} ${path}`).toBe(roles.includes(role) ? okStatus : 403);
        }
      });
    }
  });
}

test.describe("anonymous", () => {
  for (const part of PAGE_PARTS) {
    // Over HTTP, without a session: the redirect is the server's answer (no page to render).
    test(`pages ${part.label} redirect to the sign-in page`, async ({ request }) => {
      test.setTimeout(walkTimeout(part.items.length));
      const ids = await routeIds(request);
      for (const { path } of part.items) {
        const res = await request.get(withIds(path, ids), { maxRedirects: 0 });
        expect(res.status(), path).toBe(307);
        expect(new URL(res.headers().location ?? "", "http://x").pathname, path).toBe("/login");
      }
    });
  }

  for (const part of API_PARTS) {
    test(`API routes ${part.label} answer 401 JSON`, async ({ request }) => {
      test.setTimeout(walkTimeout(part.items.length));
      for (const { method, path } of part.items) {
        const res = await request.fetch(path, { method });
        expect(res.status(), `${method} ${path}`).toBe(401);
        expect(await res.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: "Please sign in." } });
      }
    });
  }

  test("the parts cover every page and API route exactly once", () => {
    expect(PAGE_PARTS.flatMap((p) => p.items)).toEqual(PAGES);
    expect(API_PARTS.flatMap((p) => p.items)).toEqual(API);
  });
});
