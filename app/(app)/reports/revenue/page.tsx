import { Alert } from "@/components/ui/Alert";
import { PageHeader } from "@/components/ui/Card";
import { FilterForm } from "@/components/ui/FilterForm";
import { buttonClass } from "@/components/ui/Button";
import { cell, Table } from "@/components/ui/Table";
import { formatMoney } from "@/lib/billing/money";
import { renderMessage } from "@/lib/i18n/message";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { pageRange, revenueReport } from "@/lib/reports/queries";
import { db } from "@/lib/server/db";
import { guardPage } from "@/lib/server/guard";
import { stringParams } from "@/lib/server/page-query";
import { formatCalendarDay } from "@/lib/i18n/dates";

export const generateMetadata = titled((m) => m.titles.reportsRevenue);

export default async function RevenuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardPage("report.read", "/reports/revenue");
  const m = (await messages()).reports.revenue;
  const { range, error } = pageRange(stringParams(await searchParams));
  const [r, locale] = await Promise.all([revenueReport(db(), range), requestLocale()]);
  const money = (n: number) => formatMoney(n, r.currency, locale);
  const num = `${cell} text-right tabular-nums`;
  return (
    <>
      <PageHeader title={m.title}>
        <a
          href={`/api/v1/reports/revenue.csv?from=${range.from}&to=${range.to}`}
          download
          className={buttonClass("secondary")}
        >
          {m.csv}
        </a>
      </PageHeader>
      <FilterForm
        action="/reports/revenue"
        selects={[]}
        dates={[
          { name: "from", label: (await messages()).reports.dashboard.from, value: range.from },
          { name: "to", label: (await messages()).reports.dashboard.to, value: range.to },
        ]}
        submit={(await messages()).reports.dashboard.show}
      />
      {error ? (
        <div className="mb-4">
          <Alert tone="error">{renderMessage(error, locale)}</Alert>
        </div>
      ) : null}
      <p className="mb-4 max-w-3xl text-sm text-slate-600">{m.hint}</p>
      {r.items.length === 0 ? (
        <p className="text-sm text-slate-600">{m.none}</p>
      ) : (
        <Table head={[m.doctor, m.visits, m.billed, m.collected]}>
          {r.items.map((d) => (
            <tr key={d.doctorId} className="align-top">
              <th scope="row" className={`${cell} text-left font-medium`}>
                <details>
                  <summary className="cursor-pointer">{d.doctor}</summary>
                  <table className="mt-2 w-full text-sm font-normal">
                    <thead>
                      <tr className="text-left text-slate-600">
                        <th className="py-1 pr-4 font-medium">{m.date}</th>
                        <th className="py-1 pr-4 font-medium">{m.mrn}</th>
                        <th className="py-1 pr-4 font-medium">{m.invoice}</th>
                        <th className="py-1 pr-4 text-right font-medium">{m.amount}</th>
                        <th className="py-1 text-right font-medium">{m.collected}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.visits.map((v) => (
                        <tr key={v.invoice} className="border-t border-slate-100">
                          <td className="py-1 pr-4 whitespace-nowrap tabular-nums">
                            {formatCalendarDay(v.date, locale)}
                          </td>
                          <td className="py-1 pr-4 whitespace-nowrap">{v.mrn}</td>
                          <td className="py-1 pr-4">{v.invoice}</td>
                          <td className="py-1 pr-4 text-right tabular-nums">{money(v.amount)}</td>
                          <td className="py-1 text-right tabular-nums">{money(v.collected)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              </th>
              <td className={num}>{d.visits.length}</td>
              <td className={num}>{money(d.billed)}</td>
              <td className={num}>{money(d.collected)}</td>
            </tr>
          ))}
          <tr className="bg-slate-50 font-semibold">
            <th scope="row" className={`${cell} text-left`}>
              {m.total}
            </th>
            <td className={num}>{r.total.visits}</td>
            <td className={num}>{money(r.total.billed)}</td>
            <td className={num}>{money(r.total.collected)}</td>
          </tr>
        </Table>
      )}
    </>
  );
}
