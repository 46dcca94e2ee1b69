import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { seedPatient } from "@/prisma/builders";
import { resetDatabase } from "./reset";

// `npm run db:seed` beside real patients: refused unless --force, nothing written.

const root = path.resolve(import.meta.dirname, "..");

describe("db:seed", { timeout: 180_000 }, () => {
  it("refuses on a database with real (not demo) patients unless --force", async () => {
    await resetDatabase();
    await seedPatient(db(), { firstName: "Real", lastName: "Person", dateOfBirth: "1970-01-01", sex: "female" });
    const res = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/db/cli.ts", "seed"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, NODE_OPTIONS: "" },
      timeout: 120_000,
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain("This database holds 1 real (not demo) patient record");
    expect(res.stderr).toContain("npm run db:seed -- --force");
    expect(await db().patient.count()).toBe(1);
    expect(await db().user.count({ where: { email: { endsWith: "@demo.hospital" } } })).toBe(0);
  });
});
