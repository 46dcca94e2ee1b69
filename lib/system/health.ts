import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/server/db";
import { log } from "@/lib/server/log";
import pkg from "@/package.json";
import { liveWorkers, WORKER_SEEN_WITHIN_MS } from "./heartbeat";

// Liveness and readiness for load balancers, orchestrators and compose (app/api/v1/health/*).
//  live:  the process answers; nothing else is asked (a database outage must not get every app
//         instance restarted).
//  ready: the database answers, every migration folder in prisma/migrations is applied, and a job
//         worker was seen within the last minute (lib/system/heartbeat.ts). Otherwise 503 with the reasons.

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

/** The migration folders this build ships (their names, sorted): the level the database must be at. */
export async function expectedMigrations(dir = MIGRATIONS_DIR): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** The migrations applied to the database (finished, not rolled back), sorted. */
export async function appliedMigrations(prisma: Db): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ name: string }[]>`
    SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`;
  return rows.map((r) => r.name);
}

export type MigrationLevel = { expected: number; applied: number; pending: string[]; latest: string | null };

export async function migrationLevel(prisma: Db, dir?: string): Promise<MigrationLevel> {
  const [expected, applied] = await Promise.all([expectedMigrations(dir), appliedMigrations(prisma)]);
  const done = new Set(applied);
  return {
    expected: expected.length,
    applied: applied.length,
    pending: expected.filter((m) => !done.has(m)),
    latest: applied.at(-1) ?? null,
  };
}

export type Readiness = {
  status: "ready" | "not-ready";
  version: string;
  checks: {
    database: "ok" | "unreachable";
    migrations: "ok" | "pending" | "unknown";
    worker: "ok" | "not-seen" | "unknown";
  };
  reasons: string[];
};

/** Each check with the reasons it fails; never throws. */
export async function readiness(prisma: Db, options: { migrationsDir?: string } = {}): Promise<Readiness> {
  const reasons: string[] = [];
  const checks: Readiness["checks"] = { database: "ok", migrations: "unknown", worker: "unknown" };
  try {
    await prisma.$queryRaw`SELECT 1`;
  } catch (err) {
    log("warn", "readiness: database unreachable", { error: err instanceof Error ? err.message : String(err) });
    checks.database = "unreachable";
    reasons.push("The database does not answer.");
    return { status: "not-ready", version: pkg.version, checks, reasons };
  }
  const [migrations, workers] = await Promise.allSettled([
    migrationLevel(prisma, options.migrationsDir),
    liveWorkers(prisma),
  ]);
  if (migrations.status === "fulfilled") {
    checks.migrations = migrations.value.pending.length ? "pending" : "ok";
    if (migrations.value.pending.length)
      reasons.push(
        `${migrations.value.pending.length} migration(s) not applied: ${migrations.value.pending.join(", ")}.`,
      );
  } else reasons.push("The migration level could not be read (is the database migrated at all?).");
  if (workers.status === "fulfilled") {
    checks.worker = workers.value.length ? "ok" : "not-seen";
    if (!workers.value.length)
      reasons.push(`No job worker seen in the last ${WORKER_SEEN_WITHIN_MS / 1000} s (npm run worker).`);
  } else reasons.push("The job workers' heartbeats could not be read.");
  return { status: reasons.length ? "not-ready" : "ready", version: pkg.version, checks, reasons };
}
