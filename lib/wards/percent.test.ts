import { describe, expect, it } from "vitest";
import { formatPercent } from "./percent";

describe("occupancy percentages", () => {
  it("are written the reader's way", () => {
    expect(formatPercent(37.5, "en")).toBe("37.5%");
    expect(formatPercent(37.5, "fr").replace(/[\u00a0\u202f]/g, " ")).toBe("37,5 %");
    expect(formatPercent(100, "fr").replace(/[\u00a0\u202f]/g, " ")).toBe("100 %");
  });
});
