import Link from "next/link";
import { PerDayChart } from "@/components/dashboard/PerDayChart";
import { BarsChart } from "@/components/reports/BarsChart";
import { Alert } from "@/components/ui/Alert";
import { Card, PageHeader } from "@/components/ui/Card";
import { FilterForm } from "@/components/ui/FilterForm";
import { minorDigits } from "@/lib/billing/money";
import { renderMessage } from "@/lib/i18n/message";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { dashboard, pageRange } from "@/lib/reports/queries";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { guardPage } from "@/lib/server/guard";
import { can } from "@/lib/server/permissions";
import { stringParams } from "@/lib/server/page-query";

export const generateMetadata = titled((m) => m.titles.reports);

const link = "text-sm font-medium text-brand-700 underline-offset-2 hover:underline";

export default async function ReportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await guardPage("report.read", "/reports");
  const [all, locale] = await Promise.all([messages(), requestLocale()]);
  const m = all.reports.dashboard;
  const { range, error } = pageRange(stringParams(await searchParams));
  const d = await dashboard(db(), range);
  const qs = `from=${range.from}&to=${range.to}`;
  const csv = (name: string) => (
    <a href={`/api/v1/reports/${name}.csv?${qs}`} className={link} download>
      {m.csv}
    </a>
  );
  const section = (title: string, name: string, empty: boolean, chart: React.ReactNode) => (
    <Card>
      <div className="mb-3 flex items-center justify-between gap-3">
        <h2 className="text-base font-semibold text-slate-900">{title}</h2>
        {csv(name)}
      </div>
      {empty ? <p className="text-sm text-slate-600">{m.none}</p> : chart}
    </Card>
  );
  return (
    <>
      <PageHeader title={m.title}>
        <div className="flex gap-4">
          <Link href={`/reports/revenue?${qs}`} className={link}>
            {m.revenueLink}
          </Link>
          <Link href={`/public-health?${qs}`} className={link}>
            {m.publicHealthLink}
          </Link>
          {can(ctx.actor.role, "report.build") ? (
            <Link href="/reports/builder" className={link}>
              {all.reportbuilder.link}
            </Link>
          ) : null}
        </div>
      </PageHeader>
      <FilterForm
        action="/reports"
        selects={[]}
        dates={[
          { name: "from", label: m.from, value: range.from },
          { name: "to", label: m.to, value: range.to },
        ]}
        submit={m.show}
      />
      {error ? (
        <div className="mb-4">
          <Alert tone="error">{renderMessage(error, locale)}</Alert>
        </div>
      ) : null}
      <p className="mb-4 text-sm text-slate-600">{m.hint}</p>
      <div className="grid gap-4 lg:grid-cols-2">
        {section(
          m.appointments,
          "appointments",
          d.appointments.every((x) => x.count === 0),
          <PerDayChart data={d.appointments} label={m.appointments} series={m.appointmentsSeries} />,
        )}
        {section(
          m.revenue,
          "revenue-per-day",
          d.revenue.every((x) => x.net === 0),
          <PerDayChart
            data={d.revenue.map((x) => ({ day: x.day, count: x.net / 10 ** minorDigits(env().HOSPITAL_CURRENCY) }))}
            label={m.revenue}
            series={m.revenueSeries}
          />,
        )}
        {section(
          m.occupancy,
          "occupancy",
          d.occupancy.items.length === 0,
          <BarsChart
            data={d.occupancy.items.map((w) => ({ name: w.ward, value: w.occupancyPct }))}
            label={m.occupancy}
            series={m.occupancySeries}
            unit="%"
          />,
        )}
        {section(
          m.diagnoses,
          "diagnoses",
          d.diagnoses.length === 0,
          <BarsChart
            data={d.diagnoses.map((x) => ({ name: x.code, value: x.count }))}
            label={m.diagnoses}
            series={m.diagnosesSeries}
          />,
        )}
      </div>
    </>
  );
}
