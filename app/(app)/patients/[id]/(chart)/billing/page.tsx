import Link from "next/link";
import { InvoiceStatusBadge } from "@/components/billing/InvoiceStatusBadge";
import { Card } from "@/components/ui/Card";
import { Pagination } from "@/components/ui/Pagination";
import { cell, Table } from "@/components/ui/Table";
import { formatMoney } from "@/lib/billing/money";
import { listInvoices } from "@/lib/billing/queries";
import { messages, requestLocale, titled } from "@/lib/i18n/server";
import { openChartTab } from "@/lib/patients/chart-page";
import { formatInstant } from "@/lib/server/format";
import { db } from "@/lib/server/db";
import { pageListQuery, stringParams } from "@/lib/server/page-query";

export const generateMetadata = titled((m) => m.chart.titles.billing);

/** Billing: this patient's invoices, newest first (roles with billing.read). */
export default async function ChartBillingPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const { ctx } = await openChartTab(id, "billing");
  const locale = await requestLocale();
  const m = (await messages()).billing;
  const query = pageListQuery(stringParams(await searchParams), ["issuedAt"], "-issuedAt");
  const { items, total } = await listInvoices(db(), ctx, { patientId: id }, query);
  return (
    <Card>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{m.list.none}</p>
      ) : (
        <Table head={[m.list.number, m.list.issued, m.list.status, m.list.total, m.list.paid, m.list.balance]}>
          {items.map((i) => (
            <tr key={i.id}>
              <td className={cell}><Link href={`/billing/${i.id}`} className="font-medium text-brand-700 hover:underline">{i.number}</Link></td>
              <td className={cell}>{formatInstant(i.issuedAt, locale)}</td>
              <td className={cell}><InvoiceStatusBadge status={i.status} label={m.statuses[i.status]} /></td>
              <td className={`${cell} text-right tabular-nums`}>{formatMoney(i.total, i.currency, locale)}</td>
              <td className={`${cell} text-right tabular-nums`}>{formatMoney(i.paid, i.currency, locale)}</td>
              <td className={`${cell} text-right font-medium tabular-nums`}>{formatMoney(i.balance, i.currency, locale)}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination page={query.page} pageSize={query.pageSize} total={total} params={{}} />
    </Card>
  );
}
