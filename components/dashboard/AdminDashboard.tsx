import Link from "next/link";
import { Card, StatCard } from "@/components/ui/Card";
import { FillBar } from "@/components/ui/FillBar";
import { messages } from "@/lib/server/locale";
import { db } from "@/lib/server/db";
import { registrationsPerDay } from "@/lib/patients/queries";
import { getHospitalStats } from "@/lib/stats/queries";
import { failedJobCount } from "@/lib/jobs/admin";
import { unsentEmailCount } from "@/lib/notifications/queries";
import { Alert } from "@/components/ui/Alert";
import { AppointmentsCard } from "./AppointmentsCard";
import { BackupCard } from "./BackupCard";
import { FirstRunChecklist } from "./FirstRunChecklist";
import { PerDayChart } from "./PerDayChart";

export async function AdminDashboard({ actorId }: { actorId: string }) {
  const m = await messages();
  const [stats, registrations, failedJobs, unsentEmails, me] = await Promise.all([
    getHospitalStats(db()),
    registrationsPerDay(db(), 30),
    failedJobCount(db()),
    unsentEmailCount(db()),
    db().user.findUnique({ where: { id: actorId }, select: { demo: true } }),
  ]);
  const j = m.jobs.dashboard;
  const max = Math.max(1, ...Object.values(stats.staff.byRole));
  return (
    <div className="space-y-6">
      {me?.demo ? (
        <Alert tone="info">
          <p className="font-semibold">{m.setup.demo.title}</p>
          <p>{m.setup.demo.body}</p>
          <p className="mt-1 font-mono text-xs">{m.setup.demo.remove}</p>
        </Alert>
      ) : null}
      <FirstRunChecklist />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <StatCard label={m.dashboard.activePatients} value={stats.patients.active} />
        <StatCard label={m.dashboard.staff} value={stats.staff.total} />
        <StatCard label={m.dashboard.departments} value={stats.departments} />
      </div>
      {/* What needs the admin's attention in the background: each count opens its page. */}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        {(
          [
            [j.failedJobs, failedJobs, "/admin/jobs", j.openJobs],
            [j.unsentEmails, unsentEmails, "/admin/outbox", j.openOutbox],
          ] as const
        ).map(([label, n, href, open]) => (
          <Link
            key={href}
            href={href}
            className={`block rounded-lg border bg-white p-5 shadow-sm hover:bg-slate-50 ${n > 0 ? "border-red-300" : "border-slate-200"}`}
          >
            <p className="text-sm text-slate-600">{label}</p>
            <p className={`mt-1 text-3xl font-semibold tabular-nums ${n > 0 ? "text-red-700" : "text-slate-900"}`}>
              {n}
            </p>
            <p className="mt-1 text-sm font-medium text-brand-700">
              {open} <span aria-hidden="true">→</span>
            </p>
          </Link>
        ))}
      </div>
      <BackupCard />
      <AppointmentsCard />
      <Card title={m.dashboard.registrations}>
        <PerDayChart data={registrations} label={m.dashboard.registrations} series={m.patients.title} />
      </Card>
      <Card title={m.dashboard.staffByRole}>
        <dl className="space-y-2">
          {Object.entries(stats.staff.byRole).map(([role, count]) => (
            <div key={role} className="grid grid-cols-[10rem_1fr_3rem] items-center gap-3 text-sm">
              <dt className="text-slate-700">{m.roles[role as keyof typeof m.roles]}</dt>
              <div className="h-3 overflow-hidden rounded bg-slate-100" aria-hidden>
                <FillBar fraction={count / max} className="block h-3 w-full" fill="fill-brand-600" />
              </div>
              <dd className="text-right tabular-nums">{count}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </div>
  );
}
