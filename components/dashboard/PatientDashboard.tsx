import Link from "next/link";
import { FlaggedValue } from "@/components/clinical/AbnormalFlag";
import { InvoiceStatusBadge } from "@/components/billing/InvoiceStatusBadge";
import { NoOwnRecord } from "@/components/patients/NoOwnRecord";
import { PrescriptionsCard } from "@/components/prescriptions/PrescriptionsCard";
import { StatusBadge } from "@/components/scheduling/StatusBadge";
import { Badge } from "@/components/ui/Badge";
import { buttonClass } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { formatMoney } from "@/lib/billing/money";
import { listInvoices } from "@/lib/billing/queries";
import { pastVisits } from "@/lib/clinical/past-visits";
import { chartClinical, formatStamp } from "@/lib/clinical/queries";
import { INTL_TAG } from "@/lib/i18n";
import { messages, requestLocale } from "@/lib/server/locale";
import { openChart } from "@/lib/patients/chart";
import { ownPatientRecord } from "@/lib/patients/queries";
import { LIVE, listAppointments } from "@/lib/scheduling/queries";
import { formatWhen } from "@/lib/scheduling/time";
import { db } from "@/lib/server/db";
import { formatInstant } from "@/lib/server/format";
import type { Ctx } from "@/lib/server/session";
import { VisitList } from "./VisitList";

const link = "text-brand-700 hover:underline";
const PAST = 10;

/**
 * A patient's home page: upcoming visits; past visits (appointments that have started, each with the
 * doctor's signed note, and walk-in consultations); the latest lab results flagged as the chart flags
 * them; prescriptions; bills. The clinical part is one audited opening of their own chart.
 */
