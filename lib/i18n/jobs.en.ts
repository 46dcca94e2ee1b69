// User-facing English strings for background jobs and CSV exports. Sections handed to client
// components hold plain strings only; sentences built from values live in `phrases`.
export const jobsEn = {
  phrases: {
    percent: (p: number) => `${Math.round(p * 100)} %`,
    attempts: (n: number, limit: number) => `${n} of ${limit + 1}`,
    backupAge: (hours: number) =>
      hours < 1
        ? "less than an hour ago"
        : hours < 48
          ? `${Math.floor(hours)} h ago`
          : `${Math.floor(hours / 24)} days ago`,
    backupSize: (bytes: number) =>
      bytes < 1024 * 1024
        ? `${Math.max(1, Math.round(bytes / 1024))} KB`
        : bytes < 1024 ** 3
          ? `${(bytes / 1024 ** 2).toFixed(1)} MB`
          : `${(bytes / 1024 ** 3).toFixed(2)} GB`,
    backupOverdue: (hours: number) =>
      `The last successful backup is older than ${hours} hours. Check the worker and BACKUP_DIR, or run “npm run console -- backup”.`,
  },
  nav: { exports: "My exports", jobs: "Background jobs" },
  // The admin's home page: what needs attention in the background machinery.
  dashboard: {
    failedJobs: "Failed jobs",
    unsentEmails: "Unsent emails",
    openJobs: "Open background jobs",
    openOutbox: "Open the outbox",
  },
  // The admin dashboard's backup card (lib/backups/status.ts).
  backups: {
    title: "Backups",
    last: "Last successful backup",
    size: "Size",
    file: "File",
    lastRun: "Latest run",
    failed: "Failed",
    running: "Running",
    encrypted: "Encrypted",
    notEncrypted: "Not encrypted",
    none: "No backup has been made yet.",
    noneScheduled:
      "BACKUP_DIR is set but no backup has succeeded yet. Check the worker, or run “npm run console -- backup”.",
    notScheduled: "Scheduled backups are off: set BACKUP_DIR (see docs/backups.md).",
  },
  errors: {
    forbidden: "You may not export a patient's history.",
    choosePatient: "Choose the patient to export.",
    required: "Required",
    onlyTreatmentHistory: "Only treatment-history exports exist",
  },
  exports: {
    title: "My exports",
    intro:
      "CSV files of a treatment history that you asked for. They are built in the background; this page updates until they are ready. Only you can download them.",
    none: "You have not asked for an export yet. Use “Export my history (CSV)” on My health, or “Export CSV” on a patient's chart.",
    requested: "Requested",
    kind: "Export",
    status: "Status",
    progress: "Progress",
    file: "File",
    download: "Download CSV",
    kinds: { "treatment-history": "Treatment history" } as Record<string, string>,
    statuses: { queued: "Queued", running: "Running", done: "Ready", failed: "Failed" },
    /** The columns of a treatment-history CSV, in the requester's language. */
    csvHeader: ["Date and time", "Kind", "Summary", "Flag", "Reference"],
  },
  buttons: { exportMine: "Export my history (CSV)", exportPatient: "Export CSV", exporting: "Starting export…" },
  admin: {
    title: "Background jobs",
    intro:
      "The job queue kept in PostgreSQL and run by the worker: email delivery, appointment reminders, monthly doctor reports and CSV exports. Failed jobs are retried with growing delays; the ones that used all their attempts stay listed here.",
    queues: "Queues",
    queue: "Queue",
    states: {
      created: "Waiting",
      retry: "Retrying",
      active: "Running",
      completed: "Done",
      failed: "Failed",
      cancelled: "Cancelled",
    } as Record<string, string>,
    schedules: "Scheduled jobs",
    schedule: "When",
    runNow: "Run now",
    started: "Queued: the worker picks it up within seconds.",
    failed: "Recent failures",
    noFailed: "No failed jobs.",
    when: "Failed at",
    job: "Job",
    attempts: "Attempts",
    error: "Error",
    retry: "Retry",
    retried: "Queued again.",
    scheduleLabels: {
      "reminders.send": "Appointment reminders (every 15 minutes)",
      "reports.monthly": "Monthly doctor reports (1st of the month, 06:00)",
      "email.sweep": "Outbox delivery (every minute)",
    } as Record<string, string>,
  },
};
