import Link from "next/link";
import { PatientSearchForm } from "@/components/patients/PatientSearchForm";
import { Card } from "@/components/ui/Card";
import { messages, requestLocale } from "@/lib/i18n/server";
import { doctorPatients, listAppointments, localRange } from "@/lib/scheduling/queries";
import { formatWhen, nextDates, today } from "@/lib/scheduling/time";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import type { Ctx } from "@/lib/server/session";
import { VisitList } from "./VisitList";

/** A doctor's day: today's appointments, the next ones, and the patients they see. */
export async function DoctorDashboard({ ctx }: { ctx: Ctx }) {
  const locale = await requestLocale();
  const m = (await messages()).scheduling.dashboard;
  const zone = env().HOSPITAL_TIMEZONE;
  const [day, tomorrow] = nextDates(today(zone), 2, zone);
  const [todays, upcoming, patients] = await Promise.all([
    listAppointments(db(), ctx, localRange({ from: day, to: day }), { skip: 0, take: 50 }),
    listAppointments(db(), ctx, { from: localRange({ from: tomorrow }).from, status: "BOOKED" }, { skip: 0, take: 10 }),
    doctorPatients(db(), ctx.actor.id, 10),
  ]);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title={m.today}>
        <VisitList rows={todays.items} empty={m.noneToday} who="patient" chart timeOnly />
      </Card>
      <Card title={m.upcoming}>
        <VisitList rows={upcoming.items} empty={m.noneUpcoming} who="patient" chart />
        <Link href="/appointments" className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline">{m.all} →</Link>
      </Card>
      <Card title={m.myPatients} className="lg:col-span-2">
        <div className="mb-3 max-w-xl">
          <PatientSearchForm action="/patients" />
        </div>
        {patients.length === 0 ? (
          <p className="text-sm text-slate-600">{m.noPatients}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {patients.map((p) => (
              <li key={p.id} className="flex flex-wrap justify-between gap-2 py-2 text-sm">
                <Link href={`/patients/${p.id}`} className="font-medium text-brand-700 hover:underline">{p.name}</Link>
                <span className="text-slate-600">
                  <span className="font-mono whitespace-nowrap">{p.mrn}</span> · {m.lastVisit}: {formatWhen(p.lastAt, locale)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
