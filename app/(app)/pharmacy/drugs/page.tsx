import Link from "next/link";
import { DrugTable } from "@/components/pharmacy/DrugTable";
import { Alert } from "@/components/ui/Alert";
import { buttonClass } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/Card";
import { FilterForm } from "@/components/ui/FilterForm";
import { Pagination } from "@/components/ui/Pagination";
import { messages, titled } from "@/lib/server/locale";
import { DRUG_CLASSES } from "@/lib/pharmacy/catalogue-data";
import { listDrugs } from "@/lib/pharmacy/queries";
import { DRUG_FILTER_KEYS, ZDrugFilters } from "@/lib/pharmacy/schemas";
import { db } from "@/lib/server/db";
import { guardPage } from "@/lib/server/guard";
import { pageFilters, pageListQuery, stringParams } from "@/lib/server/page-query";
import { can } from "@/lib/server/permissions";

export const generateMetadata = titled((m) => m.titles.pharmacyDrugs);

export default async function DrugsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await guardPage("drug.read", "/pharmacy/drugs");
  const { drugs: m, classes } = (await messages()).pharmacy;
  const params = stringParams(await searchParams);
  const query = pageListQuery(params, ["genericName"], "genericName");
  const filters = pageFilters(ZDrugFilters, params, DRUG_FILTER_KEYS);
  const { items, total } = await listDrugs(db(), { ...filters, q: query.q }, query);
  const kept = Object.fromEntries(
    Object.entries({ q: query.q, drugClass: params.drugClass, lowStock: params.lowStock }).filter(
      (e): e is [string, string] => !!e[1],
    ),
  );
  return (
    <>
      <PageHeader title={m.title}>
        {can(ctx.actor.role, "pharmacy.stock") ? (
          <Link href="/pharmacy/drugs/new" className={buttonClass("primary")}>
            {m.add}
          </Link>
        ) : null}
      </PageHeader>
      <FilterForm
        action="/pharmacy/drugs"
        q={{ label: m.search, value: query.q }}
        selects={[
          {
            name: "drugClass",
            label: m.drugClass,
            value: filters.drugClass,
            options: [["", m.anyClass], ...DRUG_CLASSES.map((c) => [c, classes[c]] as const)],
          },
          {
            name: "lowStock",
            label: m.stockFilter,
            value: filters.lowStock ? "true" : "",
            options: [
              ["", m.anyStock],
              ["true", m.lowOnly],
            ],
          },
        ]}
        submit={m.filter}
      />
      {items.length === 0 ? <Alert>{m.none}</Alert> : <DrugTable rows={items} />}
      <Pagination page={query.page} pageSize={query.pageSize} total={total} params={kept} />
    </>
  );
}
