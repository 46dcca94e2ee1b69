import Link from "next/link";
import { AbnormalFlag, FlaggedValue } from "@/components/clinical/AbnormalFlag";
import { PatientSearchForm } from "@/components/patients/PatientSearchForm";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { rangeText } from "@/lib/clinical/measures";
import { formatStamp } from "@/lib/clinical/queries";
import { myInpatients, resultsAwaitingReview, unsignedDrafts } from "@/lib/clinical/worklists";
import { INTL_TAG } from "@/lib/i18n";
import { messages, requestLocale } from "@/lib/server/locale";
import { doctorPatients, listAppointments, localRange } from "@/lib/scheduling/queries";
import { formatWhen, nextDates, today } from "@/lib/scheduling/time";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import type { Ctx } from "@/lib/server/session";
import type { ActionResult } from "@/lib/server/action";
import { News2Pill } from "@/components/clinical/News2Pill";
import { RowActionButton } from "./RowActionButton";
import { VisitList } from "./VisitList";

const link = "font-medium text-brand-700 hover:underline";

/**
 * A doctor's day as work to do: today's visits with their status, abnormal results awaiting review
 * (each with a "reviewed" action), inpatients under their care by NEWS2, unsigned drafts, then the
 * next appointments and their patients (from visits, consultations and admissions).
 */
export async function DoctorDashboard({
  ctx,
  review,
}: {
  ctx: Ctx;
  review: (input: { resultId: string }) => Promise<ActionResult<unknown>>;
}) {
  const locale = await requestLocale();
  const all = await messages();
  const m = all.scheduling.dashboard;
  const w = all.worklist.doctor;
  const cm = all.clinical;
  const zone = env().HOSPITAL_TIMEZONE;
  const [day, tomorrow] = nextDates(today(zone), 2, zone);
  const [todays, upcoming, patients, results, inpatients, drafts] = await Promise.all([
    listAppointments(db(), ctx, localRange({ from: day, to: day }), { skip: 0, take: 50 }),
    listAppointments(db(), ctx, { from: localRange({ from: tomorrow }).from, status: "BOOKED" }, { skip: 0, take: 10 }),
    doctorPatients(db(), ctx.actor.id, 10),
    resultsAwaitingReview(db(), ctx),
    myInpatients(db(), ctx),
    unsignedDrafts(db(), ctx),
  ]);
  const num = (n: number) => n.toLocaleString(INTL_TAG[locale], { maximumFractionDigits: 6, useGrouping: false });
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title={w.today}>
        <VisitList rows={todays.items} empty={m.noneToday} who="patient" chart timeOnly />
      </Card>
      <Card title={`${w.review} (${results.length})`}>
        <p className="mb-2 text-xs text-slate-600">{w.reviewIntro}</p>
        {results.length === 0 ? (
          <p className="text-sm text-slate-600">{w.noReview}</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label={w.review}>
            {results.map((r) => (
              <li
                key={r.id}
                className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
                data-review={r.id}
              >
                <span className="min-w-0">
                  <Link href={`/patients/${r.patient.id}/results`} className={link}>
                    {r.patient.name}
                  </Link>{" "}
                  <span className="whitespace-nowrap font-mono text-xs text-slate-600">{r.patient.mrn}</span>
                  <br />
                  {r.test}:{" "}
                  <FlaggedValue
                    value={r.value !== null ? `${num(r.value)}${r.unit ? ` ${r.unit}` : ""}` : (r.valueText ?? "")}
                    flag={r.flag}
                    labels={cm.lab.flags}
                  />
                  {r.value !== null && (r.refLow !== null || r.refHigh !== null) ? (
                    <span className="ml-1 text-xs text-slate-600">({rangeText(r.refLow, r.refHigh, locale)})</span>
                  ) : null}
                  {r.amended ? (
                    <>
                      {" "}
                      <Badge tone="warning">{w.amended}</Badge>
                    </>
                  ) : null}
                  <span className="block text-xs text-slate-500">
                    <time dateTime={r.resultedAt}>{formatStamp(r.resultedAt, locale)}</time>
                  </span>
                </span>
                <RowActionButton
                  action={review}
                  input={{ resultId: r.id }}
                  label={w.markReviewed}
                  name={`${r.test}, ${r.patient.name}`}
                />
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={w.inpatients}>
        {inpatients.length === 0 ? (
          <p className="text-sm text-slate-600">{w.noInpatients}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {inpatients.map((i) => (
              <li
                key={i.admissionId}
                className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
                data-inpatient={i.patient.id}
              >
                <span className="min-w-0">
                  <Link href={`/patients/${i.patient.id}`} className={link}>
                    {i.patient.name}
                  </Link>{" "}
                  <span className="whitespace-nowrap font-mono text-xs text-slate-600">{i.patient.mrn}</span>
                  {i.bed ? (
                    <span className="block text-xs text-slate-600">
                      {i.bed.ward} · {i.bed.room} · {i.bed.label}
                    </span>
                  ) : null}
                  {i.abnormal.length ? (
                    <span className="block text-xs">
                      {i.abnormal.map((a) => (
                        <span key={a.field} className="mr-2 whitespace-nowrap">
                          {all.worklist.nurse.vitals[a.field]}
                          <AbnormalFlag flag={a.flag} labels={cm.lab.flags} />
                        </span>
                      ))}
                    </span>
                  ) : null}
                </span>
                <span className="text-right">
                  <News2Pill news2={i.news2} labels={cm.vitals} />
                  {i.lastVitalsAt ? (
                    <span className="block text-xs text-slate-500">
                      <time dateTime={i.lastVitalsAt}>{formatStamp(i.lastVitalsAt, locale)}</time>
                    </span>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={`${w.drafts} (${drafts.length})`}>
        {drafts.length === 0 ? (
          <p className="text-sm text-slate-600">{w.noDrafts}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {drafts.map((d) => (
              <li key={d.id} className="flex flex-wrap justify-between gap-2 py-2 text-sm">
                <Link href={`/consultations/${d.id}`} className={link}>
                  {d.patient.name}
                </Link>
                <span className="text-slate-600">
                  {w.draftStarted}: <time dateTime={d.createdAt}>{formatStamp(d.createdAt, locale)}</time>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={m.upcoming}>
        <VisitList rows={upcoming.items} empty={m.noneUpcoming} who="patient" chart />
        <Link href="/appointments" className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline">
          {m.all} →
        </Link>
      </Card>
      <Card title={m.myPatients}>
        <div className="mb-3 max-w-xl">
          <PatientSearchForm action="/patients" />
        </div>
        {patients.length === 0 ? (
          <p className="text-sm text-slate-600">{m.noPatients}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {patients.map((p) => (
              <li key={p.id} className="flex flex-wrap justify-between gap-2 py-2 text-sm">
                <Link href={`/patients/${p.id}`} className={link}>
                  {p.name}
                </Link>
                <span className="text-slate-600">
                  <span className="whitespace-nowrap font-mono">{p.mrn}</span> · {w.lastContact}:{" "}
                  {formatWhen(p.lastAt, locale)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
