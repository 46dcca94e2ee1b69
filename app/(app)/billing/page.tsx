import Link from "next/link";
import { InvoiceTable } from "@/components/billing/InvoiceTable";
import { Alert } from "@/components/ui/Alert";
import { buttonClass } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/Card";
import { FilterForm } from "@/components/ui/FilterForm";
import { Pagination } from "@/components/ui/Pagination";
import { listInvoices } from "@/lib/billing/queries";
import { INVOICE_STATUSES, ZInvoiceFilters } from "@/lib/billing/schemas";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { db } from "@/lib/server/db";
import { guardPage } from "@/lib/server/guard";
import { pageFilters, pageListQuery, stringParams } from "@/lib/server/page-query";
import { can } from "@/lib/server/permissions";

export const generateMetadata = titled((m) => m.titles.billing);

export default async function BillingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await guardPage("billing.read", "/billing");
  const locale = await requestLocale();
  const m = (await messages()).billing;
  const params = stringParams(await searchParams);
  const query = pageListQuery(params, ["issuedAt"], "-issuedAt");
  const filters = pageFilters(ZInvoiceFilters, params, ["status"]);
  const { items, total } = await listInvoices(db(), ctx, { ...filters, q: query.q }, query);
  const staff = ctx.actor.role !== "PATIENT";
  const kept = Object.fromEntries(Object.entries({ q: query.q, status: filters.status ?? "" }).filter(([, v]) => v));
  return (
    <>
      <PageHeader title={staff ? m.list.title : m.list.myTitle}>
        {can(ctx.actor.role, "billing.manage") ? (
          <Link href="/billing/new" className={buttonClass("primary")}>
            {m.list.newInvoice}
          </Link>
        ) : null}
      </PageHeader>
      <FilterForm
        action="/billing"
        q={staff ? { label: m.list.search, value: query.q } : undefined}
        selects={[
          {
            name: "status",
            label: m.list.status,
            value: filters.status,
            options: [["", m.list.any], ...INVOICE_STATUSES.map((s) => [s, m.statuses[s]] as const)],
          },
        ]}
        submit={(await messages()).common.search}
      />
      {items.length === 0 ? (
        <Alert>{m.list.none}</Alert>
      ) : (
        <InvoiceTable items={items} m={m} locale={locale} withPatient={staff} />
      )}
      <Pagination page={query.page} pageSize={query.pageSize} total={total} params={kept} />
    </>
  );
}
