import { InvoiceTable } from "@/components/billing/InvoiceTable";
import { Card } from "@/components/ui/Card";
import { Pagination } from "@/components/ui/Pagination";
import { listInvoices } from "@/lib/billing/queries";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { openChartTab } from "@/lib/patients/chart-page";
import { db } from "@/lib/server/db";
import { pageListQuery, stringParams } from "@/lib/server/page-query";

export const generateMetadata = titled((m) => m.chart.tabs.billing);

/** Billing: this patient's invoices, newest first (roles with billing.read). */
export default async function ChartBillingPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
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
        <InvoiceTable items={items} m={m} locale={locale} withPatient={false} />
      )}
      <Pagination page={query.page} pageSize={query.pageSize} total={total} params={{}} />
    </Card>
  );
}
