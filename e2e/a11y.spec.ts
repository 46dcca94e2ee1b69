import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { ROLE_NAMES, routeIds, storageFor, walkTimeout } from "./fixtures";
import { PAGES, withIds } from "./routes";

// Every page of the route matrix (e2e/routes.ts) a role may open, walked once per role:
// - axe (WCAG 2.1 A/AA rules) at 1366 px finds nothing serious or critical;
// - at 768 px (a tablet) the page never scrolls sideways.

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

for (const role of ROLE_NAMES) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageFor(role) });

    test("every page: no serious or critical axe violation, no sideways scroll at 768 px", async ({
      page,
      request,
    }) => {
      const pages = PAGES.filter((p) => p.roles.includes(role));
      test.setTimeout(walkTimeout(pages.length * 2));
      const ids = await routeIds(request);
      const problems: string[] = [];
      for (const { path: pattern } of pages) {
        const path = withIds(pattern, ids);
        await page.setViewportSize({ width: 1366, height: 900 });
        const res = await page.goto(path);
        expect(res?.status(), path).toBe(200);
        await expect(page.getByRole("heading", { level: 1 }).first(), path).toBeVisible();
        const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
        for (const v of violations.filter((x) => x.impact === "serious" || x.impact === "critical"))
          problems.push(
            `${path}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(" "))
              .join(" | ")}`,
          );
        await page.setViewportSize({ width: 768, height: 1024 });
        const overflow = await page.evaluate(() => {
          const el = document.scrollingElement!;
          return el.scrollWidth - el.clientWidth;
        });
        if (overflow > 0) problems.push(`${path}: scrolls sideways by ${overflow}px at 768 px`);
      }
      expect(problems, problems.join("\n")).toEqual([]);
    });
  });
}
