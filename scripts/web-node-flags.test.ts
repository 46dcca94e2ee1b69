import { describe, expect, it } from "vitest";
import { webNodeFlags } from "./web-node-flags.mjs";

describe("webNodeFlags", () => {
  it("limits the old space to 192 MB by default", () => {
    expect(webNodeFlags(undefined)).toEqual(["--max-old-space-size=256"]);
    expect(webNodeFlags(" ")).toEqual(["--max-old-space-size=256"]);
  });

  it("takes WEB_MAX_HEAP_MB, 0 for V8's own limit", () => {
    expect(webNodeFlags("320")).toEqual(["--max-old-space-size=320"]);
    expect(webNodeFlags("0")).toEqual([]);
  });

  it("refuses what is not a whole number of megabytes", () => {
    expect(() => webNodeFlags("1.5")).toThrow(/WEB_MAX_HEAP_MB/);
    expect(() => webNodeFlags("-1")).toThrow(/WEB_MAX_HEAP_MB/);
    expect(() => webNodeFlags("lots")).toThrow(/WEB_MAX_HEAP_MB/);
  });
});
