import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/tests/test-db";
import { dropNewerQueueSchema, queueSchemaVersion } from "./queue-schema";

// A database whose job queue was made by pg-boss 11 (schema 26) meets pg-boss 10 (schema 24).

describe("a job queue schema made by a newer pg-boss", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: pg.Client;
  beforeAll(async () => {
    database = await createTestDatabase("hospital_queue_schema");
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  }, 60_000);
  afterAll(async () => {
    await client.end();
    await database.drop();
  }, 60_000);

  const makeSchema = async (version: number) => {
    await client.query("DROP SCHEMA IF EXISTS pgboss CASCADE");
    await client.query("CREATE SCHEMA pgboss");
    await client.query("CREATE TABLE pgboss.version (version int PRIMARY KEY)");
    await client.query("INSERT INTO pgboss.version VALUES ($1)", [version]);
    await client.query("CREATE TABLE pgboss.job (id uuid PRIMARY KEY)");
    await client.query("INSERT INTO pgboss.job VALUES (gen_random_uuid()), (gen_random_uuid())");
  };
  const schemaExists = async () =>
    (await client.query("SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = 'pgboss'")).rows[0].n === 1;

  it("is dropped (its jobs counted), while this version's own, an older one, or none is left alone", async () => {
    expect(queueSchemaVersion()).toBe(24);
    expect(await dropNewerQueueSchema(database.url)).toBeNull();

    await makeSchema(queueSchemaVersion());
    expect(await dropNewerQueueSchema(database.url)).toBeNull();
    expect(await schemaExists()).toBe(true);

    await makeSchema(queueSchemaVersion() + 2);
    expect(await dropNewerQueueSchema(database.url)).toBe(2);
    expect(await schemaExists()).toBe(false);
  });
});
