import { readdir } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, ensureDatabase, MIGRATION_LOCK_KEY } from "../scripts/db/migrations";

// Two instances starting together on a fresh database (two machines, or a restart racing a
// deployment): both migrate at once, and each migration must be applied exactly once.

const base = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const name = `hospital_migrate_race_${Date.now()}_${randomBytes(3).toString("hex")}`;
const url = Object.assign(new URL(base), { pathname: `/${name}` }).toString();
const name2 = `${name}_b`;
const url2 = Object.assign(new URL(base), { pathname: `/${name2}` }).toString();

describe("migrations at start", () => {
  afterAll(async () => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`DROP DATABASE IF EXISTS "${name2}" WITH (FORCE)`);
    await client.end();
    // DROP DATABASE waits for a checkpoint, which on a busy machine (every other test file writing)
    // can take well over a minute: the budget is for that, not for this test's own work.
  }, 300_000);

  it("two concurrent migrate calls on a fresh database both succeed and apply every migration once", async () => {
    await Promise.all([ensureDatabase(url), ensureDatabase(url)]);
    const [first, second] = await Promise.all([applyMigrations(url), applyMigrations(url)]);
    const dirs = (await readdir(path.resolve(import.meta.dirname, "../prisma/migrations"), { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    // One of them applied everything; the other waited for the lock and found nothing to do.
    expect([first.length, second.length].sort((a, b) => a - b)).toEqual([0, dirs.length]);
    expect([...first, ...second].sort()).toEqual(dirs);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ migration_name: string; n: number }>(
        `SELECT migration_name, count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL GROUP BY migration_name ORDER BY migration_name`,
      );
      expect(rows.map((r) => r.migration_name)).toEqual(dirs);
      expect(rows.every((r) => r.n === 1)).toBe(true);
    } finally {
      await client.end();
    }
    // And again: nothing left to apply.
    expect(await applyMigrations(url)).toEqual([]);
  }, 180_000);

  it("waits for the migration lock held by another instance before touching the database", async () => {
    await ensureDatabase(url2);
    const holder = new pg.Client({ connectionString: url2 });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      let done = false;
      const migrating = applyMigrations(url2).finally(() => (done = true));
      // Until its connection is seen waiting for the lock (no timing assumption: it is polled for).
      for (;;) {
        const { rows } = await holder.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'hospital-migrate' AND wait_event_type = 'Lock'`,
          [name2],
        );
        if (rows[0].n > 0) break;
        expect(done).toBe(false);
        await new Promise((r) => setTimeout(r, 100));
      }
      const { rows } = await holder.query<{ exists: boolean }>(
        "SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists",
      );
      expect(rows[0].exists).toBe(false);
      expect(done).toBe(false);
      await holder.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
      expect((await migrating).length).toBeGreaterThan(0);
    } finally {
      await holder.end();
    }
  }, 180_000);
});
