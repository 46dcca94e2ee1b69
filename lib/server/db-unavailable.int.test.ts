import { NextRequest } from "next/server";
import { defineOperation } from "@/lib/server/contract";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "@/lib/i18n/en";
import { publicRoute } from "./api";
import { createDb, db } from "./db";
import { databaseUnavailable } from "./errors-map";

// A database connection lost mid-request, or a statement cancelled by the statement timeout: the
// request is answered 503 SERVICE_UNAVAILABLE with Retry-After and a correlation id, never 500, and
// the pool serves the next request by itself.

const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
beforeAll(() => admin.connect());
afterAll(() => admin.end());

/** Terminates the backend running a statement that contains `marker`, once it is running. */
async function terminateWhenRunning(marker: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await admin.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE $1 AND pid <> pg_backend_pid() AND state = 'active'`,
      [`%${marker}%`],
    );
    if (rows.length) {
      await admin.query(`SELECT pg_terminate_backend($1)`, [rows[0].pid]);
      return;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no running statement with ${marker}`);
}

const TEST_OP = defineOperation({
  method: "GET",
  path: "/test",
  tag: "test",
  summary: "A test route.",
  permission: null,
});
const call = (route: ReturnType<typeof publicRoute>) =>
  route(new NextRequest("http://localhost/api/v1/test"), { params: Promise.resolve({}) });

describe("a database connection lost mid-request", () => {
  it("answers 503 with Retry-After and a correlation id, and the pool recovers", async () => {
    const route = publicRoute(TEST_OP, async () => db().$queryRawUnsafe(`SELECT pg_sleep(10) AS lost_marker_1`));
    const [res] = await Promise.all([call(route), terminateWhenRunning("lost_marker_1")]);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("1");
    const body = await res.json();
    expect(body.error).toMatchObject({ code: "SERVICE_UNAVAILABLE", message: en.errors.unavailable });
    expect(body.error.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    // The next request is served (pg's pool dropped the dead connection).
    expect(await db().department.count()).toBeGreaterThanOrEqual(0);
  });

  it("inside an interactive transaction too", async () => {
    const route = publicRoute(TEST_OP, () =>
      db().$transaction(async (tx) => {
        await tx.department.count();
        return tx.$queryRawUnsafe(`SELECT pg_sleep(10) AS lost_marker_2`);
      }),
    );
    const [res] = await Promise.all([call(route), terminateWhenRunning("lost_marker_2")]);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("1");
    expect(await db().department.count()).toBeGreaterThanOrEqual(0);
  });

  it("a refused connection is unavailable too", async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.port = "1"; // nothing listens there
    const nowhere = createDb(url.toString());
    try {
      const err = await nowhere.department.count().then(
        () => null,
        (e: unknown) => e,
      );
      expect(databaseUnavailable(err)).toBe("connection");
    } finally {
      await nowhere.$disconnect();
    }
  });
});

describe("the statement timeout", () => {
  it("is set on the web server's connections (STATEMENT_TIMEOUT_MS, default 5 s)", async () => {
    const [row] = await db().$queryRaw<{ statement_timeout: string }[]>`SHOW statement_timeout`;
    expect(row.statement_timeout).toBe("5s");
  });

  it("cancels a statement that runs longer, answered 503 with Retry-After", async () => {
    const quick = createDb(process.env.DATABASE_URL!, { statementTimeoutMs: 200 });
    try {
      const route = publicRoute(TEST_OP, async () => quick.$queryRaw`SELECT pg_sleep(2)`);
      const res = await call(route);
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      expect((await res.json()).error).toMatchObject({
        code: "SERVICE_UNAVAILABLE",
        message: en.errors.searchTimedOut,
      });
      expect(await quick.department.count()).toBeGreaterThanOrEqual(0);
    } finally {
      await quick.$disconnect();
    }
  });
});
