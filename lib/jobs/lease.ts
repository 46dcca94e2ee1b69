import { randomUUID } from "node:crypto";
import type PgBoss from "pg-boss";
import type { Db } from "@/lib/server/db";
import { DB_NOW, dbNowPlus } from "@/lib/server/db-time";
import { log } from "@/lib/server/log";

// Heartbeats for running jobs. pg-boss (10 here, and 11 alike) notices a dead
// worker only when the job's expireInSeconds (15 min by default) has passed, and neither version has
// a heartbeat. So each run holds a JobLease row that its worker renews every third of
// JOB_LEASE_SECONDS; every worker looks for expired leases every half of it and fails those jobs
// through pg-boss's own API (boss.fail, in both versions), which retries them by the job's policy.
// A crashed run is therefore retried within lease + lease/2 + its retry delay (20 + 10 + ~10 s for
// an export with the defaults). Handlers are idempotent, so a run given up for dead that was merely
// stalled does no harm when it wakes: exports are fenced (lib/jobs/exports.ts), the rest claim their
// work in the database.

export type Lease = { release: () => Promise<void> };

/** Takes the lease of a job run and renews it until released. */
export async function holdLease(prisma: Db, job: { id: string; name: string }, seconds: number): Promise<Lease> {
  const holder = randomUUID();
  await prisma.$executeRaw`
    INSERT INTO "JobLease" ("jobId", queue, holder, "leaseUntil") VALUES (${job.id}, ${job.name}, ${holder}, ${dbNowPlus(seconds)})
    ON CONFLICT ("jobId") DO UPDATE SET queue = EXCLUDED.queue, holder = EXCLUDED.holder, "leaseUntil" = EXCLUDED."leaseUntil", "startedAt" = ${DB_NOW}`;
  const timer = setInterval(
    () => {
      prisma.$executeRaw`UPDATE "JobLease" SET "leaseUntil" = ${dbNowPlus(seconds)} WHERE "jobId" = ${job.id} AND holder = ${holder}`
        .then((n) => {
          if (n === 0)
            log("warn", "job lease lost: the job was handed back to the queue", { name: job.name, id: job.id });
        })
        .catch((err: unknown) =>
          log("warn", "job lease not renewed", { name: job.name, id: job.id, error: String(err) }),
        );
    },
    (seconds * 1000) / 3,
  );
  timer.unref();
  return {
    release: async () => {
      clearInterval(timer);
      await prisma.$executeRaw`DELETE FROM "JobLease" WHERE "jobId" = ${job.id} AND holder = ${holder}`.catch(
        () => undefined,
      );
    },
  };
}

/**
 * Hands the jobs whose lease expired back to the queue: one statement takes the expired leases (so
 * two workers never fail one job twice), then each job still active is failed, which pg-boss retries
 * after the job's retry delay or marks failed when it has no retries left.
 */
export async function recoverExpiredJobs(prisma: Db, boss: PgBoss): Promise<string[]> {
  const expired = await prisma.$queryRaw<{ jobId: string; queue: string }[]>`
    DELETE FROM "JobLease" WHERE "leaseUntil" < ${DB_NOW} RETURNING "jobId", queue`;
  const failed: string[] = [];
  for (const { jobId, queue } of expired) {
    const job = await boss.getJobById(queue, jobId);
    if (job?.state !== "active") continue;
    await boss.fail(queue, jobId, { message: "the worker stopped responding (its job lease expired)" });
    log("warn", "job handed back to the queue: its worker stopped responding", { name: queue, id: jobId });
    failed.push(jobId);
  }
  return failed;
}
