import { describe, expect, it } from "vitest";
import {
  ageOn,
  airOrOxygenScore,
  bandOf,
  consciousnessScore,
  news2For,
  news2Score,
  pulseScore,
  respirationScore,
  spo2Scale1Score,
  spo2Scale2Score,
  systolicScore,
  temperatureScore,
  type News2Input,
  type News2Subscores,
} from "./news2";

// Every cell of RCP 2017 chart 1, each at both of its edges (and the extremes the app accepts).
describe("NEWS2 chart, cell by cell", () => {
  it.each([
    [4, 3],
    [8, 3],
    [9, 1],
    [11, 1],
    [12, 0],
    [20, 0],
    [21, 2],
    [24, 2],
    [25, 3],
    [80, 3],
  ])("respiration rate %i → %i", (x, s) => expect(respirationScore(x)).toBe(s));

  it.each([
    [40, 3],
    [91, 3],
    [92, 2],
    [93, 2],
    [94, 1],
    [95, 1],
    [96, 0],
    [100, 0],
  ])("SpO2 scale 1: %i%% → %i", (x, s) => expect(spo2Scale1Score(x)).toBe(s));

  it.each([
    // below 93% the score does not depend on oxygen
    [40, false, 3],
    [83, false, 3],
    [83, true, 3],
    [84, false, 2],
    [85, false, 2],
    [84, true, 2],
    [85, true, 2],
    [86, false, 1],
    [87, false, 1],
    [86, true, 1],
    [87, true, 1],
    [88, false, 0],
    [92, false, 0],
    [88, true, 0],
    [92, true, 0],
    // ≥93 on air: 0
    [93, false, 0],
    [94, false, 0],
    [96, false, 0],
    [97, false, 0],
    [100, false, 0],
    // on oxygen: 93–94 → 1, 95–96 → 2, ≥97 → 3
    [93, true, 1],
    [94, true, 1],
    [95, true, 2],
    [96, true, 2],
    [97, true, 3],
    [100, true, 3],
  ])("SpO2 scale 2: %i%%, on oxygen %s → %i", (x, o2, s) => expect(spo2Scale2Score(x, o2)).toBe(s));

  it("air or oxygen: oxygen 2, air 0", () => {
    expect(airOrOxygenScore(true)).toBe(2);
    expect(airOrOxygenScore(false)).toBe(0);
  });

  it.each([
    [40, 3],
    [90, 3],
    [91, 2],
    [100, 2],
    [101, 1],
    [110, 1],
    [111, 0],
    [219, 0],
    [220, 3],
    [300, 3],
  ])("systolic %i mmHg → %i", (x, s) => expect(systolicScore(x)).toBe(s));

  it.each([
    [20, 3],
    [40, 3],
    [41, 1],
    [50, 1],
    [51, 0],
    [90, 0],
    [91, 1],
    [110, 1],
    [111, 2],
    [130, 2],
    [131, 3],
    [300, 3],
  ])("pulse %i/min → %i", (x, s) => expect(pulseScore(x)).toBe(s));

  it.each([
    ["A", 0],
    ["C", 3],
    ["V", 3],
    ["P", 3],
    ["U", 3],
  ] as const)("consciousness %s → %i", (c, s) => expect(consciousnessScore(c)).toBe(s));

  it.each([
    [25, 3],
    [35.0, 3],
    [35.04, 3],
    [35.1, 1],
    [36.0, 1],
    [36.1, 0],
    [38.0, 0],
    [38.1, 1],
    [39.0, 1],
    [39.1, 2],
    [45, 2],
  ])("temperature %f °C → %i", (x, s) => expect(temperatureScore(x)).toBe(s));
});

const zero: News2Subscores = {
  respiratoryRate: 0,
  spo2: 0,
  airOrOxygen: 0,
  systolic: 0,
  pulse: 0,
  consciousness: 0,
  temperature: 0,
};
const normal: News2Input = {
  respiratoryRate: 16,
  spo2: 97,
  supplementalOxygen: false,
  systolic: 125,
  pulse: 72,
  consciousness: "A",
  temperatureC: 36.8,
};

