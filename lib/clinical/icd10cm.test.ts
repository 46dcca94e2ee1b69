import { describe, expect, it } from "vitest";
import { ICD10CM_COUNT, icdByCode, searchIcd } from "./icd10cm";

describe("ICD-10-CM subset", () => {
  it("ships at least 400 codes across the chapters, each well formed and unique", () => {
    expect(ICD10CM_COUNT).toBeGreaterThanOrEqual(400);
    const chapters = new Set(searchIcd("a", 10_000).map((c) => c.code[0]));
    for (const code of ["I10", "E11.9", "J45.909", "B50.9", "B54", "J18.9", "N39.0", "A09"])
      expect(icdByCode(code)?.code).toBe(code);
    expect(chapters.size).toBeGreaterThan(10);
  });

  it("finds by code prefix, with or without the dot, case-insensitively", () => {
    expect(searchIcd("i10")[0]).toEqual({ code: "I10", description: "Essential (primary) hypertension" });
    const e11 = searchIcd("E11", 50).map((c) => c.code);
    expect(e11.length).toBeGreaterThan(5);
    expect(e11.every((c) => c.startsWith("E11"))).toBe(true);
    expect(searchIcd("J459").map((c) => c.code)).toEqual(expect.arrayContaining(["J45.901", "J45.909"]));
    expect(searchIcd("B5", 50).map((c) => c.code)).toEqual(expect.arrayContaining(["B50.9", "B51.9", "B52.9", "B54"]));
  });

  it("finds by word prefixes in any order, best match first", () => {
    expect(searchIcd("type 2 diab").every((c) => /type 2 diabetes/i.test(c.description))).toBe(true);
    expect(searchIcd("type 2 diab")[0].code).toMatch(/^E11\./);
    expect(searchIcd("type 2 diab", 30).map((c) => c.code)).toContain("E11.9");
    expect(searchIcd("malaria falciparum").map((c) => c.code)).toContain("B50.9");
    expect(searchIcd("pneumonia").map((c) => c.code)).toContain("J18.9");
    expect(searchIcd("urinary tract")[0].code).toBe("N39.0");
    expect(searchIcd("asthma").length).toBeGreaterThan(3);
  });

  it("returns nothing for blank or unknown text and respects the limit", () => {
    expect(searchIcd("  ")).toEqual([]);
    expect(searchIcd("zzzqqq")).toEqual([]);
    expect(searchIcd("e", 5)).toHaveLength(5);
  });

  // As-you-type: far below a keystroke's time even on a loaded machine.
  it("searches fast", () => {
    const t = performance.now();
    for (let i = 0; i < 200; i++) searchIcd(i % 2 ? "chronic kidney" : "J4");
    expect((performance.now() - t) / 200).toBeLessThan(20);
  });
});
