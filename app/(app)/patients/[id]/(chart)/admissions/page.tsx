import Link from "next/link";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { Pagination } from "@/components/ui/Pagination";
import { cell, Table } from "@/components/ui/Table";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { openChartTab } from "@/lib/patients/chart-page";
import { formatWhen } from "@/lib/scheduling/time";
import { db } from "@/lib/server/db";
import { pageListQuery, stringParams } from "@/lib/server/page-query";
import { listAdmissions } from "@/lib/wards/queries";

export const generateMetadata = titled((m) => m.chart.tabs.admissions);

/** Admissions: this patient's stays, newest first, each linking to its page (beds, discharge summary). */
export default async function ChartAdmissionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const { ctx } = await openChartTab(id, "admissions");
  const locale = await requestLocale();
  const m = (await messages()).wards.admission;
  const query = pageListQuery(stringParams(await searchParams), ["admittedAt"], "-admittedAt");
  const { items, total } = await listAdmissions(db(), ctx, { patientId: id }, query);
  return (
    <Card>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{m.none}</p>
      ) : (
        <Table head={[m.admittedAt, m.bed, m.doctor, m.status, m.reason]}>
          {items.map((a) => (
            <tr key={a.id}>
              <td className={`${cell} whitespace-nowrap tabular-nums`}>
                <Link href={`/admissions/${a.id}`} className="font-medium text-brand-700 hover:underline">
                  {formatWhen(a.admittedAt, locale)}
                </Link>
              </td>
              <td className={cell}>{a.currentBed?.place ?? a.assignments.at(-1)?.place ?? "—"}</td>
              <td className={cell}>{a.attendingDoctor.name}</td>
              <td className={cell}>
                {a.dischargedAt ? <Badge>{m.discharged}</Badge> : <Badge tone="success">{m.live}</Badge>}
              </td>
              <td className={`${cell} max-w-64 truncate text-slate-600`}>{a.reason}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination page={query.page} pageSize={query.pageSize} total={total} params={{}} />
    </Card>
  );
}
