import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, open, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedPatient, seedUser } from "@/prisma/builders";
import { db } from "@/lib/server/db";
import { createTestDatabase } from "@/tests/test-db";
import { runBackup, scheduledBackup } from "./run";
import { BACKUP_STALE_HOURS, latestBackup } from "./status";

// The recorded runs (BackupRun), their status for the dashboard, and the console commands end to end.

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const consoleRun = (...args: string[]) => {
  const res = spawnSync(tsx, ["scripts/console.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    env: {
      ...process.env,
      DATABASE_URL: process.env.DATABASE_URL,
      BACKUP_ENCRYPTION_KEY: "",
      BACKUP_DIR: "",
      NODE_OPTIONS: "",
    },
    timeout: 120_000,
  });
  return { code: res.status, out: res.stdout, err: res.stderr };
};

/** Drops the database of `url` (made by a test), from the server's maintenance database. */
async function dropDatabase(url: string): Promise<void> {
  const admin = new URL(url);
  const name = decodeURIComponent(admin.pathname.slice(1));
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

let dir: string;
const drops: (() => Promise<void>)[] = [];
let adminId: string;

beforeAll(async () => {
  adminId = (
    await seedUser(db(), {
      email: "backup-admin@h.org",
      name: "Backup Admin",
      role: "ADMIN",
      password: "pw-0123456789",
    })
  ).id;
  await seedPatient(db(), { firstName: "Ada", lastName: "Backup", dateOfBirth: "1980-02-03", sex: "female" });
  dir = await mkdtemp(path.join(os.tmpdir(), "hospital-backup-run-"));
}, 60_000);

afterAll(async () => {
  for (const drop of drops) await drop().catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

describe("backup runs", () => {
  it("say there is none, and that it is overdue only when backups are scheduled", async () => {
    await db().backupRun.deleteMany();
    const status = await latestBackup(db());
    expect(status).toMatchObject({
      last: null,
      lastOk: null,
      ageHours: null,
      scheduled: false,
      overdue: false,
      running: false,
    });
  });

  it("count a run without outcome as running only within the job's six hours", async () => {
    const run = await db().backupRun.create({ data: { trigger: "schedule" } });
    expect((await latestBackup(db())).running).toBe(true);
    expect((await latestBackup(db(), new Date(run.startedAt.getTime() + 7 * 3_600_000))).running).toBe(false);
    await db().backupRun.delete({ where: { id: run.id } });
  });

  it("record a good run (audited as an export), keep BACKUP_KEEP files, and warn once the good one is older than 26 h", async () => {
    const ctx = { actor: { id: adminId, role: "ADMIN" }, ip: null };
    const first = await runBackup(db(), ctx, { trigger: "console", dir, keep: 1 });
    const second = await runBackup(db(), ctx, { trigger: "console", dir, keep: 1 });
    expect(second.pruned).toEqual([first.file]);
    await expect(stat(first.file)).rejects.toThrow();
    const row = await db().backupRun.findUniqueOrThrow({ where: { id: second.runId } });
    expect(row).toMatchObject({
      ok: true,
      file: second.file,
      bytes: BigInt(second.bytes),
      trigger: "console",
      error: null,
    });
    expect(
      await db().auditEvent.count({
        where: { action: "EXPORT", entity: "Backup", entityId: second.runId, actorId: adminId },
      }),
    ).toBe(1);

    const now = new Date();
    expect(await latestBackup(db(), now)).toMatchObject({
      lastOk: { id: second.runId, bytes: second.bytes },
      overdue: false,
    });
    const later = new Date(row.finishedAt!.getTime() + (BACKUP_STALE_HOURS + 1) * 3_600_000);
    expect(await latestBackup(db(), later)).toMatchObject({ lastOk: { id: second.runId }, overdue: true });
  }, 120_000);

  it("record a failed run with its error, and leave the last good one as it was", async () => {
    const blocked = path.join(dir, "a-file-not-a-directory");
    await writeFile(blocked, "x");
    await expect(runBackup(db(), { actor: null, ip: null }, { trigger: "schedule", dir: blocked })).rejects.toThrow();
    const status = await latestBackup(db());
    expect(status.last).toMatchObject({
      ok: false,
      trigger: "schedule",
      error: expect.stringMatching(/EEXIST|ENOTDIR/),
    });
    expect(status.lastOk?.ok).toBe(true);
  }, 60_000);

  it("are skipped by the schedule when BACKUP_DIR is not set", async () => {
    expect(await scheduledBackup(db())).toEqual({ skipped: "BACKUP_DIR is not set" });
  });
});

describe("console backup and restore", { timeout: 240_000 }, () => {
  it("backs up, verifies, restores into an empty database, and refuses a damaged file or a full database", async () => {
    const made = consoleRun("--json", "backup", "--out", dir);
    expect(made.err).toBe("");
    expect(made.code).toBe(0);
    const { file, rows } = JSON.parse(made.out) as { file: string; rows: number };
    expect(rows).toBeGreaterThan(0);

    const verified = consoleRun("--json", "restore", file, "--verify-only");
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.out)).toMatchObject({ ok: true, rows });

    const target = await createTestDatabase("console_restore", { migrate: false });
    drops.push(target.drop);
    const restored = consoleRun("--json", "restore", file, "--database", target.url);
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.out)).toMatchObject({ restored: file, rows });

    // Into the app's own (full) database: refused, nothing written.
    const full = consoleRun("restore", file, "--database", process.env.DATABASE_URL!);
    expect(full.code).toBe(1);
    expect(full.err).toContain("not empty");

    // A bare name: that database on the app's own server (for a zero-setup hospital, the embedded
    // one npm start runs, whose URL and password nobody types), created by the restore.
    const name = `console_restore_named_${randomUUID().slice(0, 8)}`;
    const named = new URL(process.env.DATABASE_URL!);
    named.pathname = `/${name}`;
    drops.push(() => dropDatabase(named.toString()));
    const byName = consoleRun("--json", "restore", file, "--database", name);
    expect(byName.err).not.toMatch(/^Error/m);
    expect(byName.code).toBe(0);
    expect(JSON.parse(byName.out)).toMatchObject({ restored: file, rows });
    const client = new pg.Client({ connectionString: named.toString() });
    await client.connect();
    const patients = await client
      .query<{ n: number }>(`SELECT count(*)::int AS n FROM "Patient"`)
      .finally(() => client.end());
    expect(patients.rows[0].n).toBe(await db().patient.count());
    const badName = consoleRun("restore", file, "--database", "Robert'); DROP TABLE");
    expect(badName.code).toBe(1);
    expect(badName.err).toContain("--database takes a URL");

    // One byte changed near the end: refused with a clear message and a nonzero exit.
    const size = (await stat(file)).size;
    const handle = await open(file, "r+");
    await handle.write(Buffer.from([0x5a]), 0, 1, size - 12);
    await handle.close();
    const bad = consoleRun("restore", file, "--verify-only");
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^Error: The backup file/m);

    const missing = consoleRun("restore", file);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("--database");
  });
});
