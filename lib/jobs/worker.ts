import type PgBoss from "pg-boss";
import { scheduledBackup } from "@/lib/backups/run";
import { backupSchedule } from "@/lib/backups/schedule";
import { completePasswordReset, completeRegistration } from "@/lib/accounts/registration";
import { mailConfig, type MailConfig } from "@/lib/notifications/mail";
import type { Db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { purgeIdempotencyKeys } from "@/lib/server/idempotency";
import { log } from "@/lib/server/log";
import { JOBS, type JobName, type JobPayload } from "./definitions";
import { sendOutboxEmail, sweepOutbox } from "./email";
import { runExport } from "./exports";
import { holdLease, recoverExpiredJobs } from "./lease";
import { sendDueReminders } from "./reminders";
import { sendMonthlyReports } from "./reports";

type Handler<N extends JobName> = (payload: JobPayload<N>, job: PgBoss.JobWithMetadata<object>) => Promise<unknown>;

/** The handlers: each validates its payload, then calls the domain service. */
export function handlers(prisma: Db, _boss: PgBoss, mail: MailConfig = mailConfig()): { [N in JobName]: Handler<N> } {
  return {
    "email.send": (p, job) => sendOutboxEmail(prisma, p.emailId, { final: job.retryCount >= job.retryLimit }, mail),
    "email.sweep": () => sweepOutbox(prisma, mail),
    "reminders.send": () => sendDueReminders(prisma, mail),
    "reports.monthly": (p) => sendMonthlyReports(prisma, p.month, mail),
    "export.run": (p) => runExport(prisma, p.exportId),
    "account.register": (p) => completeRegistration(prisma, p, mail),
    "account.passwordReset": (p) => completePasswordReset(prisma, p, mail),
    "idempotency.purge": () => purgeIdempotencyKeys(prisma),
    "backup.run": () => scheduledBackup(prisma),
  };
}

/**
 * Registers every handler and (with `schedules`) the cron schedules, in HOSPITAL_TIMEZONE. Every run
 * holds a job lease renewed while it runs, and this worker hands back to the queue the jobs of workers
 * whose leases expired (lib/jobs/lease.ts), until the queue stops.
 */
export async function startWorkers(
  boss: PgBoss,
  prisma: Db,
  opts: { schedules: boolean; pollingIntervalSeconds?: number; mail?: MailConfig; leaseSeconds?: number },
): Promise<void> {
  const all = handlers(prisma, boss, opts.mail) as Record<JobName, Handler<JobName>>;
  const leaseSeconds = opts.leaseSeconds ?? env().JOB_LEASE_SECONDS;
  for (const name of Object.keys(JOBS) as JobName[]) {
    await boss.work<object>(
      name,
      { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 },
      async ([job]) => {
        const payload = JOBS[name].payload.parse(job.data);
        log("info", "job started", { name, id: job.id, attempt: job.retryCount + 1 });
        const lease = await holdLease(prisma, job, leaseSeconds);
        try {
          return await all[name](payload as JobPayload<JobName>, job);
        } finally {
          await lease.release();
        }
      },
    );
    const cron = "cron" in JOBS[name] ? (JOBS[name] as { cron: string }).cron : undefined;
    if (opts.schedules && cron) await boss.schedule(name, cron, {}, { tz: env().HOSPITAL_TIMEZONE });
  }
  // Backups run on the operator's schedule, and only where they have somewhere to go.
  if (opts.schedules) {
    const backups = backupSchedule(env());
    if (backups) await boss.schedule("backup.run", backups.cron, {}, { tz: backups.tz });
    else await boss.unschedule("backup.run");
  }
  const recovery = setInterval(
    () => {
      recoverExpiredJobs(prisma, boss).catch((err: unknown) =>
        log("warn", "job lease check failed", { error: String(err) }),
      );
    },
    (leaseSeconds * 1000) / 2,
  );
  recovery.unref();
  boss.once("stopped", () => clearInterval(recovery));
}
