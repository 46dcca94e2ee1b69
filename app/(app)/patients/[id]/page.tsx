import type { Metadata } from "next";
import Link from "next/link";
import QRCode from "qrcode";
import { ConsultationList, LabList, NoteList, TimelineList, VitalsPanel } from "@/components/clinical/ChartCards";
import { LabOrderForm } from "@/components/clinical/LabOrderForm";
import { NurseNoteForm } from "@/components/clinical/NurseNoteForm";
import { VitalsForm } from "@/components/clinical/VitalsForm";
import { ExportButton } from "@/components/jobs/ExportButton";
import { DeactivatePatientForm } from "@/components/patients/DeactivatePatientForm";
import { PatientHeader } from "@/components/patients/PatientHeader";
import { PrescriptionsCard } from "@/components/prescriptions/PrescriptionsCard";
import { buttonClass } from "@/components/ui/Button";
import { Alert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { messages, requestLocale, titled } from "@/lib/i18n/server";
import { chartClinical, currentShift, labCatalogue, timeline } from "@/lib/clinical/queries";
import { openChart } from "@/lib/patients/chart";
import { patientRecord } from "@/lib/patients/queries";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { guardPage } from "@/lib/server/guard";
import { can } from "@/lib/server/permissions";
import { stringParams } from "@/lib/server/page-query";
import { orderLabTestsAction } from "../../lab/actions";
import { deactivatePatientAction } from "../actions";
import { requestExportAction } from "../../exports/actions";
import { News2FlagsForm } from "@/components/clinical/News2FlagsForm";
import { addNurseNoteAction, news2FlagsAction, nurseNoteAddendumAction, recordVitalsAction, updateNurseNoteAction, updateVitalsAction, vitalsAddendumAction } from "./clinical-actions";

const TIMELINE_PAGE = 25;

export const generateMetadata = titled((m) => m.titles.patientsId);

export default async function PatientChartPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const tlPage = Math.max(1, Math.min(10_000, Number(stringParams(await searchParams).tl) || 1));
  const ctx = await guardPage("patient.chart.read", `/patients/${id}`);
  const m = (await messages()).patients;
  const c = m.chart;
  const role = ctx.actor.role;
  const cm = (await messages()).clinical;
  // The chart is opened first: the scope checked once and the view audited (one row per chart view);
  // a record out of scope throws (a 404 like a missing one) and nothing is read. Then the clinical
  // reads side by side, each of the opened chart.
  const chart = await openChart(db(), ctx, id, { need: "patient.chart.read" });
  const p = patientRecord(chart);
  // The NEWS2 flags (doctors set them; the chart was opened and audited above).
  const news2Flags = can(role, "clinical.write") ? await db().patient.findUnique({ where: { id }, select: { pregnant: true, spo2Scale2: true } }) : null;
  const [clinical, history, tests] = await Promise.all([
    chartClinical(db(), chart),
    timeline(db(), chart, { page: tlPage, pageSize: TIMELINE_PAGE }, await requestLocale()),
    can(role, "clinical.write") ? labCatalogue(db()) : Promise.resolve([]),
  ]);
  const qrSvg = await QRCode.toString(`${env().NEXTAUTH_URL ?? "http://localhost:3000"}/p/${p.qrToken}`, { type: "svg", margin: 1, width: 132 });
  const e = p.emergencyContact;
  return (
    <div className="space-y-6">
      <PatientHeader patient={p} labels={m}>
        {can(ctx.actor.role, "audit.read") ? <Link href={`/admin/audit?patientId=${p.id}`} className={buttonClass("secondary")}>{c.auditLink}</Link> : null}
        {can(ctx.actor.role, "patient.register") ? <Link href={`/patients/${p.id}/edit`} className={buttonClass("secondary")}>{c.edit}</Link> : null}
        {can(ctx.actor.role, "patient.chart.read") ? <ExportButton act={requestExportAction} patientId={p.id} label={(await messages()).jobs.buttons.exportPatient} pendingLabel={(await messages()).jobs.buttons.exporting} /> : null}
      </PatientHeader>
      {!p.active ? <Alert tone="error">{c.deactivated(p.deactivationReason ?? "")}</Alert> : null}
      <div className="grid gap-6 lg:grid-cols-3">
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
          {p.clinical?.medicalHistory ? (
            <>
              <h3 className="mb-1 mt-4 text-sm font-semibold">{c.history}</h3>
              <p className="whitespace-pre-line text-sm text-slate-700">{p.clinical.medicalHistory}</p>
            </>
          ) : null}
        </Card>
        <Card title={c.qr}>
          <div className="flex items-center gap-4">
            <div aria-label={c.qr} role="img" className="shrink-0" dangerouslySetInnerHTML={{ __html: qrSvg }} />
            <p className="text-xs text-slate-600">{c.qrHint}</p>
          </div>
        </Card>
        <Card title={c.contact}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-600">{m.form.phone}</dt><dd>{p.phone ?? c.none}</dd>
            <dt className="text-slate-600">{m.form.email}</dt><dd className="break-all">{p.email ?? c.none}</dd>
            <dt className="text-slate-600">{m.form.address}</dt><dd>{p.address ?? c.none}</dd>
          </dl>
        </Card>
        <Card title={c.emergency}>
          <p className="text-sm">{e.name ? `${e.name}${e.relation ? ` (${e.relation})` : ""} · ${e.phone ?? ""}` : c.none}</p>
        </Card>
        {can(ctx.actor.role, "prescription.read") ? <PrescriptionsCard chart={chart} className="lg:col-span-2" /> : null}
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <Card title={cm.chart.consultations} className="lg:col-span-2">
          {can(role, "clinical.write") && p.active ? (
            <div className="mb-3 flex justify-end">
              <Link href={`/consultations/new?patientId=${p.id}`} className={buttonClass("primary")}>{cm.consultation.new}</Link>
            </div>
          ) : null}
          <ConsultationList items={clinical.consultations} m={cm} />
        </Card>
        <Card title={cm.notes.title}>
          <NoteList
            notes={clinical.notes}
            m={cm}
            controls={{
              actorId: ctx.actor.id,
              patientId: p.id,
              shift: currentShift(),
              edit: can(role, "vitals.write") ? updateNurseNoteAction : undefined,
              addendum: can(role, "clinical.addendum") ? nurseNoteAddendumAction : undefined,
            }}
          />
          {can(role, "vitals.write") && p.active ? (
            <div className="mt-4 border-t border-slate-100 pt-4">
              <h3 className="mb-2 text-sm font-semibold">{cm.notes.add}</h3>
              <NurseNoteForm patientId={p.id} add={addNurseNoteAction} labels={cm.notes} defaultShift={currentShift()} />
            </div>
          ) : null}
        </Card>
        <Card title={cm.vitals.title} className={can(role, "vitals.write") && p.active ? "lg:col-span-2" : "lg:col-span-3"}>
          <VitalsPanel
            vitals={clinical.vitals}
            m={cm}
            controls={{
              actorId: ctx.actor.id,
              patientId: p.id,
              edit: can(role, "vitals.write") ? updateVitalsAction : undefined,
              addendum: can(role, "clinical.addendum") ? vitalsAddendumAction : undefined,
            }}
          />
        </Card>
        {can(role, "vitals.write") && p.active ? (
          <Card title={cm.vitals.record}>
            <VitalsForm patientId={p.id} record={recordVitalsAction} labels={cm.vitals} />
            {can(role, "clinical.write") && news2Flags ? (
              <div className="mt-4 border-t border-slate-100 pt-4">
                <h3 className="mb-2 text-sm font-semibold">{cm.vitals.flags}</h3>
                <News2FlagsForm patientId={p.id} save={news2FlagsAction} labels={cm.vitals} initial={news2Flags} />
              </div>
            ) : null}
          </Card>
        ) : null}
        <Card title={cm.lab.title} className={tests.length && p.active ? "lg:col-span-2" : "lg:col-span-3"}>
          <LabList labs={clinical.labs} m={cm} />
        </Card>
        {tests.length && p.active ? (
          <Card title={cm.lab.order}>
            <LabOrderForm patientId={p.id} tests={tests} order={orderLabTestsAction} labels={cm.lab} />
          </Card>
        ) : null}
        <Card title={c.timeline} className="lg:col-span-3">
          <TimelineList events={history.items} page={history.page} pages={Math.ceil(history.total / TIMELINE_PAGE)} hrefFor={(n) => `/patients/${p.id}?tl=${n}`} m={cm} />
        </Card>
      </div>
      {p.active && can(ctx.actor.role, "patient.deactivate") ? (
        <DeactivatePatientForm id={p.id} action={deactivatePatientAction} labels={{ deactivate: c.deactivate, deactivateReason: c.deactivateReason, deactivateConfirm: c.deactivateConfirm, confirmDeactivateTitle: c.confirmDeactivateTitle, confirmDeactivateText: c.confirmDeactivateText, confirmBack: c.confirmBack }} />
      ) : null}
    </div>
  );
}
