import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ascentOf, bidiRuns } from "./pdf";

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

describe("ascentOf", () => {
  it("reads hhea.ascender over head.unitsPerEm", () => {
    const ttf = readFileSync(path.join(process.cwd(), "node_modules/@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf"));
    expect(ascentOf(ttf)).toBeGreaterThan(0.9);
    expect(ascentOf(ttf)).toBeLessThan(1.2);
  });
});
