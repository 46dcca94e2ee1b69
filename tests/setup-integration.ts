import { afterAll, beforeAll, inject } from "vitest";

// Every integration file talks to the run's fresh database through the app's own db() client.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789";

beforeAll(async () => {
  const { resetDatabase } = await import("./reset");
  await resetDatabase();
});

afterAll(async () => {
  const { db } = await import("@/lib/server/db");
  await db().$disconnect();
});