export async function PatientDashboard({ ctx }: { ctx: Ctx }) {
  const locale = await requestLocale();
  const all = await messages();
  const m = all.dashboard;
  const s = all.scheduling.dashboard;
  const p = all.worklist.patient;
  const cm = all.clinical;
  const now = new Date();
  const record = await ownPatientRecord(db(), ctx.actor.id);
  if (!record) return <NoOwnRecord userId={ctx.actor.id} fallback={m.noRecord} />;
  const chart = await openChart(db(), ctx, record.id, { need: "clinical.read", details: { view: "home" } });
  const [upcoming, past, clinical, bills] = await Promise.all([
    listAppointments(db(), ctx, { from: now, status: [...LIVE] }, { skip: 0, take: 10 }),
    listAppointments(db(), ctx, { to: now }, { skip: 0, take: PAST, desc: true }),
    chartClinical(db(), chart, { consultations: PAST, vitals: 0, notes: 0, labs: 5 }),
    listInvoices(db(), ctx, {}, { skip: 0, take: 5 }),
  ]);
  const visits = pastVisits(past.items, clinical.consultations, PAST);
  const num = (n: number) => n.toLocaleString(INTL_TAG[locale], { maximumFractionDigits: 6, useGrouping: false });
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
        <p className="mb-2 text-xs text-slate-600">{p.pastIntro}</p>
        {visits.length === 0 ? (
          <p className="text-sm text-slate-600">{s.noPastVisits}</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label={s.pastVisits}>
            {visits.map((v) => (
              <li
                key={v.key}
                className="flex flex-wrap items-start justify-between gap-2 py-2 text-sm"
                data-past-visit={v.key}
              >
                <span className="min-w-0">
                  <time dateTime={v.at} className="mr-2 font-medium tabular-nums text-slate-900">
                    {formatWhen(v.at, locale)}
                  </time>
                  {v.doctor}
                  {v.specialty ? ` · ${v.specialty}` : ""}
                  {v.appointment?.reason ? (
                    <span className="block text-slate-600">
                      {all.scheduling.detail.reason}: {v.appointment.reason}
                    </span>
                  ) : null}
                  {v.consultation?.diagnoses.length ? (
                    <span className="block text-slate-700">
                      {v.consultation.diagnoses.map((d, i) => (
                        <span key={i} className="mr-3 inline-block">
                          {d.code ? <span className="mr-1 font-mono font-semibold">{d.code}</span> : null}
                          {d.description}
                        </span>
                      ))}
                    </span>
                  ) : null}
                  {v.consultation?.assessment ? (
                    <span className="line-clamp-2 block text-slate-600">{v.consultation.assessment}</span>
                  ) : null}
                </span>
                <span className="flex items-center gap-3">
                  {v.appointment ? (
                    <StatusBadge status={v.appointment.status} />
                  ) : (
                    <Badge tone="neutral">{p.walkIn}</Badge>
                  )}
                  {v.consultation ? (
                    <Link href={`/consultations/${v.consultation.id}`} className={link}>
                      {p.note}
                    </Link>
                  ) : null}
                  {v.appointment ? (
                    <Link
                      href={`/appointments/${v.appointment.id}`}
                      className={link}
                      aria-label={`${s.open}: ${formatWhen(v.at, locale)}`}
                    >
                      {s.open}
                    </Link>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={p.results}>
        {clinical.labs.length === 0 ? (
          <p className="text-sm text-slate-600">{p.noResults}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" aria-label={p.results}>
            {clinical.labs.map((o) => (
              <li
                key={o.id}
                className="flex flex-wrap items-center justify-between gap-2 py-2"
                data-result={o.test.code}
                data-abnormal={o.result && o.result.flag !== "NORMAL" ? "true" : undefined}
              >
                <span className="min-w-0">
                  <span className="font-medium">{o.test.name}</span>
                  {": "}
                  {o.result ? (
                    <FlaggedValue
                      value={
                        o.result.value !== null
                          ? `${num(o.result.value)}${o.result.unit ? ` ${o.result.unit}` : ""}`
                          : (o.result.valueText ?? "")
                      }
                      flag={o.result.flag}
                      labels={cm.lab.flags}
                    />
                  ) : (
                    <span className="text-slate-600">
                      {o.status === "ORDERED" ? p.pending : cm.lab.statuses[o.status]}
                    </span>
                  )}
                  {o.result?.amended ? (
                    <>
                      {" "}
                      <Badge tone="warning">{cm.lab.amended}</Badge>
                    </>
                  ) : null}
                </span>
                <time dateTime={o.result?.resultedAt ?? o.orderedAt} className="text-slate-500">
                  {formatStamp(o.result?.resultedAt ?? o.orderedAt, locale)}
                </time>
              </li>
            ))}
          </ul>
        )}
        <Link href="/me/health" className={`mt-3 inline-block text-sm font-medium ${link}`}>
          {p.allResults} →
        </Link>
      </Card>
      <PrescriptionsCard chart={chart} />
      <Card title={p.bills} className="lg:col-span-2">
        {bills.items.length === 0 ? (
          <p className="text-sm text-slate-600">{p.noBills}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" aria-label={p.bills}>
            {bills.items.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-bill={i.number}>
                <span className="min-w-0">
                  <Link href={`/billing/${i.id}`} className={`whitespace-nowrap font-mono font-medium ${link}`}>
                    {i.number}
                  </Link>{" "}
                  <span className="text-slate-500">
                    <time dateTime={i.issuedAt}>{formatInstant(i.issuedAt, locale)}</time>
                  </span>
                </span>
                <span className="flex items-center gap-3">
                  <InvoiceStatusBadge status={i.status} label={all.billing.statuses[i.status]} />
                  <span className="tabular-nums">
                    {p.balance}: <span className="font-medium">{formatMoney(i.balance, i.currency, locale)}</span>
                  </span>
                </span>
              </li>
            ))}
          </ul>
        )}
        <Link href="/billing" className={`mt-3 inline-block text-sm font-medium ${link}`}>
          {p.allBills} →
        </Link>
      </Card>
    </div>
  );
}
