import { randomBytes } from "node:crypto";
import pg from "pg";
import { applyMigrations, ensureDatabase } from "../scripts/db/migrations";

// A fresh, uniquely named database per test run on TEST_DATABASE_URL's server (default: the local
// PostgreSQL), migrated like production, dropped at the end.

const base = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** With `migrate: false`, the database is left empty (a restore's target). */
export async function createTestDatabase(
  prefix: string,
  options: { migrate?: boolean } = {},
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const url = new URL(base);
  url.pathname = `/${name}`;
  await ensureDatabase(url.toString());
  if (options.migrate !== false) await applyMigrations(url.toString());
  return {
    url: url.toString(),
    drop: async () => {
      const admin = new URL(base);
      admin.pathname = "/postgres";
      const client = new pg.Client({ connectionString: admin.toString() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
