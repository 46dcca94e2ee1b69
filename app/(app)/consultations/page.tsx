import Link from "next/link";
import { ConsultationStatus } from "@/components/clinical/ChartCards";
import { Alert } from "@/components/ui/Alert";
import { buttonClass } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/Card";
import { FilterForm } from "@/components/ui/FilterForm";
import { Pagination } from "@/components/ui/Pagination";
import { cell, Table } from "@/components/ui/Table";
import { formatStamp, listConsultations } from "@/lib/clinical/queries";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { db } from "@/lib/server/db";
import { guardPage } from "@/lib/server/guard";
import { pageListQuery, stringParams } from "@/lib/server/page-query";
import { can } from "@/lib/server/permissions";

export const generateMetadata = titled((m) => m.chart.titles.consultations);

const STATUSES = ["draft", "signed"] as const;

/**
 * Consultations, newest first: a doctor's own drafts and signed notes (admins and nurses: everyone's),
 * filtered by status and by patient name or MRN, paged; one audit VIEW row per patient shown.
 */
export default async function ConsultationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await guardPage("patient.chart.read", "/consultations");
  const locale = await requestLocale();
  const all = await messages();
  const m = all.chart.consultations;
  const params = stringParams(await searchParams);
  const query = pageListQuery(params, ["createdAt"], "-createdAt");
  const status = STATUSES.find((s) => s === params.status);
  const { items, total } = await listConsultations(db(), ctx, { status, patient: query.q || undefined }, query);
  const own = ctx.actor.role === "DOCTOR";
  const kept = Object.fromEntries(Object.entries({ q: query.q, status: status ?? "" }).filter(([, v]) => v));
  return (
    <>
      <PageHeader title={all.chart.titles.consultations}>
        {can(ctx.actor.role, "clinical.write") ? (
          <Link href="/consultations/new" className={buttonClass("primary")}>
            {all.clinical.consultation.new}
          </Link>
        ) : null}
      </PageHeader>
      <p className="-mt-4 mb-4 text-sm text-slate-600">{own ? m.intro : m.introAll}</p>
      <FilterForm
        action="/consultations"
        q={{ label: m.patient, value: query.q }}
        selects={[
          {
            name: "status",
            label: m.status,
            value: status,
            options: [["", m.statuses.all], ...STATUSES.map((s) => [s, m.statuses[s]] as const)],
          },
        ]}
        submit={m.filter}
      />
      {items.length === 0 ? (
        <Alert>{m.none}</Alert>
      ) : (
        <Table head={[m.when, all.patients.name, ...(own ? [] : [m.doctor]), m.diagnoses, m.status]}>
          {items.map((c) => (
            <tr key={c.id}>
              <td className={`${cell} whitespace-nowrap tabular-nums`}>
                <Link href={`/consultations/${c.id}`} className="font-medium text-brand-700 hover:underline">
                  {formatStamp(c.createdAt, locale)}
                </Link>
              </td>
              <td className={cell}>
                <Link href={`/patients/${c.patient.id}`} className="hover:underline">
                  {c.patient.name}
                </Link>{" "}
                <span className="whitespace-nowrap font-mono text-xs text-slate-500">{c.patient.mrn}</span>
              </td>
              {own ? null : <td className={cell}>{c.doctor.name}</td>}
              <td className={`${cell} text-slate-700`}>
                {c.diagnoses.map((d) => (d.code ? `${d.code} ${d.description}` : d.description)).join("; ") || "—"}
              </td>
              <td className={cell}>
                <ConsultationStatus c={c} m={all.clinical} />
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination page={query.page} pageSize={query.pageSize} total={total} params={kept} />
    </>
  );
}
