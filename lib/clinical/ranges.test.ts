import { describe, expect, it } from "vitest";
import {
  isPlausible,
  observationIntervalMinutes,
  plausibleLimits,
  spo2Band,
  trendFlag,
  vitalFlag,
  vitalsDue,
} from "./ranges";
import { news2Score } from "./news2";

describe("vitalFlag: the NEWS2 zero-score bands (RCP 2017)", () => {
  it.each([
    ["respiratoryRate", 11, "LOW"],
    ["respiratoryRate", 12, null],
    ["respiratoryRate", 20, null],
    ["respiratoryRate", 21, "HIGH"],
    ["spo2", 95, "LOW"],
    ["spo2", 96, null],
    ["spo2", 100, null],
    ["systolic", 110, "LOW"],
    ["systolic", 111, null],
    ["systolic", 219, null],
    ["systolic", 220, "HIGH"],
    ["pulse", 50, "LOW"],
    ["pulse", 51, null],
    ["pulse", 90, null],
    ["pulse", 91, "HIGH"],
    ["temperatureC", 36.0, "LOW"],
    ["temperatureC", 36.1, null],
    ["temperatureC", 38.0, null],
    ["temperatureC", 38.04, null],
    ["temperatureC", 38.1, "HIGH"],
  ] as const)("%s %d → %s", (field, value, flag) => {
    expect(vitalFlag(field, value)).toBe(flag);
  });

  it("flags exactly what NEWS2 scores above 0 (every integer value of each parameter)", () => {
    const base = {
      respiratoryRate: 16,
      spo2: 98,
      supplementalOxygen: false,
      systolic: 120,
      pulse: 70,
      consciousness: "A" as const,
      temperatureC: 37,
    };
    for (const [field, from, to] of [
      ["respiratoryRate", 4, 60],
      ["spo2", 40, 100],
      ["systolic", 40, 300],
      ["pulse", 20, 250],
    ] as const) {
      for (let x = from; x <= to; x++)
        expect(vitalFlag(field, x) !== null, `${field} ${x}`).toBe(news2Score({ ...base, [field]: x }).score > 0);
    }
    for (let t = 300; t <= 430; t++)
      expect(vitalFlag("temperatureC", t / 10) !== null, `T ${t / 10}`).toBe(
        news2Score({ ...base, temperatureC: t / 10 }).score > 0,
      );
  });

  it("SpO₂ scale 2: 88–92 is the target; above 92 is high only on oxygen", () => {
    expect(vitalFlag("spo2", 87, { scale2: true })).toBe("LOW");
    expect(vitalFlag("spo2", 88, { scale2: true })).toBeNull();
    expect(vitalFlag("spo2", 97, { scale2: true, onOxygen: false })).toBeNull();
    expect(vitalFlag("spo2", 93, { scale2: true, onOxygen: true })).toBe("HIGH");
  });

  it("nothing measured, nothing flagged", () => {
    expect(vitalFlag("pulse", null)).toBeNull();
    expect(vitalFlag("pulse", undefined)).toBeNull();
  });
});

describe("trendFlag: a trend's reading flagged as the vitals table flags it", () => {
  // Bug: the trend read every SpO2 on scale 1 (a scale-2 patient at 90 % on air was "Low" on the
  // trend, normal in the table) and flagged NEWS2 only above 4 (a single parameter at 3 was not).
  it("reads SpO2 with the set's scale and oxygen", () => {
    expect(trendFlag("spo2", { value: 90, scale2: true, onOxygen: false })).toBeNull();
    expect(trendFlag("spo2", { value: 90, scale2: false, onOxygen: false })).toBe("LOW");
    expect(trendFlag("spo2", { value: 95, scale2: true, onOxygen: true })).toBe("HIGH");
    expect(trendFlag("spo2", { value: 87, scale2: true, onOxygen: false })).toBe("LOW");
  });
  it("flags NEWS2 by its band: low-medium, medium and high", () => {
    expect(trendFlag("news2", { value: 3, news2Band: "low-medium" })).toBe("HIGH");
    expect(trendFlag("news2", { value: 4, news2Band: "low" })).toBeNull();
    expect(trendFlag("news2", { value: 5, news2Band: "medium" })).toBe("HIGH");
    expect(trendFlag("news2", { value: null, news2Band: null })).toBeNull();
  });
  it("reads the other vitals against the adult range", () => {
    expect(trendFlag("pulse", { value: 115 })).toBe("HIGH");
    expect(trendFlag("temperatureC", { value: 36.0 })).toBe("LOW");
    expect(trendFlag("systolic", { value: null })).toBeNull();
  });
  it("shades the scale-2 target band for a patient on scale 2", () => {
    expect(spo2Band(true)).toEqual({ low: 88, high: 92 });
    expect(spo2Band(false)).toEqual({ low: 96, high: null });
  });
});

describe("lab plausible limits", () => {
  it("refuses a negative white cell count, accepts zero and a leukaemic count", () => {
    expect(isPlausible("WBC", -3)).toBe(false);
    expect(isPlausible("WBC", 0)).toBe(true);
    expect(isPlausible("WBC", 400)).toBe(true);
    expect(isPlausible("WBC", 5000)).toBe(false);
  });
  it("per test: sodium 1400 and potassium 0 are typing errors", () => {
    expect(isPlausible("NA", 1400)).toBe(false);
    expect(isPlausible("NA", 140)).toBe(true);
    expect(isPlausible("K", 0)).toBe(false);
  });
  it("a test without an entry: not negative", () => {
    expect(plausibleLimits("NEW-TEST").min).toBe(0);
    expect(isPlausible("NEW-TEST", -0.1)).toBe(false);
    expect(isPlausible("NEW-TEST", 1e9)).toBe(true);
  });
});

describe("observation frequency (RCP 2017 clinical response)", () => {
  const n = (score: number, band: "low" | "low-medium" | "medium" | "high") => ({ score, band });
  it.each([
    // ward hours, NEWS2, minutes
    [12, null, 720],
    [8, null, 480],
    [12, n(0, "low"), 720],
    [24, n(0, "low"), 720],
    [6, n(0, "low"), 360],
    [12, n(1, "low"), 240],
    [12, n(4, "low"), 240],
    [2, n(3, "low"), 120],
    [12, n(3, "low-medium"), 60],
    [12, n(5, "medium"), 60],
    [12, n(6, "medium"), 60],
    [12, n(7, "high"), 0],
    [1, n(12, "high"), 0],
  ] as const)("ward %dh, %o → every %d min", (ward, news2, minutes) => {
    expect(observationIntervalMinutes(ward, news2)).toBe(minutes);
  });

  const now = new Date("2027-03-01T12:00:00Z");
  const h = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
  it("due at the last set plus the interval", () => {
    expect(vitalsDue(h(2), 12, n(0, "low"), now)).toEqual({ state: "due", at: new Date("2027-03-01T22:00:00Z") });
    expect(vitalsDue(h(2), 12, n(2, "low"), now)).toEqual({ state: "due", at: new Date("2027-03-01T14:00:00Z") });
  });
  it("overdue when past due or never recorded; continuous at 7+", () => {
    expect(vitalsDue(h(2), 12, n(5, "medium"), now).state).toBe("overdue");
    expect(vitalsDue(h(1), 12, n(5, "medium"), now).state).toBe("overdue");
    expect(vitalsDue(null, 12, null, now)).toEqual({ state: "overdue", at: null });
    expect(vitalsDue(h(0), 12, n(7, "high"), now)).toEqual({ state: "continuous", at: null });
  });
});
