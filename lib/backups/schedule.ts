import type { Env } from "@/lib/server/env";

/**
 * The worker's backup schedule (pg-boss cron, in the hospital's time zone): BACKUP_SCHEDULE when
 * BACKUP_DIR is set, else none (and the worker removes an earlier one).
 */
export function backupSchedule(
  e: Pick<Env, "BACKUP_DIR" | "BACKUP_SCHEDULE" | "HOSPITAL_TIMEZONE">,
): { cron: string; tz: string } | null {
  return e.BACKUP_DIR ? { cron: e.BACKUP_SCHEDULE, tz: e.HOSPITAL_TIMEZONE } : null;
}
