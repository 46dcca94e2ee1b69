import Link from "next/link";
import { ConsultationList } from "@/components/clinical/ChartCards";
import { DeactivatePatientForm } from "@/components/patients/DeactivatePatientForm";
import { buttonClass } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { DefinitionList } from "@/components/ui/DefinitionList";
import { listConsultations } from "@/lib/clinical/queries";
import { latestConsent } from "@/lib/documents/queries";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { chartBanner, openChartTab } from "@/lib/patients/chart-page";
import { patientRecord } from "@/lib/patients/queries";
import { db } from "@/lib/server/db";
import { formatDate, formatInstant } from "@/lib/server/format";
import { can } from "@/lib/server/permissions";
import { deactivatePatientAction } from "../../actions";

export const generateMetadata = titled((m) => m.chart.titles.summary);

/** The chart's summary: the current admission, conditions and history, contacts, the latest consultations. */
export default async function ChartSummaryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { ctx, chart } = await openChartTab(id, "summary");
  const all = await messages();
  const m = all.patients;
  const c = m.chart;
  const s = all.chart.summary;
  const locale = await requestLocale();
  const p = patientRecord(chart);
  const role = ctx.actor.role;
  const [banner, recent, consent] = await Promise.all([
    chartBanner(id),
    listConsultations(db(), ctx, { chart }, { skip: 0, take: 5 }),
    can(role, "document.read") ? latestConsent(db(), chart) : null,
  ]);
  const d = all.documents;
  const loc = banner.location;
  const e = p.emergencyContact;
  return (
    <div className="grid items-start gap-6 lg:grid-cols-3" data-chart-tab="summary">
      <Card title={s.currentAdmission} className="lg:col-span-3">
        {loc?.kind === "admission" ? (
          <div className="flex flex-wrap items-start justify-between gap-4" data-current-admission>
            <DefinitionList
              rows={[
                [s.ward, loc.ward ?? c.none],
                [s.room, loc.room ?? c.none],
                [s.bed, loc.bed ?? c.none],
                [s.attending, banner.attending?.name ?? c.none],
                [
                  s.admittedSince,
                  <time key="since" dateTime={loc.since}>
                    {formatInstant(loc.since, locale)}
                  </time>,
                ],
              ]}
            />
            <Link href={`/admissions/${loc.admissionId}`} className={`${buttonClass("secondary")} print:hidden`}>
              {s.openAdmission}
            </Link>
          </div>
        ) : (
          <p className="text-sm text-slate-600">{s.notAdmitted}</p>
        )}
      </Card>
      <Card title={c.conditions} className="lg:col-span-2">
        {p.clinical?.conditions.length ? (
          <ul className="divide-y divide-slate-100 text-sm">
            {p.clinical.conditions.map((x) => (
              <li key={x.id} className="flex justify-between py-2">
                <span>{x.text}</span>
                {x.code ? <span className="font-mono text-slate-600">{x.code}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{c.noConditions}</p>
        )}
        {p.clinical?.bloodGroup ? (
          <p className="mt-3 text-sm">
            <span className="text-slate-600">{c.bloodGroup}</span> {p.clinical.bloodGroup}
          </p>
        ) : null}
        {p.clinical?.medicalHistory ? (
          <>
            <h3 className="mb-1 mt-4 text-sm font-semibold">{c.history}</h3>
            <p className="whitespace-pre-line text-sm text-slate-700">{p.clinical.medicalHistory}</p>
          </>
        ) : null}
      </Card>
      <div className="space-y-6">
        <Card title={c.contact}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-600">{m.form.phone}</dt>
            <dd>{p.phone ?? c.none}</dd>
            <dt className="text-slate-600">{m.form.email}</dt>
            <dd className="break-all">{p.email ?? c.none}</dd>
            <dt className="text-slate-600">{m.form.address}</dt>
            <dd>{p.address ?? c.none}</dd>
          </dl>
        </Card>
        <Card title={c.emergency}>
          <p className="text-sm">
            {e.name ? `${e.name}${e.relation ? ` (${e.relation})` : ""} · ${e.phone ?? ""}` : c.none}
          </p>
        </Card>
        <Card title={d.latestConsent}>
          {consent ? (
            <p className="text-sm" data-latest-consent>
              <a
                href={consent.url}
                target="_blank"
                rel="noopener"
                className="font-medium text-brand-700 hover:underline"
              >
                {consent.title}
              </a>
              <span className="block text-slate-600">
                {d.consentSigned(formatDate(consent.consentSignedOn!, locale))}
              </span>
            </p>
          ) : (
            <p className="text-sm text-slate-600">{d.noConsent}</p>
          )}
        </Card>
      </div>
      <Card title={s.recentNotes} className="lg:col-span-3">
        <ConsultationList items={recent.items} m={all.clinical} />
        {recent.total > recent.items.length ? (
          <p className="mt-3 text-sm print:hidden">
            <Link href={`/patients/${id}/visits`} className="text-brand-700 hover:underline">
              {s.seeAll}
            </Link>
          </p>
        ) : null}
      </Card>
      {p.active && can(role, "patient.deactivate") ? (
        <div className="lg:col-span-3 print:hidden">
          <DeactivatePatientForm
            id={p.id}
            action={deactivatePatientAction}
            labels={{
              deactivate: c.deactivate,
              deactivateReason: c.deactivateReason,
              deactivateConfirm: c.deactivateConfirm,
              confirmDeactivateTitle: c.confirmDeactivateTitle,
              confirmDeactivateText: c.confirmDeactivateText,
              confirmBack: c.confirmBack,
            }}
          />
        </div>
      ) : null}
    </div>
  );
}
