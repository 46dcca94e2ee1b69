import { describe, expect, it } from "vitest";
import { bidiRuns } from "./pdf";

describe("bidiRuns", () => {
  it("leaves left-to-right text whole", () => {
    expect(bidiRuns("Uống sau ăn · Łódź")).toEqual({ runs: [{ text: "Uống sau ăn · Łódź", rtl: false }], rtl: false });
  });

  it("keeps an Arabic run in logical order inside an English line, for the shaper", () => {
    expect(bidiRuns("Take: تناول الدواء (2x)")).toEqual({
      runs: [
        { text: "Take: ", rtl: false },
        { text: "تناول الدواء", rtl: true },
        { text: " (2x)", rtl: false },
      ],
      rtl: false,
    });
  });

  it("draws the runs of an Arabic paragraph from right to left", () => {
    const { runs, rtl } = bidiRuns("محمد علي ABC");
    expect(rtl).toBe(true);
    expect(runs.map((r) => r.text)).toEqual(["ABC", "محمد علي "]);
  });
});
