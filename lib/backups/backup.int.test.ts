import { truncateSync } from "node:fs";
import { mkdtemp, open, readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/prisma/seed";
import { seedPatient } from "@/prisma/builders";
import { audit, verifyAuditChain } from "@/lib/server/audit";
import { createDb, db } from "@/lib/server/db";
import { createTestDatabase } from "@/tests/test-db";
import { createBackup, pruneBackups } from "./backup";
import { restoreBackup, verifyBackupFile } from "./restore";

// Backups of the seeded demo hospital, restored into fresh databases and compared table by table.
// Heavy: each test gets a budget sized for a loaded 2-core machine.
const HEAVY = 240_000;

let dir: string;
const dropAfter: (() => Promise<void>)[] = [];

beforeAll(async () => {
  await seedDemo(db());
  dir = await mkdtemp(path.join(os.tmpdir(), "hospital-backup-test-"));
}, HEAVY);

afterAll(async () => {
  for (const drop of dropAfter) await drop().catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

async function emptyDatabase(prefix: string): Promise<string> {
  const target = await createTestDatabase(prefix, { migrate: false });
  dropAfter.push(target.drop);
  return target.url;
}

/** Every table of a database: its row count and a digest of its rows (order-independent). */
async function digests(url: string): Promise<Record<string, { rows: number; digest: string }>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
    );
    const out: Record<string, { rows: number; digest: string }> = {};
    for (const { name } of tables) {
      const t = client.escapeIdentifier(name);
      const { rows } = await client.query<{ n: number; d: string }>(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(md5(x::text), '' ORDER BY md5(x::text)), '')) AS d FROM ${t} x`,
      );
      out[name] = { rows: rows[0].n, digest: rows[0].d };
    }
    return out;
  } finally {
    await client.end();
  }
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const source = () => process.env.DATABASE_URL!;

/** Indexes, constraints and triggers (with their enabled state): a restore rebuilds them all. */
async function schemaObjects(url: string) {
  return {
    indexes: await query(url, `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`),
    constraints: await query(
      url,
      `SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`,
    ),
    triggers: await query(
      url,
      `SELECT tgrelid::regclass::text AS tbl, tgname, tgenabled FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2`,
    ),
  };
}

describe("backup and restore", () => {
  it(
    "takes a consistent snapshot while writes go on, and restores it into a fresh database",
    async () => {
      // The writer: each transaction registers a patient and its audit event, as the app does.
      const admin = await db().user.findFirstOrThrow({ where: { role: "ADMIN" } });
      const ctx = { actor: { id: admin.id, role: admin.role }, ip: null };
      let writes = 0;
      let stop = false;
      const writer = (async () => {
        for (let i = 0; !stop; i++) {
          await db().$transaction(async (tx) => {
            const p = await seedPatient(tx as never, {
              firstName: `Writer${i}`,
              lastName: "Concurrent",
              dateOfBirth: "1990-01-01",
              sex: "female",
            });
            await audit(tx, ctx, {
              action: "CREATE",
              entity: "Patient",
              entityId: p.id,
              patientId: p.id,
              details: { writer: true },
            });
          });
          writes++;
        }
      })();
      while (writes < 3) await new Promise((r) => setTimeout(r, 20));
      const before = writes;
      const backup = await createBackup({ databaseUrl: source(), dir });
      const during = writes - before;
      // Let a few more land after the snapshot, then stop.
      while (writes < before + during + 3) await new Promise((r) => setTimeout(r, 20));
      stop = true;
      await writer;
      expect(during).toBeGreaterThan(0);
      expect(backup.bytes).toBe((await stat(backup.file)).size);
      expect((await stat(backup.file)).mode & 0o777).toBe(0o600);

      const target = await emptyDatabase("restore_live");
      const report = await restoreBackup({ file: backup.file, databaseUrl: target });
      expect(report.tables).toBe(backup.manifest.tables.length);

      // Every table holds what the manifest counted.
      const restored = await digests(target);
      for (const t of backup.manifest.tables) expect(restored[t.name]?.rows, t.name).toBe(t.rows);
      expect(Object.keys(restored).sort()).toEqual(backup.manifest.tables.map((t) => t.name).sort());

      // Consistency: each writer transaction is in the backup whole (patient and audit event) or not at all.
      const patients = (
        await query<{ id: string }>(target, `SELECT id FROM "Patient" WHERE "lastName" = 'Concurrent' ORDER BY id`)
      ).map((r) => r.id);
      const audited = (
        await query<{ id: string }>(
          target,
          `SELECT "entityId" AS id FROM "AuditEvent" WHERE details->>'writer' = 'true' ORDER BY "entityId"`,
        )
      ).map((r) => r.id);
      expect(patients).toEqual(audited);
      expect(patients.length).toBeGreaterThanOrEqual(before);
      expect(patients.length).toBeLessThan(writes);

      // The restored audit chain is intact and is exactly the source's chain up to the snapshot's head.
      const restoredDb = createDb(target);
      try {
        expect(await verifyAuditChain(restoredDb)).toMatchObject({ ok: true });
      } finally {
        await restoredDb.$disconnect();
      }
      const head = backup.manifest.auditHead;
      const [sourceAtHead] = await query<{ hash: string }>(
        source(),
        `SELECT hash FROM "AuditEvent" WHERE seq = ${BigInt(head.seq)}`,
      );
      expect(sourceAtHead.hash).toBe(head.hash);
      const sourceNow = await digests(source());
      const [prefix] = await query<{ d: string }>(
        source(),
        `SELECT md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))) AS d FROM "AuditEvent" x WHERE seq <= ${BigInt(head.seq)}`,
      );
      expect(restored.AuditEvent.digest).toBe(prefix.d);

      // Tables the writer does not touch are identical to the source's.
      const touched = new Set(["Patient", "AuditEvent", "AuditHead", "BackupRun"]);
      for (const [name, d] of Object.entries(restored)) {
        if (touched.has(name) || name.startsWith("patient_") || name.startsWith("Patient")) continue;
        expect(d, name).toEqual(sourceNow[name]);
      }
      // Sequences continue after the restored rows: the next MRN is new.
      const [seq] = await query<{ v: string }>(target, `SELECT last_value::text AS v FROM patient_mrn_seq`);
      expect(BigInt(seq.v)).toBeGreaterThanOrEqual(
        BigInt(backup.manifest.sequences.find((s) => s.name === "patient_mrn_seq")!.value ?? "0"),
      );
    },
    HEAVY,
  );

  it(
    "round-trips an encrypted backup: every table's rows identical, chain intact",
    async () => {
      const key = "correct horse battery staple, twice over";
      const backup = await createBackup({ databaseUrl: source(), dir, key });
      expect(backup.encrypted).toBe(true);
      // Without the key, or with another, the file is refused.
      await expect(verifyBackupFile(backup.file, undefined)).rejects.toThrow(/encrypted/);
      await expect(verifyBackupFile(backup.file, "not the key at all, not at all")).rejects.toThrow(
        /fails its authentication/,
      );

      const target = await emptyDatabase("restore_enc");
      await restoreBackup({ file: backup.file, databaseUrl: target, key });
      expect(await digests(target)).toEqual(await digests(source()));
      const restoredSchema = await schemaObjects(target);
      expect(restoredSchema.indexes.length).toBeGreaterThan(50);
      expect(restoredSchema).toEqual(await schemaObjects(source()));
    },
    HEAVY,
  );

  it(
    "refuses a file with one byte changed, compressed or encrypted, and leaves the target untouched",
    async () => {
      for (const key of [undefined, "a key that is long enough for this"]) {
        const backup = await createBackup({ databaseUrl: source(), dir, key });
        const size = (await stat(backup.file)).size;
        const handle = await open(backup.file, "r+");
        try {
          const at = Math.floor(size / 2);
          const byte = Buffer.alloc(1);
          await handle.read(byte, 0, 1, at);
          byte[0] ^= 0x01;
          await handle.write(byte, 0, 1, at);
        } finally {
          await handle.close();
        }
        const target = await emptyDatabase("restore_bad");
        await expect(restoreBackup({ file: backup.file, databaseUrl: target, key })).rejects.toThrow(
          key ? /altered or damaged/ : /damaged|altered|checksum/,
        );
        expect(await query(target, `SELECT 1 FROM pg_tables WHERE schemaname = 'public'`)).toEqual([]);
      }
    },
    HEAVY,
  );

  it(
    "rolls back, without hanging, when the file is cut short while it is being loaded",
    async () => {
      const backup = await createBackup({ databaseUrl: source(), dir });
      const target = await emptyDatabase("restore_cut");
      const cut = (line: string) => {
        // After the verification pass, before the load: the file loses its second half.
        if (line.startsWith("Loading")) truncateSync(backup.file, Math.floor(backup.bytes / 2));
      };
      await expect(restoreBackup({ file: backup.file, databaseUrl: target, progress: cut })).rejects.toThrow(
        /Nothing was restored/,
      );
      const counts = await query<{ n: number }>(target, `SELECT count(*)::int AS n FROM "Patient"`);
      expect(counts[0].n).toBe(0);
    },
    HEAVY,
  );

  it(
    "refuses to restore into a database that is not empty",
    async () => {
      const backup = await createBackup({ databaseUrl: source(), dir });
      await expect(restoreBackup({ file: backup.file, databaseUrl: source() })).rejects.toThrow(/not empty/);
      const migrated = await createTestDatabase("restore_full");
      dropAfter.push(migrated.drop);
      await expect(restoreBackup({ file: backup.file, databaseUrl: migrated.url })).rejects.toThrow(/not empty/);
    },
    HEAVY,
  );

  it(
    "creates the target database when it does not exist",
    async () => {
      const backup = await createBackup({ databaseUrl: source(), dir });
      const target = await createTestDatabase("restore_new", { migrate: false });
      await target.drop(); // the name is free now
      dropAfter.push(target.drop);
      const report = await restoreBackup({ file: backup.file, databaseUrl: target.url });
      expect(report.rows).toBe(backup.rows);
    },
    HEAVY,
  );

  it("keeps only the newest BACKUP_KEEP files", async () => {
    const keepDir = await mkdtemp(path.join(os.tmpdir(), "hospital-backup-keep-"));
    try {
      for (const stamp of ["20261201T020000000Z", "20261202T020000000Z", "20261203T020000000Z"]) {
        await (await open(path.join(keepDir, `hospital-${stamp}.backup`), "w")).close();
      }
      await (await open(path.join(keepDir, "notes.txt"), "w")).close();
      const deleted = await pruneBackups(keepDir, 2);
      expect(deleted.map((f) => path.basename(f))).toEqual(["hospital-20261201T020000000Z.backup"]);
      expect((await readdir(keepDir)).sort()).toEqual([
        "hospital-20261202T020000000Z.backup",
        "hospital-20261203T020000000Z.backup",
        "notes.txt",
      ]);
    } finally {
      await rm(keepDir, { recursive: true, force: true });
    }
  });
});
