import { describe, expect, it } from "vitest";
import { restartPolicy } from "./restart-policy.mjs";

describe("restartPolicy", () => {
  it("waits 1 s, doubling with each quick crash up to 30 s", () => {
    const p = restartPolicy();
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(() => p.next(500))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it("is back at 1 s once the process ran a stable minute, and never gives up", () => {
    const p = restartPolicy();
    for (let i = 0; i < 100; i++) p.next(10);
    expect(p.next(59_999)).toBe(30_000);
    expect(p.next(60_000)).toBe(1000);
    expect(p.next(5000)).toBe(2000);
    expect(p.next(3_600_000)).toBe(1000);
  });

  it("starts again at once-ish even after the first run was long", () => {
    expect(restartPolicy().next(86_400_000)).toBe(1000);
  });
});
