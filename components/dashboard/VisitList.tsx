import Link from "next/link";
import { StatusBadge } from "@/components/scheduling/StatusBadge";
import { messages, requestLocale } from "@/lib/server/locale";
import type { AppointmentView } from "@/lib/scheduling/queries";
import { formatTime, formatWhen } from "@/lib/scheduling/time";

/**
 * Appointments as a compact list for the dashboards. `who` names the other party (the patient for
 * a doctor, the doctor for a patient); `chart` adds one click to the patient's chart.
 */
export async function VisitList({
  rows,
  empty,
  who,
  chart = false,
  timeOnly = false,
  details,
}: {
  rows: AppointmentView[];
  empty: string;
  who: "patient" | "doctor";
  chart?: boolean;
  timeOnly?: boolean;
  details?: (a: AppointmentView) => React.ReactNode;
}) {
  const locale = await requestLocale();
  const m = (await messages()).scheduling.dashboard;
  if (rows.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {rows.map((a) => (
        <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
          <span className="min-w-0">
            <time dateTime={a.startsAt} className="mr-2 font-medium tabular-nums text-slate-900">
              {timeOnly ? formatTime(a.startsAt) : formatWhen(a.startsAt, locale)}
            </time>
            {who === "patient"
              ? a.patient.name
              : `${a.doctor.name}${a.doctor.specialty ? ` · ${a.doctor.specialty}` : ""}`}
            {details ? details(a) : null}
          </span>
          <span className="flex items-center gap-3">
            <StatusBadge status={a.status} />
            {chart ? (
              <Link
                href={`/patients/${a.patient.id}`}
                className="text-brand-700 hover:underline"
                aria-label={`${m.chart}: ${a.patient.name}`}
              >
                {m.chart}
              </Link>
            ) : null}
            <Link
              href={`/appointments/${a.id}`}
              className="text-brand-700 hover:underline"
              aria-label={`${m.open}: ${formatWhen(a.startsAt, locale)}`}
            >
              {m.open}
            </Link>
          </span>
        </li>
      ))}
    </ul>
  );
}
