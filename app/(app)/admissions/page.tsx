import Link from "next/link";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { buttonClass } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/Card";
import { FilterForm } from "@/components/ui/FilterForm";
import { Pagination } from "@/components/ui/Pagination";
import { cell, Table } from "@/components/ui/Table";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { formatWhen } from "@/lib/scheduling/time";
import { db } from "@/lib/server/db";
import { guardPage } from "@/lib/server/guard";
import { pageFilters, pageListQuery, stringParams } from "@/lib/server/page-query";
import { seesClinicalDetails } from "@/lib/patients/scope";
import { doctorOptions } from "@/lib/staff/queries";
import { listAdmissions, wardOptions } from "@/lib/wards/queries";
import { ADMISSION_FILTER_KEYS, ZAdmissionFilters } from "@/lib/wards/schemas";

export const generateMetadata = titled((m) => m.titles.admissions);

export default async function AdmissionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await guardPage("admission.manage", "/admissions");
  const locale = await requestLocale();
  const m = (await messages()).wards.admission;
  const params = stringParams(await searchParams);
  const query = pageListQuery(params, ["admittedAt"], "-admittedAt");
  const filters = pageFilters(ZAdmissionFilters, params, [...ADMISSION_FILTER_KEYS]);
  const [{ items, total }, wards, doctors] = await Promise.all([
    listAdmissions(db(), ctx, filters, query),
    wardOptions(db()),
    doctorOptions(db()),
  ]);
  // Records officers do not see why a patient was admitted (lib/patients/scope.ts): no reason column.
  const clinical = seesClinicalDetails(ctx.actor);
  const kept = Object.fromEntries(
    Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  );
  return (
    <>
      <PageHeader title={m.listTitle}>
        <Link href="/beds" className={buttonClass("primary")}>
          {(await messages()).wards.nav.beds}
        </Link>
      </PageHeader>
      <FilterForm
        action="/admissions"
        selects={[
          {
            name: "status",
            label: m.status,
            value: filters.status,
            options: [
              ["", m.anyStatus],
              ["live", m.live],
              ["discharged", m.discharged],
            ],
          },
          {
            name: "wardId",
            label: m.ward,
            value: filters.wardId,
            options: [["", m.anyWard], ...wards.map((w) => [w.id, w.name] as const)],
          },
          {
            name: "doctorId",
            label: m.doctor,
            value: filters.doctorId,
            options: [["", m.anyDoctor], ...doctors.map((d) => [d.id, d.name] as const)],
          },
        ]}
        submit={m.filter}
      />
      {items.length === 0 ? (
        <Alert>{m.none}</Alert>
      ) : (
        <Table head={[m.admittedAt, m.patient, m.bed, m.doctor, m.status, ...(clinical ? [m.reason] : [])]}>
          {items.map((a) => (
            <tr key={a.id}>
              <td className={`${cell} whitespace-nowrap tabular-nums`}>
                <Link href={`/admissions/${a.id}`} className="font-medium text-brand-700 hover:underline">
                  {formatWhen(a.admittedAt, locale)}
                </Link>
              </td>
              <td className={cell}>
                {a.patient.name}{" "}
                <span className="font-mono text-xs text-slate-500 whitespace-nowrap">{a.patient.mrn}</span>
              </td>
              <td className={cell}>{a.currentBed?.place ?? a.assignments.at(-1)?.place ?? "—"}</td>
              <td className={cell}>{a.attendingDoctor.name}</td>
              <td className={cell}>
                {a.dischargedAt ? <Badge>{m.discharged}</Badge> : <Badge tone="success">{m.live}</Badge>}
              </td>
              {clinical ? <td className={`${cell} max-w-64 truncate text-slate-600`}>{a.reason}</td> : null}
            </tr>
          ))}
        </Table>
      )}
      <Pagination page={query.page} pageSize={query.pageSize} total={total} params={kept} />
    </>
  );
}
