import { Alert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { BACKUP_STALE_HOURS, latestBackup } from "@/lib/backups/status";
import { messages, requestLocale } from "@/lib/server/locale";
import { db } from "@/lib/server/db";
import { formatInstant } from "@/lib/server/format";

/** The admin dashboard's backup status: the newest good backup, its size and age; a warning when overdue. */
export async function BackupCard() {
  const [m, locale, status] = await Promise.all([messages(), requestLocale(), latestBackup(db())]);
  const b = m.jobs.backups;
  const p = m.jobs.phrases;
  const { lastOk, last } = status;
  const failedSince = last && last.ok === false && last.id !== lastOk?.id ? last : null;
  return (
    <Card title={b.title}>
      <div className="space-y-3">
        {status.overdue ? (
          <Alert tone="error">{lastOk ? p.backupOverdue(BACKUP_STALE_HOURS) : b.noneScheduled}</Alert>
        ) : null}
        {lastOk ? (
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="text-slate-600">{b.last}</dt>
            <dd>
              <time dateTime={(lastOk.finishedAt ?? lastOk.startedAt).toISOString()}>
                {formatInstant((lastOk.finishedAt ?? lastOk.startedAt).toISOString(), locale)}
              </time>
              {status.ageHours !== null ? (
                <span className="text-slate-600"> ({p.backupAge(status.ageHours)})</span>
              ) : null}
            </dd>
            <dt className="text-slate-600">{b.size}</dt>
            <dd className="tabular-nums">
              {lastOk.bytes !== null ? p.backupSize(lastOk.bytes) : "—"} ·{" "}
              {lastOk.encrypted ? b.encrypted : b.notEncrypted}
            </dd>
            <dt className="text-slate-600">{b.file}</dt>
            <dd className="break-all font-mono text-xs">{lastOk.file}</dd>
          </dl>
        ) : !status.overdue ? (
          <p className="text-sm text-slate-600">{b.none}</p>
        ) : null}
        {failedSince ? (
          <Alert tone="error">
            {b.lastRun} ({formatInstant(failedSince.startedAt.toISOString(), locale)}): {b.failed} — {failedSince.error}
          </Alert>
        ) : null}
        {status.running ? (
          <p className="text-sm text-slate-600">
            {b.lastRun}: {b.running}
          </p>
        ) : null}
        {!status.scheduled ? <p className="text-sm text-slate-600">{b.notScheduled}</p> : null}
      </div>
    </Card>
  );
}
