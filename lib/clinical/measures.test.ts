import { describe, expect, it } from "vitest";
import { bmi, flagFor, rangeText } from "./measures";

describe("bmi", () => {
  it("is weight over height squared with one decimal", () => {
    expect(bmi(70, 175)).toBe(22.9);
    expect(bmi(95.5, 160)).toBe(37.3);
    expect(bmi(3.4, 50)).toBe(13.6);
  });
  it("needs both measurements", () => {
    expect(bmi(70, null)).toBeNull();
    expect(bmi(undefined, 170)).toBeNull();
  });
});

describe("flagFor", () => {
  const range = { refLow: 3.5, refHigh: 5.1 };
  it("compares a value with both bounds, the bounds themselves normal", () => {
    expect(flagFor(3.4, range)).toBe("LOW");
    expect(flagFor(3.5, range)).toBe("NORMAL");
    expect(flagFor(5.1, range)).toBe("NORMAL");
    expect(flagFor(5.2, range)).toBe("HIGH");
  });
  it("handles open bounds", () => {
    expect(flagFor(9, { refLow: null, refHigh: 5.7 })).toBe("HIGH");
    expect(flagFor(0.1, { refLow: null, refHigh: 5.7 })).toBe("NORMAL");
    expect(flagFor(30, { refLow: 60, refHigh: null })).toBe("LOW");
    expect(flagFor(30, {})).toBe("NORMAL");
  });
  it("takes the chosen flag for a qualitative result, and ignores it for a numeric one", () => {
    expect(flagFor(null, range, "ABNORMAL")).toBe("ABNORMAL");
    expect(flagFor(undefined, range)).toBe("NORMAL");
    expect(flagFor(4, range, "ABNORMAL")).toBe("NORMAL");
  });
});

describe("rangeText", () => {
  it("writes both, one or no bound", () => {
    expect(rangeText(3.5, 5.1)).toBe("3.5–5.1");
    expect(rangeText(null, 5.7)).toBe("≤ 5.7");
    expect(rangeText(60, null)).toBe("≥ 60");
    expect(rangeText(null, null)).toBe("");
    expect(rangeText(3.5, 5.1, "fr")).toBe("3,5–5,1");
  });
});
