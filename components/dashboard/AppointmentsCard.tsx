import Link from "next/link";
import { StatusBadge } from "@/components/scheduling/StatusBadge";
import { Card } from "@/components/ui/Card";
import { messages } from "@/lib/server/locale";
import { appointmentsPerDay, countsByStatusOn } from "@/lib/scheduling/queries";
import { STATUSES } from "@/lib/scheduling/schemas";
import { today } from "@/lib/scheduling/time";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { PerDayChart } from "./PerDayChart";

/** The admin's view of scheduling: today's counts by status (each a filtered list) and the next 14 days. */
export async function AppointmentsCard() {
  const m = (await messages()).scheduling;
  const day = today(env().HOSPITAL_TIMEZONE);
  const [counts, perDay] = await Promise.all([countsByStatusOn(db(), day), appointmentsPerDay(db(), day, 14)]);
  return (
    <Card title={m.dashboard.appointments}>
      <h3 className="mb-2 text-sm font-medium text-slate-700">{m.dashboard.todayByStatus}</h3>
      <ul className="mb-4 grid grid-cols-2 gap-2 sm:grid-cols-5">
        {STATUSES.map((s) => (
          <li key={s}>
            <Link
              href={`/appointments?${new URLSearchParams({ status: s, from: day, to: day })}`}
              className="flex items-center justify-between gap-2 rounded-md border border-slate-200 px-3 py-2 hover:bg-slate-50"
            >
              <StatusBadge status={s} />
              <span className="text-lg font-semibold tabular-nums text-slate-900">{counts[s]}</span>
            </Link>
          </li>
        ))}
      </ul>
      <PerDayChart data={perDay} label={m.dashboard.perDay} series={m.dashboard.perDayBar} />
      <Link href="/appointments" className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline">
        {m.dashboard.all} →
      </Link>
    </Card>
  );
}
