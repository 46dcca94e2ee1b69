import { randomBytes } from "node:crypto";
import pg from "pg";
import { applyMigrations, ensureDatabase } from "../scripts/db/migrations";

// A fresh, uniquely named database per test run on TEST_DATABASE_URL's server (default: the local
// PostgreSQL), migrated like production, dropped at the end.

const base = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const admin = new URL(base);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function urlOf(name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** With `migrate: false`, the database is left empty (a restore's target). */
export async function createTestDatabase(
  prefix: string,
  options: { migrate?: boolean } = {},
): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const url = urlOf(name);
  await ensureDatabase(url);
  if (options.migrate !== false) await applyMigrations(url);
  return { name, url, drop: () => dropDatabase(name) };
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`));
}

/**
 * A copy of `template` named `name` (PostgreSQL's CREATE DATABASE … TEMPLATE: the migrated schema
 * without running the migrations again), unless it exists already. Returns its URL.
 */
export async function copyDatabase(template: string, name: string): Promise<string> {
  await withAdmin(async (c) => {
    const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount)
      await c.query(`CREATE DATABASE ${c.escapeIdentifier(name)} TEMPLATE ${c.escapeIdentifier(template)}`);
  });
  return urlOf(name);
}

/** Drops every database whose name starts with `prefix` (a run's per-worker copies). */
export async function dropDatabasesStartingWith(prefix: string): Promise<void> {
  await withAdmin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [prefix],
    );
    for (const { datname } of rows)
      await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(datname)} WITH (FORCE)`);
  });
}
