import client from "prom-client";
import { latestBackup } from "@/lib/backups/status";
import { JOB_NAMES } from "@/lib/jobs/definitions";
import type { Db } from "@/lib/server/db";
import { webMetricsText } from "@/lib/server/metrics";
import { liveWorkers } from "./heartbeat";
import { migrationLevel } from "./health";

// /api/v1/metrics: the web processes' own counters (requests, latency, sign-in failures, database
// pool: lib/server/metrics.ts) followed by what the database knows, read once per scrape here (the
// same for every process, so never summed across them): job queues, email backlog, workers seen,
// migrations pending, and the age of the last backup.

/** The age in seconds of the last successful backup (lib/backups), or null when there is none yet. */
export async function backupAgeSeconds(prisma: Db): Promise<number | null> {
  const { ageHours } = await latestBackup(prisma);
  return ageHours === null ? null : Math.round(ageHours * 3600);
}

export type QueueCount = { name: string; state: string; n: number };

/** Jobs by queue and state (pg-boss's table); none before pg-boss has created it. */
export async function jobCounts(prisma: Db): Promise<QueueCount[]> {
  const [exists] = await prisma.$queryRaw<{ ok: boolean }[]>`SELECT to_regclass('pgboss.job') IS NOT NULL AS ok`;
  if (!exists?.ok) return [];
  return prisma.$queryRaw<
    QueueCount[]
  >`SELECT name, state::text AS state, count(*)::int AS n FROM pgboss.job GROUP BY name, state ORDER BY name, state`;
}

/** Emails not sent, by status: OUTBOX (waiting: no SMTP yet, or retrying) and FAILED (given up). */
export async function emailBacklog(prisma: Db): Promise<{ waiting: number; failed: number }> {
  const rows = await prisma.$queryRaw<{ status: string; n: number }[]>`
    SELECT status::text AS status, count(*)::int AS n FROM "OutboxEmail" WHERE status <> 'SENT' GROUP BY status`;
  const of = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
  return { waiting: of("OUTBOX"), failed: of("FAILED") };
}

/** The database's figures as Prometheus text (a registry made for this scrape). */
export async function databaseMetricsText(prisma: Db): Promise<string> {
  const registry = new client.Registry();
  const [jobs, emails, workers, migrations, backupAge] = await Promise.all([
    jobCounts(prisma),
    emailBacklog(prisma),
    liveWorkers(prisma),
    migrationLevel(prisma),
    backupAgeSeconds(prisma),
  ]);
  const depth = new client.Gauge({
    name: "hospital_job_queue_depth",
    help: "Jobs waiting or running, by queue and state (created, retry, active)",
    labelNames: ["queue", "state"],
    registers: [registry],
  });
  const failed = new client.Gauge({
    name: "hospital_job_failures",
    help: "Failed jobs kept by the queue (14 days), by queue",
    labelNames: ["queue"],
    registers: [registry],
  });
  for (const queue of JOB_NAMES) {
    for (const state of ["created", "retry", "active"])
      depth.set({ queue, state }, jobs.find((j) => j.name === queue && j.state === state)?.n ?? 0);
    failed.set({ queue }, jobs.find((j) => j.name === queue && j.state === "failed")?.n ?? 0);
  }
  new client.Gauge({
    name: "hospital_emails_waiting",
    help: "Emails in the outbox not yet sent (no SMTP, or waiting for a retry)",
    registers: [registry],
  }).set(emails.waiting);
  new client.Gauge({
    name: "hospital_emails_failed",
    help: "Emails given up on after their last attempt",
    registers: [registry],
  }).set(emails.failed);
  new client.Gauge({
    name: "hospital_workers_seen",
    help: "Job workers seen in the last minute",
    registers: [registry],
  }).set(workers.length);
  new client.Gauge({
    name: "hospital_migrations_pending",
    help: "Migrations of this build not applied to the database",
    registers: [registry],
  }).set(migrations.pending.length);
  if (backupAge !== null)
    new client.Gauge({
      name: "hospital_backup_age_seconds",
      help: "Seconds since the last successful backup",
      registers: [registry],
    }).set(backupAge);
  return registry.metrics();
}

/** The whole scrape: every web process's counters, then the database's figures. */
export async function metricsText(prisma: Db): Promise<string> {
  const [web, database] = await Promise.all([webMetricsText(), databaseMetricsText(prisma)]);
  return `${web.trimEnd()}\n${database}`;
}
