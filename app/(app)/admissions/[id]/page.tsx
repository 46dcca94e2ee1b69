import { PatientBanner } from "@/components/patients/PatientBanner";
import { PrintButton } from "@/components/ui/PrintButton";
import { bannerFor } from "@/lib/patients/banner";
import { can } from "@/lib/server/permissions";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/Badge";
import { buttonClass } from "@/components/ui/Button";
import { Card, PageHeader } from "@/components/ui/Card";
import { DefinitionList } from "@/components/ui/DefinitionList";
import { cell, Table } from "@/components/ui/Table";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { formatWhen } from "@/lib/scheduling/time";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { guardPage } from "@/lib/server/guard";
import { getAdmission } from "@/lib/wards/queries";

export const generateMetadata = titled((m) => m.titles.admissionsId);

export default async function AdmissionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await guardPage("admission.manage", `/admissions/${id}`);
  const locale = await requestLocale();
  const m = (await messages()).wards.admission;
  const a = await getAdmission(db(), ctx, id).catch((err) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  const banner = await bannerFor(db(), ctx, a.patient.id);
  return (
    <>
      <PatientBanner banner={banner} chartLink={can(ctx.actor.role, "patient.chart.read")} />
      <PageHeader title={`${m.title}: ${a.patient.name}`}>
        <div className="flex flex-wrap gap-2 print:hidden">
          <PrintButton label={(await messages()).chart.banner.print} />
          <Link href="/beds" className={buttonClass("secondary")}>
            {(await messages()).wards.nav.beds}
          </Link>
        </div>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <DefinitionList
            rows={[
              // The chart link only for who may open the chart (a records officer's would be a 404).
              [
                m.patient,
                can(ctx.actor.role, "patient.chart.read") ? (
                  <Link key="p" className="text-brand-700 underline" href={`/patients/${a.patient.id}`}>
                    {a.patient.name} <span className="font-mono whitespace-nowrap">{a.patient.mrn}</span>
                  </Link>
                ) : (
                  <span key="p">
                    {a.patient.name} <span className="font-mono whitespace-nowrap">{a.patient.mrn}</span>
                  </span>
                ),
              ],
              [m.bed, a.currentBed ? a.currentBed.place : "—"],
              [m.doctor, a.attendingDoctor.name],
              [m.department, a.department?.name ?? "—"],
              ...(a.reason !== undefined ? ([[m.reason, a.reason]] as [string, React.ReactNode][]) : []),
              [m.plannedStay, a.plannedStayDays ? m.days(a.plannedStayDays) : "—"],
              [m.admittedAt, formatWhen(a.admittedAt, locale)],
              [
                m.dischargedAt,
                a.dischargedAt ? (
                  formatWhen(a.dischargedAt, locale)
                ) : (
                  <Badge key="s" tone="success">
                    {m.live}
                  </Badge>
                ),
              ],
              ...(a.dischargeSummary
                ? ([
                    [
                      m.summary,
                      <p key="sum" className="whitespace-pre-line">
                        {a.dischargeSummary}
                      </p>,
                    ],
                  ] as [string, React.ReactNode][])
                : []),
            ]}
          />
        </Card>
        <section aria-labelledby="beds-title" className="space-y-2">
          <h2 id="beds-title" className="text-base font-semibold text-slate-900">
            {m.history}
          </h2>
          <Table head={[m.bed, m.from, m.to]}>
            {a.assignments.map((h) => (
              <tr key={h.id}>
                <td className={cell}>{h.place}</td>
                <td className={cell}>{formatWhen(h.startsAt, locale)}</td>
                <td className={cell}>{h.endsAt ? formatWhen(h.endsAt, locale) : m.now}</td>
              </tr>
            ))}
          </Table>
        </section>
      </div>
    </>
  );
}
