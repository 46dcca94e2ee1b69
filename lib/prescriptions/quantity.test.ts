import { describe, expect, it } from "vitest";
import { defaultQuantity, dosesPerDay, unitsPerDose } from "./quantity";

describe("default quantity", () => {
  it("reads common frequencies", () => {
    expect(dosesPerDay("Three times daily")).toBe(3);
    expect(dosesPerDay("TDS")).toBe(3);
    expect(dosesPerDay("twice a day")).toBe(2);
    expect(dosesPerDay("every 6 hours")).toBe(4);
    expect(dosesPerDay("q8h")).toBe(3);
    expect(dosesPerDay("once daily at night")).toBe(1);
    expect(dosesPerDay("5 times a day")).toBe(5);
    expect(dosesPerDay("weekly")).toBeCloseTo(1 / 7);
    expect(dosesPerDay("as needed")).toBeNull();
    expect(dosesPerDay("with meals")).toBeNull();
  });

  it("reads units per dose from the dose and the strength", () => {
    expect(unitsPerDose("500 mg", "500 mg")).toBe(1);
    expect(unitsPerDose("1 g", "500 mg")).toBe(2);
    expect(unitsPerDose("250 mcg", "0.5 mg")).toBe(1);
    expect(unitsPerDose("1000 mg", "500 mg")).toBe(2);
    expect(unitsPerDose("2 tablets", "500 mg")).toBe(2);
    expect(unitsPerDose("one tablet", "5 mg")).toBe(1);
    expect(unitsPerDose("5 mL", "250 mg/5 mL")).toBeNull();
    expect(unitsPerDose("1000 mg", "120 mg/5 mL")).toBeNull();
    expect(unitsPerDose("10 units", "100 units/mL")).toBeNull();
    expect(unitsPerDose("2 puffs", "100 mcg/dose")).toBeNull();
    expect(unitsPerDose("as directed", "5 mg")).toBeNull();
  });

  it("multiplies by the duration, rounding up, and has none for 'as needed'", () => {
    expect(defaultQuantity({ dose: "500 mg", frequency: "three times daily", durationDays: 7 }, "500 mg")).toBe(21);
    expect(defaultQuantity({ dose: "2 capsules", frequency: "four times daily", durationDays: 5 }, "250 mg")).toBe(40);
    expect(defaultQuantity({ dose: "1 tablet", frequency: "weekly", durationDays: 28 }, "2.5 mg")).toBe(4);
    expect(defaultQuantity({ dose: "1 tablet", frequency: "as needed", durationDays: 7 }, "500 mg")).toBeNull();
    expect(defaultQuantity({ dose: "1000 mg", frequency: "every 6 hours", durationDays: 3 }, "120 mg/5 mL")).toBeNull();
  });
});
