import Link from "next/link";
import { PrescriptionTable } from "@/components/prescriptions/PrescriptionTable";
import { Alert } from "@/components/ui/Alert";
import { PageHeader } from "@/components/ui/Card";
import { FilterForm } from "@/components/ui/FilterForm";
import { Pagination } from "@/components/ui/Pagination";
import { messages, titled } from "@/lib/server/locale";
import { listPrescriptions, openPrescriptionsChart } from "@/lib/prescriptions/queries";
import { PRESCRIPTION_FILTER_KEYS, PRESCRIPTION_STATUSES, ZPrescriptionFilters } from "@/lib/prescriptions/schemas";
import { db } from "@/lib/server/db";
import { guardPage } from "@/lib/server/guard";
import { pageFilters, pageListQuery, stringParams } from "@/lib/server/page-query";

export const generateMetadata = titled((m) => m.titles.prescriptions);

export default async function PrescriptionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await guardPage("prescription.read", "/prescriptions");
  const m = (await messages()).prescriptions;
  const params = stringParams(await searchParams);
  const query = pageListQuery(params, ["issuedAt"], "-issuedAt");
  const filters = pageFilters(ZPrescriptionFilters, params, PRESCRIPTION_FILTER_KEYS);
  const isPatient = ctx.actor.role === "PATIENT";
  const chart = filters.patientId ? await openPrescriptionsChart(db(), ctx, filters.patientId) : undefined;
  const { items, total } = await listPrescriptions(
    db(),
    ctx,
    { status: filters.status, chart },
    { skip: query.skip, take: query.take, desc: query.sort.dir === "desc" },
  );
  const kept = Object.fromEntries(
    Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  );
  const forPatient = filters.patientId ? items[0]?.patient : undefined;
  return (
    <>
      <PageHeader title={isPatient ? m.list.mine : m.list.title} />
      {filters.patientId && !isPatient ? (
        <p className="mb-4 flex flex-wrap items-center gap-3 text-sm text-slate-700">
          <span>
            {m.list.forPatient}:{" "}
            <strong>
              {forPatient ? (
                <>
                  {forPatient.name} <span className="whitespace-nowrap">({forPatient.mrn})</span>
                </>
              ) : (
                filters.patientId
              )}
            </strong>
          </span>
          <Link
            href={filters.status ? `/prescriptions?status=${filters.status}` : "/prescriptions"}
            className="text-brand-700 hover:underline"
          >
            {m.list.clearPatient}
          </Link>
        </p>
      ) : null}
      <FilterForm
        action="/prescriptions"
        hidden={filters.patientId ? { patientId: filters.patientId } : {}}
        selects={[
          {
            name: "status",
            label: m.list.status,
            value: filters.status,
            options: [["", m.list.anyStatus], ...PRESCRIPTION_STATUSES.map((s) => [s, m.statuses[s]] as const)],
          },
        ]}
        submit={m.list.filter}
      />
      {items.length === 0 ? <Alert>{m.list.none}</Alert> : <PrescriptionTable rows={items} showPatient={!isPatient} />}
      <Pagination page={query.page} pageSize={query.pageSize} total={total} params={kept} />
    </>
  );
}
