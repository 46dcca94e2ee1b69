import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The project's own lint rule (lint/app-clock.grit, applied by biome.json to lib/ but its tests):
// it refuses `new Date()` and `Date.now()` where they are written, and nothing else. Checked on
// files written for the test, in a folder of their own that is removed afterwards.

const root = path.resolve(import.meta.dirname, "..");
const biome = path.join(root, "node_modules/.bin/biome");

function pluginLines(files: Record<string, string>): Record<string, number[]> {
  const dir = path.join(root, "lib", `.lint-rule-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    const paths = Object.entries(files).map(([name, text]) => {
      writeFileSync(path.join(dir, name), text);
      return path.relative(root, path.join(dir, name));
    });
    const r = spawnSync(biome, ["lint", "--reporter=json", "--max-diagnostics=none", ...paths], {
      cwd: root,
      encoding: "utf8",
    });
    const report = JSON.parse(r.stdout) as {
      diagnostics: { category: string; location: { path: string; start: { line: number } } }[];
    };
    const out: Record<string, number[]> = Object.fromEntries(Object.keys(files).map((n) => [n, []]));
    for (const d of report.diagnostics)
      if (d.category === "plugin") out[path.basename(d.location.path)].push(d.location.start.line);
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the app-clock lint rule", () => {
  it("flags new Date() and Date.now() in lib/, not dates made from a value, and not in tests", () => {
    const code = [
      "export const a = new Date();",
      "export const b = Date.now();",
      "export const c = new Date(0);",
      "export const d = new Date(b + 1);",
      "",
    ].join("\n");
    expect(pluginLines({ "service.ts": code, "service.test.ts": code })).toEqual({
      "service.ts": [1, 2],
      "service.test.ts": [],
    });
  }, 30_000);
});
