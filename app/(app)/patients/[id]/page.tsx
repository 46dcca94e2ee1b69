import type { Metadata } from "next";
import Link from "next/link";
import QRCode from "qrcode";
import { DeactivatePatientForm } from "@/components/patients/DeactivatePatientForm";
import { PatientHeader } from "@/components/patients/PatientHeader";
import { PrescriptionsCard } from "@/components/prescriptions/PrescriptionsCard";
import { buttonClass } from "@/components/ui/Button";
import { Alert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { messages } from "@/lib/i18n";
import { historyOf, readPatient } from "@/lib/patients/queries";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { guardPage } from "@/lib/server/guard";
import { can } from "@/lib/server/permissions";
import { deactivatePatientAction } from "../actions";

export const metadata: Metadata = { title: "Patient chart" };

export default async function PatientChartPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await guardPage("patient.chart.read", `/patients/${id}`);
  const m = messages().patients;
  const c = m.chart;
  // readPatient audits the view; a record out of scope is a 404 like a missing one.
  const p = await readPatient(db(), ctx, id);
  const history = await historyOf(db(), p);
  const qrSvg = await QRCode.toString(`${env().NEXTAUTH_URL ?? "http://localhost:3000"}/p/${p.qrToken}`, { type: "svg", margin: 1, width: 132 });
  const e = p.emergencyContact;
  return (
    <div className="space-y-6">
      <PatientHeader patient={p} labels={m}>
        {can(ctx.actor.role, "audit.read") ? <Link href={`/admin/audit?patientId=${p.id}`} className={buttonClass("secondary")}>{c.auditLink}</Link> : null}
        {can(ctx.actor.role, "patient.register") ? <Link href={`/patients/${p.id}/edit`} className={buttonClass("secondary")}>{c.edit}</Link> : null}
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
        {can(ctx.actor.role, "prescription.read") ? <PrescriptionsCard ctx={ctx} patientId={p.id} className="lg:col-span-2" /> : null}
        <Card title={c.timeline}>
          <ol className="space-y-2 text-sm">
            {history.map((h, i) => (
              <li key={i} className="flex gap-3">
                <time className="shrink-0 tabular-nums text-slate-500" dateTime={h.at}>{h.at.slice(0, 10)}</time>
                <span>{h.summary}</span>
              </li>
            ))}
          </ol>
        </Card>
      </div>
      {p.active && can(ctx.actor.role, "patient.deactivate") ? (
        <DeactivatePatientForm id={p.id} action={deactivatePatientAction} labels={{ deactivate: c.deactivate, deactivateReason: c.deactivateReason, deactivateConfirm: c.deactivateConfirm }} />
      ) : null}
    </div>
  );
}
