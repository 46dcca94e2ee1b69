import Link from "next/link";
import { DrugForm } from "@/components/pharmacy/DrugForm";
import { Section } from "@/components/pharmacy/Section";
import { AdjustBatchForm, ReceiveBatchForm } from "@/components/pharmacy/StockForms";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Card, PageHeader, StatCard } from "@/components/ui/Card";
import { Table, cell } from "@/components/ui/Table";
import { formatCalendarDay } from "@/lib/pharmacy/dates";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { classWord } from "@/lib/prescriptions/findings";
import { getDrugStock } from "@/lib/pharmacy/queries";
import { formatWhen } from "@/lib/scheduling/time";
import { db } from "@/lib/server/db";
import { guardPage } from "@/lib/server/guard";
import { can } from "@/lib/server/permissions";
import { adjustBatchAction, receiveBatchAction, updateDrugAction } from "../../actions";
import { orNotFound } from "../../load";

export const generateMetadata = titled((m) => m.titles.pharmacyDrugsId);

/** One drug: its stock batches and on-hand total; pharmacy staff also receive, adjust and edit here. */
export default async function DrugPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await guardPage("drug.read", `/pharmacy/drugs/${id}`);
  const locale = await requestLocale();
  const { drugs: m, stock: s, phrases: p, classes } = (await messages()).pharmacy;
  const drug = await orNotFound(getDrugStock(db(), id));
  const manage = can(ctx.actor.role, "pharmacy.stock");
  const title = p.drugLabel(drug.genericName, drug.strength, drug.form);
  return (
    <>
      <PageHeader title={title}>
        <Link href="/pharmacy/drugs" className="text-sm text-brand-700 hover:underline">
          ← {m.back}
        </Link>
      </PageHeader>
      <div className="mb-6 grid gap-4 sm:grid-cols-3">
        <StatCard label={s.onHandTotal} value={drug.onHand} />
        <StatCard label={m.reorderLevel} value={drug.reorderLevel} />
        <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <p className="text-sm text-slate-600">{m.drugClass}</p>
          <p className="mt-1 text-lg font-semibold text-slate-900">{classWord(drug.drugClass, classes)}</p>
          <p className="mt-2 flex flex-wrap gap-2">
            {drug.brandName ? <Badge>{drug.brandName}</Badge> : null}
            {drug.lowStock ? <Badge tone="warning">{m.low}</Badge> : null}
            {!drug.active ? <Badge tone="danger">{m.inactive}</Badge> : null}
          </p>
        </div>
      </div>
      <Section title={s.batches} className="mb-8">
        {drug.batches.length === 0 ? (
          <Alert>{s.noBatches}</Alert>
        ) : (
          <Table head={[s.lot, s.expiresOn, s.quantity, s.received, s.state]}>
            {drug.batches.map((b) => (
              <tr key={b.id} className={b.expired ? "bg-red-50/50" : undefined}>
                <td className={`${cell} font-mono text-xs`}>{b.lot}</td>
                <td className={`${cell} tabular-nums`}>{formatCalendarDay(b.expiresOn, locale)}</td>
                <td className={`${cell} tabular-nums font-medium`} data-testid={`batch-qty-${b.lot}`}>
                  {b.quantity}
                </td>
                <td className={`${cell} whitespace-nowrap tabular-nums text-slate-600`}>
                  {formatWhen(b.receivedAt, locale)}
                </td>
                <td className={cell}>
                  {b.expired ? (
                    <Badge tone="danger">{s.expired}</Badge>
                  ) : b.quantity === 0 ? (
                    <Badge>{s.empty}</Badge>
                  ) : (
                    <Badge tone="success">{s.usable}</Badge>
                  )}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
      {manage ? (
        <div className="grid items-start gap-6 lg:grid-cols-3">
          <Card title={s.receive}>
            <ReceiveBatchForm drugId={drug.id} action={receiveBatchAction} labels={s} />
          </Card>
          <Card title={s.adjust}>
            {drug.batches.length === 0 ? (
              <p className="text-sm text-slate-600">{s.noBatches}</p>
            ) : (
              <AdjustBatchForm
                drugId={drug.id}
                batches={drug.batches.map((b) => ({
                  id: b.id,
                  label: `${b.lot} · ${formatCalendarDay(b.expiresOn, locale)} · ${b.quantity}`,
                }))}
                action={adjustBatchAction}
                labels={s}
              />
            )}
          </Card>
          <Card title={m.details}>
            <DrugForm
              mode="edit"
              id={drug.id}
              initial={{
                genericName: drug.genericName,
                brandName: drug.brandName ?? "",
                form: drug.form,
                strength: drug.strength,
                drugClass: drug.drugClass,
                reorderLevel: String(drug.reorderLevel),
                active: drug.active,
              }}
              action={updateDrugAction}
              labels={m}
              classes={classes}
            />
          </Card>
        </div>
      ) : null}
    </>
  );
}
