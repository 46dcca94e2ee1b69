import pg from "pg";

/**
 * Runs SQL with triggers off (session_replication_role = replica, superuser only) on a connection of
 * its own, so the setting can never leak into the app's pool. Tests use it to reset tables and to
 * tamper with the audit trail as an attacker with database access would.
 */
export async function withoutTriggers(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query(sql);
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}

/** Empties every application table between test files; the audit table refuses deletes by design. */
export async function resetDatabase(): Promise<void> {
  await withoutTriggers(`DO $$
    DECLARE tables text;
    BEGIN
      SELECT string_agg(format('%I', tablename), ', ') INTO tables FROM pg_tables
        WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'AuditHead');
      EXECUTE 'TRUNCATE ' || tables || ' RESTART IDENTITY CASCADE';
      UPDATE "AuditHead" SET "lastSeq" = 0, hash = '' WHERE id = 1;
    END $$`);
}
