import Link from "next/link";
import { Table, cell } from "@/components/ui/Table";
import { messages, requestLocale } from "@/lib/server/locale";
import type { AppointmentView } from "@/lib/scheduling/queries";
import { formatWhen } from "@/lib/scheduling/time";
import { StatusBadge } from "./StatusBadge";

/** Appointments as rows; the patient column is left out for a patient's own list, the doctor's for a doctor's. */
export async function AppointmentTable({
  rows,
  showPatient,
  showDoctor,
}: {
  rows: AppointmentView[];
  showPatient: boolean;
  showDoctor: boolean;
}) {
  const locale = await requestLocale();
  const m = (await messages()).scheduling.list;
  const head = [
    m.when,
    ...(showPatient ? [m.patient] : []),
    ...(showDoctor ? [m.doctor, m.department] : []),
    m.status,
    m.reason,
  ];
  return (
    <Table head={head}>
      {rows.map((a) => (
        <tr key={a.id}>
          <td className={`${cell} whitespace-nowrap tabular-nums`}>
            <Link href={`/appointments/${a.id}`} className="font-medium text-brand-700 hover:underline">
              <time dateTime={a.startsAt}>{formatWhen(a.startsAt, locale)}</time>
            </Link>
          </td>
          {showPatient ? (
            <td className={cell}>
              {a.patient.name}{" "}
              <span className="font-mono text-xs text-slate-500 whitespace-nowrap">{a.patient.mrn}</span>
            </td>
          ) : null}
          {showDoctor ? (
            <>
              <td className={cell}>{a.doctor.name}</td>
              <td className={cell}>{a.doctor.department ?? "—"}</td>
            </>
          ) : null}
          <td className={cell}>
            <StatusBadge status={a.status} />
          </td>
          <td className={`${cell} max-w-64 truncate text-slate-600`}>{a.reason ?? "—"}</td>
        </tr>
      ))}
    </Table>
  );
}
