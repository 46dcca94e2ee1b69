import Link from "next/link";
import { LabResultForm } from "@/components/clinical/LabResultForm";
import { Card, PageHeader } from "@/components/ui/Card";
import { Pagination } from "@/components/ui/Pagination";
import { rangeText } from "@/lib/clinical/measures";
import { formatStamp, listLabOrders } from "@/lib/clinical/queries";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { db } from "@/lib/server/db";
import { guardPage } from "@/lib/server/guard";
import { stringParams } from "@/lib/server/page-query";
import { enterLabResultAction } from "./actions";

export const generateMetadata = titled((m) => m.titles.lab);
const PAGE_SIZE = 20;

/** Pending orders, oldest first, each with its result entry. */
export default async function LabWorklistPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await guardPage("lab.result", "/lab");
  const sp = stringParams(await searchParams);
  const page = Math.max(1, Number(sp.page) || 1);
  const locale = await requestLocale();
  const m = (await messages()).clinical;
  const l = m.lab;
  const { items, total } = await listLabOrders(
    db(),
    ctx,
    { status: "ORDERED" },
    { skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE },
  );
  return (
    <>
      <PageHeader title={l.worklist} />
      <p className="mb-4 text-sm text-slate-600">{l.worklistIntro}</p>
      {items.length === 0 ? (
        <Card>
          <p className="text-sm text-slate-600">{l.noPending}</p>
        </Card>
      ) : (
        <ul className="space-y-3">
          {items.map((o) => (
            <li key={o.id}>
              <Card>
                <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className="text-base font-semibold text-slate-900">{o.test.name}</h2>
                  <p className="text-sm text-slate-600">
                    <Link href={`/patients/${o.patient.id}`} className="text-brand-700 hover:underline">
                      {o.patient.name}
                    </Link>{" "}
                    <span className="font-mono text-xs whitespace-nowrap">{o.patient.mrn}</span> · {l.orderedBy}{" "}
                    {o.orderedBy.name} · <time dateTime={o.orderedAt}>{formatStamp(o.orderedAt, locale)}</time>
                  </p>
                </div>
                {o.notes ? <p className="mb-2 text-sm text-slate-700">{o.notes}</p> : null}
                {o.test.refLow !== null || o.test.refHigh !== null ? (
                  <p className="mb-2 text-xs text-slate-500">
                    {l.range}: {rangeText(o.test.refLow, o.test.refHigh, locale)} {o.test.unit ?? ""}
                  </p>
                ) : null}
                <LabResultForm
                  orderId={o.id}
                  testName={o.test.name}
                  qualitative={o.test.refLow === null && o.test.refHigh === null}
                  unit={o.test.unit}
                  enter={enterLabResultAction}
                  labels={l}
                />
              </Card>
            </li>
          ))}
        </ul>
      )}
      {total > PAGE_SIZE ? <Pagination page={page} pageSize={PAGE_SIZE} total={total} params={{}} /> : null}
    </>
  );
}
