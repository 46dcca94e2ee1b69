import Link from "next/link";
import { AbnormalFlag } from "@/components/clinical/AbnormalFlag";
import { PatientSearchForm } from "@/components/patients/PatientSearchForm";
import { Card } from "@/components/ui/Card";
import { cell, NARROW_ONLY, Table, WIDE_ONLY } from "@/components/ui/Table";
import { formatStamp } from "@/lib/clinical/queries";
import { nurseWorklist, type NurseWard } from "@/lib/clinical/worklists";
import { messages, requestLocale } from "@/lib/server/locale";
import { db } from "@/lib/server/db";
import type { Ctx } from "@/lib/server/session";
import { News2Pill } from "@/components/clinical/News2Pill";

type Due = NurseWard["patients"][number]["due"];

/**
 * A ward nurse's shift: for each of her wards, the patients by bed with their latest NEWS2 (and the
 * vitals outside the normal range), when vitals were last taken and when they are next due (the
 * ward's routine frequency, more often as NEWS2 rises), then the beds waiting to be cleaned.
 */
export async function NurseDashboard({ ctx }: { ctx: Ctx }) {
  const locale = await requestLocale();
  const all = await messages();
  const n = all.worklist.nurse;
  const cm = all.clinical;
  const wards = await nurseWorklist(db(), ctx);
  const dueText = (d: Due) => {
    if (d.state === "continuous") return <span className="font-semibold text-red-800">{n.dueContinuous}</span>;
    if (d.state === "overdue") return <span className="font-semibold text-red-800">{n.overdue}</span>;
    return <time dateTime={d.at!}>{formatStamp(d.at!, locale)}</time>;
  };
  const lastVitals = (at: string | null) =>
    at ? <time dateTime={at}>{formatStamp(at, locale)}</time> : <span className="text-slate-600">{n.never}</span>;
  const toClean = wards.flatMap((w) => w.toClean.map((b) => ({ ...b, ward: w.name })));
  return (
    <div className="space-y-6">
      {wards.length === 0 ? (
        <Card>
          <p className="text-sm text-slate-600">{n.noWards}</p>
        </Card>
      ) : null}
      {wards.map((w) => (
        <Card key={w.id} title={n.ward(w.name, w.observationHours)}>
          {w.patients.length === 0 ? (
            <p className="text-sm text-slate-600">{n.empty}</p>
          ) : (
            // At tablet width the last vitals time is stacked under "due" (the column shows from lg): the card never scrolls sideways.
            <Table head={[n.bed, n.patient, n.news2, { label: n.lastVitals, className: WIDE_ONLY }, n.due]}>
              {w.patients.map((p) => (
                <tr key={p.bedId} data-ward-patient={p.patient.id} data-due={p.due.state}>
                  <td className={`${cell} whitespace-nowrap`}>
                    {p.room} · {p.bed}
                  </td>
                  <td className={cell}>
                    <Link href={`/patients/${p.patient.id}`} className="font-medium text-brand-700 hover:underline">
                      {p.patient.name}
                    </Link>
                    <span className="block whitespace-nowrap font-mono text-xs text-slate-600">{p.patient.mrn}</span>
                  </td>
                  <td className={cell}>
                    <News2Pill news2={p.news2} labels={cm.vitals} />
                    {p.abnormal.length ? (
                      <span className="mt-1 block text-xs" aria-label={n.abnormal}>
                        {p.abnormal.map((a) => (
                          <span key={a.field} className="mr-2 whitespace-nowrap">
                            {n.vitals[a.field]}
                            <AbnormalFlag flag={a.flag} labels={cm.lab.flags} />
                          </span>
                        ))}
                      </span>
                    ) : null}
                  </td>
                  <td className={`${cell} ${WIDE_ONLY} whitespace-nowrap`}>{lastVitals(p.lastVitalsAt)}</td>
                  <td className={cell}>
                    {dueText(p.due)}
                    <span className={`${NARROW_ONLY} block text-xs text-slate-600`}>
                      {n.lastVitals}: {lastVitals(p.lastVitalsAt)}
                    </span>
                    <Link
                      href={`/patients/${p.patient.id}/vitals?record=1`}
                      className="block text-xs text-brand-700 hover:underline"
                      aria-label={`${n.record}: ${p.patient.name}`}
                    >
                      {n.record}
                    </Link>
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
      ))}
      {wards.length ? <p className="text-xs text-slate-600">{n.wardRule}</p> : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={n.tasks}>
          {toClean.length === 0 ? (
            <p className="text-sm text-slate-600">{n.noTasks}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {toClean.map((b) => (
                <li key={b.bedId} className="flex flex-wrap justify-between gap-2 py-2 text-sm" data-clean={b.bedId}>
                  <Link href="/beds" className="font-medium text-brand-700 hover:underline">
                    {b.ward} · {b.room} · {b.bed}
                  </Link>
                  <span className="text-slate-600">
                    {n.cleaningSince} <time dateTime={b.since}>{formatStamp(b.since, locale)}</time>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={all.dashboard.searchPatients}>
          <PatientSearchForm action="/patients" />
        </Card>
      </div>
    </div>
  );
}
