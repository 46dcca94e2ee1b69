import Link from "next/link";
import { NoOwnRecord } from "@/components/patients/NoOwnRecord";
import { buttonClass } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { messages } from "@/lib/server/locale";
import { ownPatientRecord } from "@/lib/patients/queries";
import { LIVE, listAppointments } from "@/lib/scheduling/queries";
import { db } from "@/lib/server/db";
import type { Ctx } from "@/lib/server/session";
import { VisitList } from "./VisitList";

export async function PatientDashboard({ ctx }: { ctx: Ctx }) {
  const all = await messages();
  const m = all.dashboard;
  const s = all.scheduling.dashboard;
  const now = new Date();
  const [record, upcoming, past] = await Promise.all([
    ownPatientRecord(db(), ctx.actor.id),
    listAppointments(db(), ctx, { from: now, status: [...LIVE] }, { skip: 0, take: 10 }),
    listAppointments(db(), ctx, { to: now }, { skip: 0, take: 10, desc: true }),
  ]);
  if (!record) return <NoOwnRecord userId={ctx.actor.id} fallback={m.noRecord} />;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title={s.upcomingVisits}>
        <VisitList rows={upcoming.items} empty={s.noUpcomingVisits} who="doctor" />
        <Link href="/doctors" className={`${buttonClass("primary")} mt-3`}>
          {s.bookVisit}
        </Link>
      </Card>
      <Card title={m.yourRecord}>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="text-slate-600">{all.patients.name}</dt>
          <dd className="font-medium">
            {record.firstName} {record.lastName}
          </dd>
          <dt className="text-slate-600">{m.mrn}</dt>
          <dd className="font-mono whitespace-nowrap">{record.mrn}</dd>
        </dl>
      </Card>
      <Card title={s.pastVisits} className="lg:col-span-2">
        <VisitList
          rows={past.items}
          empty={s.noPastVisits}
          who="doctor"
          details={(a) =>
            a.status === "COMPLETED" && a.reason ? (
              <span className="block text-slate-600">
                {all.scheduling.detail.reason}: {a.reason}
              </span>
            ) : null
          }
        />
      </Card>
    </div>
  );
}
