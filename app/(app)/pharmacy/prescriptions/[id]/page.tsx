import { PatientBanner } from "@/components/patients/PatientBanner";
import { bannerFor } from "@/lib/patients/banner";
import Link from "next/link";
import { AcknowledgeOverride } from "@/components/pharmacy/AcknowledgeOverride";
import { DispenseForm } from "@/components/pharmacy/DispenseForm";
import { OverridePanel } from "@/components/prescriptions/OverridePanel";
import { Section } from "@/components/pharmacy/Section";
import { RxStatusBadge } from "@/components/prescriptions/StatusBadge";
import { Alert } from "@/components/ui/Alert";
import { Card, PageHeader } from "@/components/ui/Card";
import { Table, cell } from "@/components/ui/Table";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { formatCalendarDay } from "@/lib/pharmacy/dates";
import { dispensingView } from "@/lib/pharmacy/queries";
import { allergySeverityWord, localizeFindings } from "@/lib/prescriptions/findings";
import { routeLabel } from "@/lib/prescriptions/labels";
import { formatWhen } from "@/lib/scheduling/time";
import { db } from "@/lib/server/db";
import { guardPage } from "@/lib/server/guard";
import { can } from "@/lib/server/permissions";
import { acknowledgeOverrideAction, dispenseAction } from "../../actions";
import { orNotFound } from "../../load";

export const generateMetadata = titled((m) => m.titles.pharmacyPrescriptionsId);

/** The dispensing desk for one prescription: what was prescribed, dispensed and remains, stock on hand, the history. */
export default async function DispensingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await guardPage("pharmacy.stock", `/pharmacy/prescriptions/${id}`);
  const locale = await requestLocale();
  const all = await messages();
  const { dispense: m, phrases: p } = all.pharmacy;
  const rx = await orNotFound(dispensingView(db(), ctx, id));
  const open = rx.status === "ACTIVE" || rx.status === "PARTIALLY_DISPENSED";
  const pharmacist = can(ctx.actor.role, "pharmacy.dispense");
  // A prescription signed despite safety findings is dispensed only once a pharmacist has acknowledged them (the service refuses otherwise).
  const awaitingAck = rx.override !== null && rx.override.acknowledged === null;
  const facts: [string, React.ReactNode][] = [
    [m.status, <RxStatusBadge key="s" status={rx.status} />],
    [
      m.patient,
      <span key="p">
        {rx.patient.name} <span className="font-mono text-xs text-slate-500 whitespace-nowrap">{rx.patient.mrn}</span> ·{" "}
        {formatCalendarDay(rx.patient.dateOfBirth, locale)}
      </span>,
    ],
    [m.prescriber, rx.prescriber],
    [m.issued, formatWhen(rx.issuedAt, locale)],
    [m.validUntil, formatWhen(rx.expiresAt, locale)],
    [
      m.allergies,
      rx.patient.allergies.length
        ? rx.patient.allergies
            .map((a) =>
              [
                a.severity ? `${a.substance} (${allergySeverityWord(a.severity, all.prescriptions)})` : a.substance,
                a.reaction,
              ]
                .filter(Boolean)
                .join(": "),
            )
            .join(", ")
        : m.noAllergies,
    ],
  ];
  // Directions in the reader's language: the route's word and the days; dose and frequency as the prescriber wrote them.
  const lines = rx.items.map((i) => ({
    ...i,
    directions: [
      i.dose,
      routeLabel(i.route, all.prescriptions),
      i.frequency,
      all.prescriptions.phrases.days(i.durationDays),
    ].join(" · "),
  }));
  const banner = await bannerFor(db(), ctx, rx.patient.id);
  return (
    <>
      <PatientBanner banner={banner} chartLink={can(ctx.actor.role, "patient.chart.read")} />
      <PageHeader title={p.prescriptionFor(rx.patient.name)}>
        <Link href="/pharmacy" className="text-sm text-brand-700 hover:underline">
          ← {m.back}
        </Link>
      </PageHeader>
      <Card className="mb-6">
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt className="text-slate-500">{label}</dt>
              <dd className="mt-0.5 font-medium text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
      {rx.override ? (
        <div className="mb-6">
          <OverridePanel
            title={m.overrideTitle}
            intro={m.overrideIntro}
            reasonLabel={m.overrideReason}
            reason={rx.override.reason}
            findings={localizeFindings(rx.findings, locale)}
            m={all.prescriptions}
          >
            {rx.override.acknowledged ? (
              <Alert tone="success">
                {p.acknowledgedBy(rx.override.acknowledged.by, formatWhen(rx.override.acknowledged.at, locale))}
              </Alert>
            ) : open && pharmacist ? (
              <AcknowledgeOverride prescriptionId={rx.id} action={acknowledgeOverrideAction} labels={m} />
            ) : (
              <p className="text-sm font-medium text-red-800">{m.notAcknowledged}</p>
            )}
          </OverridePanel>
        </div>
      ) : null}
      <Section title={m.lines} className="mb-8">
        {!open && rx.status !== "DISPENSED" ? (
          <Alert tone="error">
            {m.closed}
            {rx.status === "REVOKED" && rx.revokeReason ? ` ${p.revokedBecause(rx.revokeReason)}` : ""}
          </Alert>
        ) : null}
        {rx.status === "DISPENSED" ? <Alert tone="success">{m.nothingLeft}</Alert> : null}
        {open && !pharmacist ? <Alert>{m.pharmacistOnly}</Alert> : null}
        {open && pharmacist && awaitingAck ? <Alert tone="error">{m.acknowledgeFirst}</Alert> : null}
        <DispenseForm
          prescriptionId={rx.id}
          lines={lines}
          canDispense={open && pharmacist && !awaitingAck}
          action={dispenseAction}
          labels={m}
        />
      </Section>
      <Section title={m.history}>
        {rx.dispenses.length === 0 ? (
          <Alert>{m.noHistory}</Alert>
        ) : (
          <Table head={[m.when, m.pharmacist, m.drug, m.fromBatch, m.dispensed]}>
            {rx.dispenses.flatMap((d) =>
              d.lines.map((l, i) => (
                <tr key={`${d.id}-${i}`}>
                  <td className={`${cell} whitespace-nowrap tabular-nums`}>
                    {i === 0 ? formatWhen(d.at, locale) : ""}
                  </td>
                  <td className={cell}>{i === 0 ? d.pharmacist : ""}</td>
                  <td className={cell}>{l.drug}</td>
                  <td className={`${cell} font-mono text-xs`}>
                    {l.lot} <span className="text-slate-500">({formatCalendarDay(l.expiresOn, locale)})</span>
                  </td>
                  <td className={`${cell} tabular-nums`}>{l.quantity}</td>
                </tr>
              )),
            )}
          </Table>
        )}
      </Section>
    </>
  );
}
