import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// A slow server never looks dead: the signed-in app and each of its sections show PageLoading
// (app/(app)/…/loading.tsx) while the next page is prepared.
const APP = path.resolve(import.meta.dirname, "../../app/(app)");

describe("loading states", () => {
  it("every section of the signed-in app with pages has a loading.tsx showing PageLoading", () => {
    const sections = readdirSync(APP, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith("["))
      .map((d) => d.name)
      .filter((name) => hasPage(path.join(APP, name)));
    expect(sections.length).toBeGreaterThan(10);
    for (const dir of ["", ...sections, "patients/[id]"]) {
      const file = path.join(APP, dir, "loading.tsx");
      expect(existsSync(file), `${dir || "(app)"}/loading.tsx`).toBe(true);
      expect(readFileSync(file, "utf8"), dir).toContain("PageLoading");
    }
  });
});

function hasPage(dir: string): boolean {
  return readdirSync(dir, { withFileTypes: true }).some((d) => (d.isFile() ? d.name === "page.tsx" : hasPage(path.join(dir, d.name))));
}
