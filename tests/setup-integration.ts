import { afterAll, beforeAll, inject } from "vitest";
import { copyDatabase } from "./test-db";

// Every integration file talks to its worker's own copy of the run's fresh database, through the
// app's own db() client. A worker (VITEST_POOL_ID, 1…maxWorkers) runs one file at a time, so the copy
// is never shared by two files at once; each file starts from empty tables (resetDatabase).
const template = inject("templateDatabase");
process.env.DATABASE_URL = await copyDatabase(template, `${template}_w${process.env.VITEST_POOL_ID ?? "1"}`);
process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789";

beforeAll(async () => {
  const { resetDatabase } = await import("./reset");
  await resetDatabase();
});

afterAll(async () => {
  const { db } = await import("@/lib/server/db");
  await db().$disconnect();
});
