import { describe, expect, it } from "vitest";
import { AGE_BANDS, combine, periodMonths, suppress } from "./public-health";

describe("suppress", () => {
  it("publishes counts of 5 and more, largest first, with the true total", () => {
    expect(
      suppress([
        { group: "A", count: 5 },
        { group: "B", count: 12 },
      ]),
    ).toEqual({
      items: [
        { group: "B", count: 12 },
        { group: "A", count: 5 },
      ],
      total: 17,
    });
  });

  it("shows a single small cell as <5 and withholds the next smallest, so the total reveals neither", () => {
    const r = suppress([
      { group: "A", count: 20 },
      { group: "B", count: 3 },
      { group: "C", count: 7 },
    ]);
    expect(r).toEqual({
      items: [
        { group: "A", count: 20 },
        { group: "B", count: "<5" },
        { group: "C", count: "withheld" },
      ],
      total: 30,
    });
  });

  it("needs no second cell when two are already small, and hides a small total", () => {
    expect(
      suppress([
        { group: "A", count: 9 },
        { group: "B", count: 1 },
        { group: "C", count: 4 },
      ]).items.map((i) => i.count),
    ).toEqual([9, "<5", "<5"]);
    expect(suppress([{ group: "A", count: 3 }])).toEqual({ items: [{ group: "A", count: "<5" }], total: "<5" });
    expect(suppress([])).toEqual({ items: [], total: 0 });
  });

  it("keeps the natural order of age bands", () => {
    const r = suppress(
      [
        { group: "65+", count: 8 },
        { group: "0-4", count: 6 },
        { group: "25-44", count: 30 },
      ],
      AGE_BANDS,
    );
    expect(r.items.map((i) => i.group)).toEqual(["0-4", "25-44", "65+"]);
  });
});

describe("periodMonths", () => {
  it("reads a month, a quarter or a year in the hospital's zone, and nothing else", () => {
    expect(periodMonths("2026-11", "UTC")).toMatchObject({
      from: "2026-11-01",
      to: "2026-11-30",
      starts: [new Date("2026-11-01T00:00:00Z")],
    });
    expect(periodMonths("2026-Q3", "UTC")?.starts.map((d) => d.toISOString().slice(0, 10))).toEqual([
      "2026-07-01",
      "2026-08-01",
      "2026-09-01",
    ]);
    expect(periodMonths("2026", "UTC")).toMatchObject({ from: "2026-01-01", to: "2026-12-31" });
    expect(periodMonths("2026-03", "Africa/Nairobi")?.starts[0].toISOString()).toBe("2026-02-28T21:00:00.000Z");
    for (const bad of ["2026-00", "2026-Q0", "2026-1", "2026-03-01", "from=2026-01-01"])
      expect(periodMonths(bad, "UTC"), bad).toBeNull();
  });
});

describe("combine (a quarter or a year from its months)", () => {
  it("publishes a group's sum only where every month publishes it, so no subtraction gives a month's cell back", () => {
    const jan = [
      { group: "A", count: 6 },
      { group: "B", count: 9 },
    ];
    const feb = [
      { group: "A", count: 6 },
      { group: "B", count: 9 },
    ];
    const mar = [
      { group: "A", count: 3 },
      { group: "B", count: 9 },
      { group: "C", count: 20 },
    ];
    // March hides A (<5) and B (withheld); C is in no other month, published in March.
    expect(suppress(mar).items).toEqual([
      { group: "C", count: 20 },
      { group: "A", count: "<5" },
      { group: "B", count: "withheld" },
    ]);
    expect(combine([jan, feb, mar])).toEqual({
      items: [
        { group: "C", count: 20 },
        { group: "A", count: "withheld" },
        { group: "B", count: "withheld" },
      ],
      total: 62,
    });
  });

  it("withholds the total when a month's total is itself small, and keeps '<5' for a small sum", () => {
    expect(combine([[{ group: "A", count: 30 }], [{ group: "A", count: 2 }]])).toEqual({
      items: [{ group: "A", count: "withheld" }],
      total: "withheld",
    });
    expect(combine([[{ group: "A", count: 1 }], [{ group: "A", count: 2 }]])).toEqual({
      items: [{ group: "A", count: "<5" }],
      total: "<5",
    });
    expect(combine([[{ group: "A", count: 5 }], []])).toEqual({ items: [{ group: "A", count: 5 }], total: 5 });
  });
});
