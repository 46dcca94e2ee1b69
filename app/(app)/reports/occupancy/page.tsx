import { DateTime } from "luxon";
import { Alert } from "@/components/ui/Alert";
import { PageHeader } from "@/components/ui/Card";
import { FilterForm } from "@/components/ui/FilterForm";
import { cell, Table } from "@/components/ui/Table";
import { renderMessage } from "@/lib/i18n/message";
import { formatPercent } from "@/lib/wards/percent";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { guardPage } from "@/lib/server/guard";
import { stringParams } from "@/lib/server/page-query";
import { occupancyReport, type OccupancyRow } from "@/lib/wards/queries";
import { ZOccupancyRange } from "@/lib/wards/schemas";

export const generateMetadata = titled((m) => m.titles.reportsOccupancy);

export default async function OccupancyPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardPage("ward.read", "/reports/occupancy");
  const m = (await messages()).wards.report;
  const locale = await requestLocale();
  const params = stringParams(await searchParams);
  const today = DateTime.now().setZone(env().HOSPITAL_TIMEZONE);
  // The last 30 days by default; a bad range shows its message and the default.
  const asked = ZOccupancyRange.safeParse({
    from: params.from || today.minus({ days: 29 }).toISODate(),
    to: params.to || today.toISODate(),
  });
  const range = asked.success ? asked.data : { from: today.minus({ days: 29 }).toISODate()!, to: today.toISODate()! };
  const report = await occupancyReport(db(), range);
  const row = (r: OccupancyRow, name: string, strong = false) => (
    <tr key={name} className={strong ? "bg-slate-50 font-semibold" : undefined}>
      <th scope="row" className={`${cell} text-left font-medium`}>
        {name}
      </th>
      <td className={`${cell} tabular-nums`}>{r.beds}</td>
      <td className={`${cell} tabular-nums`}>{r.occupiedBedDays}</td>
      <td className={`${cell} tabular-nums`}>{r.availableBedDays}</td>
      <td className={`${cell} tabular-nums`}>{formatPercent(r.occupancyPct, locale)}</td>
      <td className={`${cell} tabular-nums`}>{r.admissions}</td>
      <td className={`${cell} tabular-nums`}>{r.discharges}</td>
    </tr>
  );
  return (
    <>
      <PageHeader title={m.title} />
      <FilterForm
        action="/reports/occupancy"
        selects={[]}
        dates={[
          { name: "from", label: m.from, value: range.from },
          { name: "to", label: m.to, value: range.to },
        ]}
        submit={m.show}
      />
      {!asked.success ? (
        <div className="mb-4">
          <Alert tone="error">{renderMessage(asked.error.issues[0]?.message ?? "", locale)}</Alert>
        </div>
      ) : null}
      <p className="mb-4 text-sm text-slate-600">{m.hint}</p>
      <Table head={[m.ward, m.beds, m.occupiedDays, m.availableDays, m.occupancy, m.admissions, m.discharges]}>
        {report.items.map((r) => row(r, r.ward))}
        {row(report.total, m.total, true)}
      </Table>
    </>
  );
}
