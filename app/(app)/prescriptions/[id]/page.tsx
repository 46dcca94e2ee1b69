import { PatientBanner } from "@/components/patients/PatientBanner";
import { bannerFor } from "@/lib/patients/banner";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FindingsList } from "@/components/prescriptions/FindingsList";
import { RevokeForm } from "@/components/prescriptions/RevokeForm";
import { RxStatusBadge } from "@/components/prescriptions/StatusBadge";
import { Alert } from "@/components/ui/Alert";
import { buttonClass } from "@/components/ui/Button";
import { DefinitionList } from "@/components/ui/DefinitionList";
import { Card, PageHeader } from "@/components/ui/Card";
import { cell, Table } from "@/components/ui/Table";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { getPrescription } from "@/lib/prescriptions/queries";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { localizeFindings } from "@/lib/prescriptions/findings";
import { routeLabel } from "@/lib/prescriptions/labels";
import { formatInstant } from "@/lib/server/format";
import { guardPage } from "@/lib/server/guard";
import { stringParams } from "@/lib/server/page-query";
import { can } from "@/lib/server/permissions";
import { revokePrescriptionAction } from "../actions";

export const generateMetadata = titled((m) => m.titles.prescriptionsId);

export default async function PrescriptionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const ctx = await guardPage("prescription.read", `/prescriptions/${id}`);
  const locale = await requestLocale();
  const m = (await messages()).prescriptions;
  const d = m.detail;
  const sp = stringParams(await searchParams);
  const p = await getPrescription(db(), ctx, id).catch((err) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  const role = ctx.actor.role;
  const canRevoke =
    can(role, "prescription.write") &&
    p.prescriber.id === ctx.actor.id &&
    p.status !== "DISPENSED" &&
    p.status !== "REVOKED";
  const rows: [string, React.ReactNode][] = [
    [
      d.number,
      <span key="n" className="font-mono whitespace-nowrap">
        {p.number}
      </span>,
    ],
    [d.status, <RxStatusBadge key="s" status={p.status} />],
    [
      d.patient,
      <span key="p">
        {p.patient.name} <span className="font-mono text-xs text-slate-500 whitespace-nowrap">{p.patient.mrn}</span>
        {can(role, "patient.chart.read") ? (
          <>
            {" "}
            ·{" "}
            <Link href={`/patients/${p.patient.id}`} className="text-brand-700 hover:underline">
              {d.chart}
            </Link>
          </>
        ) : null}
      </span>,
    ],
    [d.prescriber, p.prescriber.name],
    [d.issued, formatInstant(p.issuedAt, locale)],
    [d.expires, formatInstant(p.expiresAt, locale)],
    ...(p.revokedAt
      ? [[d.revoked, `${formatInstant(p.revokedAt, locale)} · ${p.revokeReason ?? ""}`] as [string, string]]
      : []),
  ];
  const banner = await bannerFor(db(), ctx, p.patient.id);
  return (
    <>
      <PatientBanner banner={banner} chartLink={can(ctx.actor.role, "patient.chart.read")} />
      <PageHeader title={m.phrases.title(p.patient.name)}>
        <div className="flex flex-wrap items-center gap-2">
          <Link href="/prescriptions" className="text-sm text-brand-700 hover:underline">
            ← {d.back}
          </Link>
          <a href={`/api/v1/prescriptions/${p.id}/pdf`} download className={buttonClass("primary")}>
            {d.pdf}
          </a>
          <a href={`/api/v1/prescriptions/${p.id}/pdf?paper=LETTER`} download className={buttonClass("secondary")}>
            {d.pdf} ({d.pdfLetter})
          </a>
        </div>
      </PageHeader>
      <div className="space-y-6">
        {/* The "issued" banner only while the prescription is as it was issued (not once revoked or dispensed). */}
        {sp.created && p.status === "ACTIVE" ? <Alert tone="success">{d.created}</Alert> : null}
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title={d.summary}>
            <DefinitionList rows={rows} />
            <p className="mt-3 text-xs text-slate-500">
              <a href={p.verifyUrl} className="text-brand-700 hover:underline">
                {d.verify}
              </a>
            </p>
          </Card>
          <Card title={d.findings}>
            {p.findings.length === 0 ? (
              <p className="text-sm text-slate-600">{d.noFindings}</p>
            ) : (
              <FindingsList findings={localizeFindings(p.findings, locale)} kinds={m.kinds} severities={m.severities} />
            )}
            {p.overrideReason ? (
              <p className="mt-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
                <strong>{d.override}:</strong> {p.overrideReason}
              </p>
            ) : null}
            {p.overrideReason ? (
              p.overrideAcknowledgement ? (
                <p className="mt-2 text-sm text-slate-700">
                  <strong>{d.overrideAcknowledged}:</strong> {p.overrideAcknowledgement.by.name} ·{" "}
                  {formatInstant(p.overrideAcknowledgement.at, locale)}
                </p>
              ) : (
                <p className="mt-2 text-sm font-medium text-red-800">{d.notAcknowledged}</p>
              )
            ) : null}
          </Card>
        </div>
        <section aria-labelledby="lines-title" className="space-y-2">
          <h2 id="lines-title" className="text-base font-semibold text-slate-900">
            {d.lines}
          </h2>
          <Table head={[d.drug, d.dose, d.route, d.frequency, d.duration, d.quantity, d.dispensed, d.instructions]}>
            {p.items.map((i) => (
              <tr key={i.id}>
                <td className={cell}>
                  {i.drug.genericName} {i.drug.strength} {i.drug.form}
                  {i.drug.brandName ? <span className="text-slate-500"> ({i.drug.brandName})</span> : null}
                </td>
                <td className={cell}>{i.dose}</td>
                <td className={cell}>{routeLabel(i.route, m)}</td>
                <td className={cell}>{i.frequency}</td>
                <td className={cell}>{m.phrases.days(i.durationDays)}</td>
                <td className={`${cell} tabular-nums`}>{i.quantity}</td>
                <td className={`${cell} tabular-nums`}>{i.dispensedQuantity}</td>
                <td className={cell}>{i.instructions ?? "—"}</td>
              </tr>
            ))}
          </Table>
        </section>
        {canRevoke ? (
          <Card title={d.revoke}>
            <RevokeForm
              id={p.id}
              revoke={revokePrescriptionAction}
              labels={{
                revoke: d.revoke,
                revokeHint: d.revokeHint,
                revokeReason: d.revokeReason,
                revokeSubmit: d.revokeSubmit,
                confirmRevokeTitle: d.confirmRevokeTitle,
                confirmRevokeText: d.confirmRevokeText,
                confirmRevoke: d.confirmRevoke,
                confirmBack: d.confirmBack,
              }}
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}
