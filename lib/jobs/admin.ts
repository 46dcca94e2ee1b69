import type PgBoss from "pg-boss";
import type { Db } from "@/lib/server/db";
import { JOB_NAMES, SCHEDULED, type ScheduledJob } from "./definitions";
import { enqueue } from "./queue";

// What /admin/jobs shows: read straight from pg-boss's tables (schema "pgboss"), which the queue
// creates on start — callers start the queue first.

export type QueueRow = { name: string; counts: Record<string, number> };
export type FailedJob = {
  id: string;
  name: string;
  attempts: number;
  retryLimit: number;
  error: string;
  failedAt: string | null;
};

export async function jobOverview(prisma: Db): Promise<{ queues: QueueRow[]; failed: FailedJob[] }> {
  const counts = await prisma.$queryRaw<
    { name: string; state: string; n: bigint }[]
  >`SELECT name, state::text AS state, count(*) AS n FROM pgboss.job GROUP BY name, state`;
  const queues = JOB_NAMES.map((name) => ({
    name,
    counts: Object.fromEntries(counts.filter((c) => c.name === name).map((c) => [c.state, Number(c.n)])),
  }));
  const failed = await prisma.$queryRaw<
    { id: string; name: string; retry_count: number; retry_limit: number; output: unknown; completed_on: Date | null }[]
  >`
    SELECT id::text, name, retry_count, retry_limit, output, completed_on FROM pgboss.job WHERE state = 'failed' ORDER BY completed_on DESC NULLS LAST LIMIT 20`;
  return {
    queues,
    failed: failed.map((j) => ({
      id: j.id,
      name: j.name,
      attempts: j.retry_count + 1,
      retryLimit: j.retry_limit,
      error: errorOf(j.output),
      failedAt: j.completed_on?.toISOString() ?? null,
    })),
  };
}

/** Failed jobs (the admin dashboard's count); 0 before pg-boss has created its tables. */
export async function failedJobCount(prisma: Db): Promise<number> {
  const [row] = await prisma.$queryRaw<
    { n: number | null }[]
  >`SELECT CASE WHEN to_regclass('pgboss.job') IS NULL THEN 0 END AS n`;
  if (row?.n === 0) return 0;
  const [c] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE state = 'failed'`;
  return c?.n ?? 0;
}

/** pg-boss stores a thrown error serialised in the job's output. */
function errorOf(output: unknown): string {
  if (output && typeof output === "object" && "message" in output)
    return String((output as { message: unknown }).message);
  return output ? JSON.stringify(output).slice(0, 500) : "";
}

export async function retryJob(boss: PgBoss, name: string, id: string): Promise<void> {
  if (!(JOB_NAMES as string[]).includes(name)) return;
  await boss.retry(name, id);
}

export async function runScheduledNow(boss: PgBoss, name: ScheduledJob): Promise<string | null> {
  if (!SCHEDULED.includes(name)) return null;
  return enqueue(boss, name, {});
}
