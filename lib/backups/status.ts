import type { Db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { clock } from "@/lib/server/clock";

// What the admin dashboard (and the metrics and System page) say about backups, from BackupRun.

/** A backup older than this (hours) is overdue: a daily schedule missed one run. */
export const BACKUP_STALE_HOURS = 26;
/** The backup.run job's expiry (lib/jobs/definitions.ts). */
const RUN_EXPIRY_HOURS = 6;

export type BackupRunSummary = {
  id: string;
  trigger: string;
  startedAt: Date;
  finishedAt: Date | null;
  ok: boolean | null;
  file: string | null;
  bytes: number | null;
  encrypted: boolean;
  error: string | null;
};

export type BackupStatus = {
  /** BACKUP_DIR is set: the worker makes scheduled backups. */
  scheduled: boolean;
  /** The newest run, whatever its outcome (ok null: still running, or its worker died). */
  last: BackupRunSummary | null;
  /** The newest successful run. */
  lastOk: BackupRunSummary | null;
  /**
   * The newest run is still going: no outcome yet, started within the job's 6-hour expiry (a run
   * without outcome that is older died with its worker, or is the run a restored backup was taken by).
   */
  running: boolean;
  /** Hours since the newest successful backup finished; null when there is none. */
  ageHours: number | null;
  /** The warning: the newest good backup is older than BACKUP_STALE_HOURS, or there is none while BACKUP_DIR is set. */
  overdue: boolean;
};

const select = {
  id: true,
  trigger: true,
  startedAt: true,
  finishedAt: true,
  ok: true,
  file: true,
  bytes: true,
  encrypted: true,
  error: true,
} as const;

export async function latestBackup(prisma: Db, now: Date = clock.now()): Promise<BackupStatus> {
  const [last, lastOk] = await Promise.all([
    prisma.backupRun.findFirst({ orderBy: { startedAt: "desc" }, select }),
    prisma.backupRun.findFirst({ where: { ok: true }, orderBy: { finishedAt: "desc" }, select }),
  ]);
  const summary = (r: typeof last): BackupRunSummary | null =>
    r ? { ...r, bytes: r.bytes === null ? null : Number(r.bytes) } : null;
  const scheduled = !!env().BACKUP_DIR;
  const finished = lastOk?.finishedAt ?? null;
  const ageHours = finished ? (now.getTime() - finished.getTime()) / 3_600_000 : null;
  const running = !!last && last.ok === null && now.getTime() - last.startedAt.getTime() < RUN_EXPIRY_HOURS * 3_600_000;
  return {
    scheduled,
    last: summary(last),
    lastOk: summary(lastOk),
    running,
    ageHours,
    overdue: ageHours === null ? scheduled : ageHours > BACKUP_STALE_HOURS,
  };
}