describe("bands", () => {
  it.each([
    [0, zero, "low"],
    [4, { ...zero, pulse: 2, temperature: 2 }, "low"],
    [3, { ...zero, consciousness: 3 }, "low-medium"],
    [4, { ...zero, respiratoryRate: 3, pulse: 1 }, "low-medium"],
    [5, { ...zero, respiratoryRate: 3, pulse: 2 }, "medium"],
    [6, { ...zero, pulse: 2, temperature: 2, airOrOxygen: 2 }, "medium"],
    [7, { ...zero, pulse: 2, temperature: 2, airOrOxygen: 2, respiratoryRate: 1 }, "high"],
    [
      20,
      { ...zero, respiratoryRate: 3, spo2: 3, airOrOxygen: 2, systolic: 3, pulse: 3, consciousness: 3, temperature: 3 },
      "high",
    ],
  ] as const)("%i with %o → %s", (score, subs, band) => expect(bandOf(score, subs)).toBe(band));
});

describe("news2Score", () => {
  it("a normal set scores 0, low", () => {
    expect(news2Score(normal)).toEqual({ score: 0, band: "low", subscores: zero, scale: 1 });
  });
  it("adds the sub-scores (oxygen counts in its own row as well as in scale 2)", () => {
    const n = news2Score(
      {
        respiratoryRate: 22,
        spo2: 95,
        supplementalOxygen: true,
        systolic: 105,
        pulse: 115,
        consciousness: "A",
        temperatureC: 38.5,
      },
      true,
    );
    expect(n.subscores).toEqual({
      respiratoryRate: 2,
      spo2: 2,
      airOrOxygen: 2,
      systolic: 1,
      pulse: 2,
      consciousness: 0,
      temperature: 1,
    });
    expect(n).toMatchObject({ score: 10, band: "high", scale: 2 });
  });
  it("the same set on scale 1 scores SpO2 95% as 1", () => {
    expect(news2Score({ ...normal, spo2: 95 }).subscores.spo2).toBe(1);
    expect(news2Score({ ...normal, spo2: 95 }, true).subscores.spo2).toBe(0);
  });
  it("new confusion alone is low-medium", () => {
    expect(news2Score({ ...normal, consciousness: "C" })).toMatchObject({ score: 3, band: "low-medium" });
  });
});

describe("news2For", () => {
  const adult = { dateOfBirth: new Date("1970-05-01"), pregnant: false, spo2Scale2: false };
  const at = new Date("2026-05-01T10:00:00Z");
  it("scores a complete set for an adult", () => {
    expect(news2For(normal, adult, at)).toMatchObject({ news2: { score: 0, band: "low" }, reason: null });
  });
  it("is 16 from the 16th birthday", () => {
    expect(news2For(normal, { ...adult, dateOfBirth: new Date("2010-05-02") }, at)).toEqual({
      news2: null,
      reason: "under 16",
    });
    expect(news2For(normal, { ...adult, dateOfBirth: new Date("2010-05-01") }, at).news2).not.toBeNull();
    expect(ageOn(new Date("2010-05-02"), at)).toBe(15);
  });
  it("none in pregnancy", () => {
    expect(news2For(normal, { ...adult, pregnant: true }, at)).toEqual({ news2: null, reason: "pregnant" });
  });
  it.each([
    "respiratoryRate",
    "spo2",
    "supplementalOxygen",
    "systolic",
    "pulse",
    "consciousness",
    "temperatureC",
  ] as const)("none without %s", (f) => {
    expect(news2For({ ...normal, [f]: null }, adult, at)).toEqual({ news2: null, reason: "incomplete set" });
    expect(news2For({ ...normal, [f]: undefined }, adult, at)).toEqual({ news2: null, reason: "incomplete set" });
  });
  it("uses scale 2 for a flagged patient", () => {
    expect(
      news2For({ ...normal, spo2: 97, supplementalOxygen: true }, { ...adult, spo2Scale2: true }, at).news2,
    ).toMatchObject({ scale: 2, subscores: { spo2: 3, airOrOxygen: 2 } });
  });
});
