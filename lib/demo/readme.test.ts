import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PENICILLIN_PATIENT } from "@/prisma/seed-prescriptions";

// The README's demo data section names the patient whose chart the seed fills (prisma/seed-demo-chart.ts:
// a consultation, vitals with NEWS2 history, labs, a prescription with an override, an admission), so
// whoever tries the demo opens the full chart, not an empty one.
const readme = readFileSync(path.join(import.meta.dirname, "../../README.md"), "utf8");
const demoSection = readme.slice(
  readme.indexOf("## Demo data"),
  readme.indexOf("\n## ", readme.indexOf("## Demo data") + 1),
);

describe("README: demo data", () => {
  it("names the patient with the full demo chart, and what the chart holds", () => {
    const { firstName, lastName } = PENICILLIN_PATIENT;
    expect(demoSection).toContain(`${firstName} ${lastName}`);
    for (const part of ["consultation", "NEWS2", "override", "admission"]) expect(demoSection).toContain(part);
  });
});
