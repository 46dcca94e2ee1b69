import { describe, expect, it } from "vitest";
import { normalizeMrn } from "./merge-page";

describe("normalizeMrn", () => {
  it("reads an MRN as people type it", () => {
    expect(normalizeMrn("H-000041")).toBe("H-000041");
    expect(normalizeMrn(" h-41 ")).toBe("H-000041");
    expect(normalizeMrn("H41")).toBe("H-000041");
    expect(normalizeMrn("41")).toBe("H-000041");
    expect(normalizeMrn("H-1000000")).toBe("H-1000000");
  });
  it("refuses what cannot be one", () => {
    for (const s of ["", "H-", "Diallo", "H-12a", "1234567890"]) expect(normalizeMrn(s), s).toBeNull();
  });
});
