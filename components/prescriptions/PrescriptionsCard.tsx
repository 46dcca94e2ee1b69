import Link from "next/link";
import { buttonClass } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { messages, requestLocale } from "@/lib/server/locale";
import { listPrescriptions } from "@/lib/prescriptions/queries";
import { db } from "@/lib/server/db";
import { formatInstant } from "@/lib/server/format";
import { can } from "@/lib/server/permissions";
import type { ChartAccess } from "@/lib/patients/chart";
import { RxStatusBadge } from "./StatusBadge";

/** The chart's Prescriptions card (of the opened chart, whose opening was the audited view): the latest five, a link to all, and (doctors) Prescribe. */
export async function PrescriptionsCard({ chart, className = "" }: { chart: ChartAccess; className?: string }) {
  const { ctx, patientId } = chart;
  const locale = await requestLocale();
  const m = (await messages()).prescriptions.chart;
  const { items, total } = await listPrescriptions(db(), ctx, { chart }, { skip: 0, take: 5 });
  return (
    <Card title={m.title} className={className}>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{m.none}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {items.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <Link href={`/prescriptions/${p.id}`} className="text-brand-700 hover:underline">
                {p.drugs.join(", ")}
              </Link>
              <span className="flex items-center gap-2 text-slate-500">
                <time dateTime={p.issuedAt}>{formatInstant(p.issuedAt, locale)}</time>
                <RxStatusBadge status={p.status} />
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        {can(ctx.actor.role, "prescription.write") ? (
          <Link href={`/prescriptions/new?patientId=${patientId}`} className={buttonClass("primary")}>
            {m.prescribe}
          </Link>
        ) : null}
        {total > 0 ? (
          <Link href={`/prescriptions?patientId=${patientId}`} className={buttonClass("secondary")}>
            {m.all}
          </Link>
        ) : null}
      </div>
    </Card>
  );
}
