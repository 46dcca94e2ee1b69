import { z } from "zod";
import { ZPasswordResetJob, ZRegistrationJob } from "@/lib/accounts/registration-schemas";

// Every background job: its queue name, its payload (validated by the worker before it runs), its
// retry policy, and for the scheduled ones their cron line (in HOSPITAL_TIMEZONE).

// With backoff, pg-boss 10 waits about retryDelay × 2^attempt (30 s doubling, ~16 min before the last try).
const retry = { retryLimit: 5, retryDelay: 30, retryBackoff: true } as const;

export const JOBS = {
  /** Sends one outbox email through SMTP; retried with exponential backoff, then marked FAILED. */
  "email.send": { payload: z.object({ emailId: z.string().min(1) }), options: retry },
  /** Every minute: enqueues email.send for emails still waiting in the outbox (when SMTP is set). */
  "email.sweep": { payload: z.object({}).passthrough(), options: { retryLimit: 1 }, cron: "* * * * *" },
  /** Every 15 minutes: reminds patients of their BOOKED appointments starting within REMINDER_HOURS_BEFORE. */
  "reminders.send": { payload: z.object({}).passthrough(), options: retry, cron: "*/15 * * * *" },
  /** On the 1st at 06:00: each active doctor's activity report for the previous month. */
  "reports.monthly": {
    payload: z
      .object({
        month: z
          .string()
          .regex(/^\d{4}-\d{2}$/)
          .optional(),
      })
      .passthrough(),
    options: retry,
    cron: "0 6 1 * *",
  },
  /** Every hour: deletes the Idempotency-Key answers older than 24 hours (lib/server/idempotency.ts). */
  "idempotency.purge": { payload: z.object({}).passthrough(), options: { retryLimit: 1 }, cron: "23 * * * *" },
  /**
   * A user's CSV export of a treatment history. A long export is not a dead one: the job lease
   * (lib/jobs/lease.ts) tells a crash within a minute, so pg-boss's own timeout is only a backstop.
   */
  "export.run": {
    payload: z.object({ exportId: z.string().min(1) }),
    options: { retryLimit: 3, retryDelay: 10, retryBackoff: true, expireInSeconds: 4 * 3600 },
  },
  /** A patient's self-registration, decided off the request so its answer and timing say nothing about the address. */
  "account.register": { payload: ZRegistrationJob, options: retry },
  /**
   * A backup of the whole database into BACKUP_DIR (lib/backups), on BACKUP_SCHEDULE when BACKUP_DIR
   * is set (its cron line is the operator's: see startWorkers). A failed run is retried twice, ten
   * minutes apart; a large hospital's backup may run for hours.
   */
  "backup.run": {
    payload: z.object({}).passthrough(),
    options: { retryLimit: 2, retryDelay: 600, expireInSeconds: 6 * 3600 },
  },
  /** A forgot-password request, likewise: a reset link for an active account, nothing otherwise. */
  "account.passwordReset": { payload: ZPasswordResetJob, options: retry },
} as const;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]["payload"]>;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];
/** The jobs an admin may run now from /admin/jobs. */
export const SCHEDULED = ["reminders.send", "reports.monthly", "email.sweep"] as const satisfies readonly JobName[];
export type ScheduledJob = (typeof SCHEDULED)[number];
