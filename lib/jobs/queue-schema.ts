import { createRequire } from "node:module";
import pg from "pg";

// pg-boss creates and migrates its own schema ("pgboss") on start, forwards only. A database whose
// queue tables were made by a newer pg-boss (11, schema 26, before the move back to 10 for Node 20)
// would be used by this one with SQL for other tables. Jobs are work in flight, not records: an email
// still waits in the outbox (the sweep enqueues it again), an export can be asked for again. So such
// a schema is dropped, and pg-boss makes its own again.

/** The schema version this pg-boss makes. */
export function queueSchemaVersion(): number {
  return (createRequire(import.meta.url)("pg-boss/version.json") as { schema: number }).schema;
}

/**
 * Drops the "pgboss" schema when a newer pg-boss made it. Returns the number of jobs it held, or
 * null when nothing was dropped. Run under the migration lock (scripts/db/migrations.ts).
 */
export async function dropNewerQueueSchema(databaseUrl: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ exists: boolean }>(
      "SELECT to_regclass('pgboss.version') IS NOT NULL AS exists",
    );
    if (!rows[0].exists) return null;
    const { rows: version } = await client.query<{ version: number }>(
      "SELECT version::int AS version FROM pgboss.version LIMIT 1",
    );
    if (!version.length || version[0].version <= queueSchemaVersion()) return null;
    const jobs = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM pgboss.job").then(
      (r) => r.rows[0].n,
      () => 0,
    );
    await client.query("DROP SCHEMA pgboss CASCADE");
    return jobs;
  } finally {
    await client.end();
  }
}
