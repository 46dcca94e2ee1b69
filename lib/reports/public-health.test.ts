import { describe, expect, it } from "vitest";
import { AGE_BANDS, suppress } from "./public-health";

describe("suppress", () => {
  it("publishes counts of 5 and more, largest first, with the true total", () => {
    expect(suppress([{ group: "A", count: 5 }, { group: "B", count: 12 }])).toEqual({ items: [{ group: "B", count: 12 }, { group: "A", count: 5 }], total: 17 });
  });

  it("shows a single small cell as <5 and withholds the next smallest, so the total reveals neither", () => {
    const r = suppress([{ group: "A", count: 20 }, { group: "B", count: 3 }, { group: "C", count: 7 }]);
    expect(r).toEqual({ items: [{ group: "A", count: 20 }, { group: "B", count: "<5" }, { group: "C", count: "withheld" }], total: 30 });
  });

  it("needs no second cell when two are already small, and hides a small total", () => {
    expect(suppress([{ group: "A", count: 9 }, { group: "B", count: 1 }, { group: "C", count: 4 }]).items.map((i) => i.count)).toEqual([9, "<5", "<5"]);
    expect(suppress([{ group: "A", count: 3 }])).toEqual({ items: [{ group: "A", count: "<5" }], total: "<5" });
    expect(suppress([])).toEqual({ items: [], total: 0 });
  });

  it("keeps the natural order of age bands", () => {
    const r = suppress([{ group: "65+", count: 8 }, { group: "0-4", count: 6 }, { group: "25-44", count: 30 }], AGE_BANDS);
    expect(r.items.map((i) => i.group)).toEqual(["0-4", "25-44", "65+"]);
  });
});
