import type { Metadata } from "next";
import Link from "next/link";
import { InvoiceStatusBadge } from "@/components/billing/InvoiceStatusBadge";
import { Alert } from "@/components/ui/Alert";
import { buttonClass } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/Card";
import { FilterForm } from "@/components/ui/FilterForm";
import { Pagination } from "@/components/ui/Pagination";
import { cell, Table } from "@/components/ui/Table";
import { formatMoney } from "@/lib/billing/money";
import { listInvoices } from "@/lib/billing/queries";
import { INVOICE_STATUSES, ZInvoiceFilters } from "@/lib/billing/schemas";
import { messages, requestLocale, titled } from "@/lib/i18n/server";
import { db } from "@/lib/server/db";
import { formatInstant } from "@/lib/server/format";
import { guardPage } from "@/lib/server/guard";
import { pageFilters, pageListQuery, stringParams } from "@/lib/server/page-query";
import { can } from "@/lib/server/permissions";

export const generateMetadata = titled((m) => m.titles.billing);

export default async function BillingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
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
        {can(ctx.actor.role, "billing.manage") ? <Link href="/billing/new" className={buttonClass("primary")}>{m.list.newInvoice}</Link> : null}
      </PageHeader>
      <FilterForm
        action="/billing"
        q={staff ? { label: m.list.search, value: query.q } : undefined}
        selects={[{ name: "status", label: m.list.status, value: filters.status, options: [["", m.list.any], ...INVOICE_STATUSES.map((s) => [s, m.statuses[s]] as const)] }]}
        submit={(await messages()).common.search}
      />
      {items.length === 0 ? (
        <Alert>{m.list.none}</Alert>
      ) : (
        <Table head={[m.list.number, ...(staff ? [m.list.patient] : []), m.list.issued, m.list.status, m.list.total, m.list.paid, m.list.balance]}>
          {items.map((i) => (
            <tr key={i.id}>
              <td className={cell}><Link href={`/billing/${i.id}`} className="font-medium text-brand-700 hover:underline">{i.number}</Link></td>
              {staff ? <td className={cell}>{i.patient.name} <span className="whitespace-nowrap text-slate-600">· {i.patient.mrn}</span></td> : null}
              <td className={cell}>{formatInstant(i.issuedAt, locale)}</td>
              <td className={cell}><InvoiceStatusBadge status={i.status} label={m.statuses[i.status]} /></td>
              <td className={`${cell} text-right tabular-nums`}>{formatMoney(i.total, i.currency, locale)}</td>
              <td className={`${cell} text-right tabular-nums`}>{formatMoney(i.paid, i.currency, locale)}</td>
              <td className={`${cell} text-right font-medium tabular-nums`}>{formatMoney(i.balance, i.currency, locale)}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination page={query.page} pageSize={query.pageSize} total={total} params={kept} />
    </>
  );
}
