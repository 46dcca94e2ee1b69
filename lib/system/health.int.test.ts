import { mkdtemp, mkdir, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedUser } from "@/prisma/builders";
import { db } from "@/lib/server/db";
import { resetDatabase } from "@/tests/reset";
import { GET as liveGet } from "@/app/api/v1/health/live/route";
import { GET as readyGet } from "@/app/api/v1/health/ready/route";
import { GET as metricsGet } from "@/app/api/v1/metrics/route";
import { GET as statsGet } from "@/app/api/v1/stats/route";
import { GET as statusGet } from "@/app/api/v1/status/route";
import { beat, endBeat } from "./heartbeat";
import { readiness } from "./health";
import { activeSessions, systemOverview } from "./overview";

let authorization: string | null = null;
vi.mock("next/headers", () => ({
  headers: async () => new Headers(authorization ? { authorization } : {}),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));

const noParams = { params: Promise.resolve({}) };
const get = (url: string) => new NextRequest(`http://localhost/api/v1${url}`);

async function tokenWith(scopes: string[]): Promise<string> {
  const admin = await db().user.findFirstOrThrow({ where: { role: "ADMIN" } });
  const { createToken } = await import("@/lib/tokens/service");
  const { secret } = await createToken(
    db(),
    { actor: { id: admin.id, role: "ADMIN", name: admin.name, email: admin.email }, ip: null },
    { name: scopes.join(" "), scopes: scopes as never },
  );
  return secret;
}

describe("health, readiness and metrics", () => {
  beforeEach(async () => {
    await resetDatabase();
    authorization = null;
    await seedUser(db(), { email: "admin@h.org", name: "Admin", role: "ADMIN", password: "pw-0123456789" });
  });

  it("live answers without asking anything; /status keeps working", async () => {
    const live = await liveGet(get("/health/live"), { params: Promise.resolve({}) });
    expect(live.status).toBe(200);
    expect(await live.json()).toMatchObject({ status: "live" });
    const status = await statusGet(get("/status"), { params: Promise.resolve({}) });
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({ status: "ok", database: "ok" });
  });

  it("ready is 503 until a job worker is seen, 200 while one beats, 503 again when it stops", async () => {
    const before = await readyGet(get("/health/ready"), { params: Promise.resolve({}) });
    expect(before.status).toBe(503);
    const body = await before.json();
    expect(body).toMatchObject({
      status: "not-ready",
      checks: { database: "ok", migrations: "ok", worker: "not-seen" },
    });
    expect(body.reasons.join(" ")).toMatch(/No job worker seen/);

    await beat(db(), new Date(), "test-host:1");
    const during = await readyGet(get("/health/ready"), { params: Promise.resolve({}) });
    expect(during.status).toBe(200);
    expect(await during.json()).toMatchObject({
      status: "ready",
      checks: { database: "ok", migrations: "ok", worker: "ok" },
      reasons: [],
    });

    // A heartbeat older than a minute is a worker gone.
    await db().$executeRaw`UPDATE "WorkerHeartbeat" SET "seenAt" = now() - interval '61 seconds'`;
    expect((await readyGet(get("/health/ready"), { params: Promise.resolve({}) })).status).toBe(503);
    await beat(db(), new Date(), "test-host:1");
    await endBeat(db(), "test-host:1");
    expect((await readyGet(get("/health/ready"), { params: Promise.resolve({}) })).status).toBe(503);
  });

  it("ready names the migrations of this build the database lacks", async () => {
    await beat(db(), new Date(), "test-host:2");
    const dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
    for (const name of await readdir(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true }))
      if (name.isDirectory()) await mkdir(path.join(dir, name.name));
    await mkdir(path.join(dir, "29991231000000_from_the_future"));
    const r = await readiness(db(), { migrationsDir: dir });
    expect(r.status).toBe("not-ready");
    expect(r.checks.migrations).toBe("pending");
    expect(r.reasons.join(" ")).toContain("29991231000000_from_the_future");
  });

  it('metrics: a "metrics" token reads them and nothing else; other scoped tokens and anonymous callers are refused', async () => {
    const metricsToken = await tokenWith(["metrics"]);
    const publicHealth = await tokenWith(["public-health:read"]);
    authorization = null;
    expect((await metricsGet(get("/metrics"), noParams)).status).toBe(401);
    authorization = `Bearer ${publicHealth}`;
    expect((await metricsGet(get("/metrics"), noParams)).status).toBe(403);
    authorization = `Bearer ${metricsToken}`;
    expect((await statsGet(get("/stats"), noParams)).status).toBe(403);

    await db().outboxEmail.create({ data: { to: "a@b.org", subject: "s", html: "h", text: "t", status: "OUTBOX" } });
    await beat(db(), new Date(), "test-host:3");
    const res = await metricsGet(get("/metrics"), noParams);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const text = await res.text();
    // The refused calls above were counted by route pattern and status.
    expect(text).toMatch(/hospital_http_requests_total\{method="GET",route="\/api\/v1\/stats",status="403"\} [1-9]/);
    expect(text).toMatch(
      /hospital_http_request_duration_seconds_bucket\{le="[^"]+",method="GET",route="\/api\/v1\/metrics",status="401"\} [1-9]/,
    );
    expect(text).toMatch(/^hospital_emails_waiting 1$/m);
    expect(text).toMatch(/^hospital_workers_seen 1$/m);
    expect(text).toMatch(/^hospital_migrations_pending 0$/m);
    expect(text).toMatch(/^hospital_job_queue_depth\{queue="[^"]+",state="created"\} \d+$/m);
    expect(text).toMatch(/^hospital_db_pool_connections\{state="in_use"\} \d+$/m);
    expect(text).toMatch(/^hospital_db_pool_waiting \d+$/m);
    expect(text).toContain("hospital_signin_failures_total");
  });

  it("the System page's figures: migration level, database size, workers, active sessions", async () => {
    const admin = await db().user.findFirstOrThrow({ where: { role: "ADMIN" } });
    const now = new Date();
    await db().session.createMany({
      data: [
        { userId: admin.id, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + 3_600_000) },
        {
          userId: admin.id,
          createdAt: now,
          lastSeenAt: now,
          expiresAt: new Date(now.getTime() + 3_600_000),
          revokedAt: now,
        },
        {
          userId: admin.id,
          createdAt: now,
          lastSeenAt: new Date(now.getTime() - 24 * 3_600_000),
          expiresAt: new Date(now.getTime() + 3_600_000),
        },
      ],
    });
    expect(await activeSessions(db())).toEqual({ sessions: 1, users: 1 });
    await beat(db(), new Date(), "test-host:4");
    const o = await systemOverview(db(), "localhost:3000");
    expect(o.migrations.pending).toEqual([]);
    expect(o.migrations.applied).toBe(o.migrations.expected);
    expect(o.databaseBytes).toBeGreaterThan(1_000_000);
    expect(o.workers.map((w) => w.id)).toContain("test-host:4");
    expect(o.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
