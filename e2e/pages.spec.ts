import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import {
  ROLE_NAMES,
  expectHydrated,
  parts,
  routeIds,
  storageFor,
  walkTimeout,
  watchViolations,
  type RoleName,
} from "./fixtures";
import { PAGES, withIds } from "./routes";

// Every page of the route matrix (e2e/routes.ts) a role may open, walked once per role, and on each:
// - it opens (200) with its heading: the route matrix's "allow" (e2e/matrix.spec.ts walks the denies);
// - it hydrates under the nonce-based Content-Security-Policy and reports no violation (issue 15 §5;
//   the public pages and the headers themselves are in e2e/headers.spec.ts);
// - axe (WCAG 2.1 A/AA rules) at 1366 px finds nothing serious or critical (issue 16), on every path
//   once for the staff and once for the patient (axeChecks);
// - at 768 px (a tablet) the page never scrolls sideways (issue 16).
// One walk for the four, so that each page is opened once per role rather than three times. Each
// role's pages are walked in parts (a test per part, each with a time per page walked), so a slow
// part fails alone, naming its pages.

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
/** Pages per test: a part opens each page and runs axe on it at two widths. */
const PART_SIZE = 8;

const pagesOf = (role: RoleName) => PAGES.filter((p) => p.roles.includes(role));

/**
 * Whether axe checks `path` as `role`. axe costs about a second a page, and the staff roles see the same
 * page of a path (their own navigation items and the actions they may take differ, in the same
 * components): each path is checked once for staff, as the first staff role that may open it (the
 * admin, who sees the most, where allowed), and once for the patient, whose pages are their own.
 * Each role's home page is its own worklist, so every role's is checked.
 */
function axeChecks(role: RoleName, path: string): boolean {
  if (role === "PATIENT" || path === "/dashboard") return true;
  const page = PAGES.find((p) => p.path === path)!;
  return page.roles.find((r) => r !== "PATIENT") === role;
}

/** How far the page scrolls sideways once its layout settles (null: not at all), and what sticks out. */
async function sidewaysScroll(page: Page): Promise<{ by: number; culprits: string[] } | null> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const found = await page.evaluate(async () => {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const el = document.scrollingElement!;
      const by = el.scrollWidth - el.clientWidth;
      if (by <= 0) return null;
      // The innermost elements reaching past the right edge, so the report says what to fix.
      const past = [...document.body.querySelectorAll("*")].filter(
        (e) => e.getBoundingClientRect().right > el.clientWidth + 1 && e.children.length === 0,
      );
      const name = (e: Element) =>
        `${e.tagName.toLowerCase()}${typeof e.className === "string" && e.className ? `.${e.className.trim().split(/\s+/).slice(0, 4).join(".")}` : ""} "${(e.textContent ?? "").trim().slice(0, 60)}"`;
      return { by, culprits: past.slice(0, 3).map(name) };
    });
    if (found === null || Date.now() > deadline) return found;
    await page.waitForTimeout(250);
  }
}

for (const role of ROLE_NAMES) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageFor(role) });

    for (const part of parts(pagesOf(role), PART_SIZE)) {
      test(`pages ${part.label}: open, hydrate under the CSP, no serious axe finding, no sideways scroll at 768 px`, async ({
        context,
        page,
        request,
      }) => {
        test.setTimeout(walkTimeout(part.items.length * 2));
        const violations = await watchViolations(context, page);
        const ids = await routeIds(request);
        const problems: string[] = [];
        for (const { path: pattern } of part.items) {
          const path = withIds(pattern, ids);
          await page.setViewportSize({ width: 1366, height: 900 });
          const res = await page.goto(path);
          expect(res?.status(), `${role} ${path}`).toBe(200);
          await expect(page.getByRole("heading", { level: 1 }).first(), path).toBeVisible();
          await expectHydrated(page, path);
          if (axeChecks(role, pattern)) {
            const { violations: found } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
            for (const v of found.filter((x) => x.impact === "serious" || x.impact === "critical"))
              problems.push(
                `${path}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes
                  .slice(0, 3)
                  .map((n) => n.target.join(" "))
                  .join(" | ")}`,
              );
          }
          await page.setViewportSize({ width: 768, height: 1024 });
          // Charts re-measure themselves after a resize (a ResizeObserver, a frame or more later): the
          // width is read again until it fits, or for up to 5 s, so only a real overflow is reported.
          const overflow = await sidewaysScroll(page);
          if (overflow)
            problems.push(`${path}: scrolls sideways by ${overflow.by}px at 768 px (${overflow.culprits.join("; ")})`);
        }
        expect(problems, problems.join("\n")).toEqual([]);
        expect(violations).toEqual([]);
      });
    }

    test(`the API docs and a missing page${role === "ADMIN" ? ", and the reports' charts," : ""} under the CSP`, async ({
      context,
      page,
    }) => {
      const violations = await watchViolations(context, page);
      for (const path of ["/api-docs", "/no-such-page"]) {
        const res = await page.goto(path);
        expect(res?.status(), path).toBe(path === "/api-docs" ? 200 : 404);
        await expectHydrated(page, path);
      }
      // The charts are drawn (recharts in the browser) under the policy.
      if (role === "ADMIN") {
        await page.goto("/reports");
        await expectHydrated(page, "/reports");
        await expect(page.locator(".recharts-surface").first()).toBeVisible();
      }
      expect(violations).toEqual([]);
    });
  });
}

test("the parts cover every page each role may open exactly once, and axe checks every page", () => {
  for (const role of ROLE_NAMES) expect(parts(pagesOf(role), PART_SIZE).flatMap((p) => p.items)).toEqual(pagesOf(role));
  for (const { path, roles } of PAGES) {
    const checkedAs = roles.filter((r) => axeChecks(r, path));
    if (roles.some((r) => r !== "PATIENT"))
      expect(
        checkedAs.filter((r) => r !== "PATIENT"),
        path,
      ).not.toEqual([]);
    if (roles.includes("PATIENT")) expect(checkedAs, path).toContain("PATIENT");
  }
});
