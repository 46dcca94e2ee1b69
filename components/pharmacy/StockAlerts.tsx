import Link from "next/link";
import { DrugTable } from "@/components/pharmacy/DrugTable";
import { ExpiringTable } from "@/components/pharmacy/ExpiringTable";
import { Section } from "@/components/pharmacy/Section";
import { Alert } from "@/components/ui/Alert";
import { messages } from "@/lib/server/locale";
import { expiringBatches, listDrugs } from "@/lib/pharmacy/queries";
import { db } from "@/lib/server/db";

const EXPIRY_DAYS = 60;

/** Side by side: drugs at or under their reorder level, and batches expiring within 60 days (the first `take` of each). */
export async function StockAlerts({ take }: { take: number }) {
  const all = await messages();
  const { dashboard: m, phrases: p } = all.pharmacy;
  const [low, expiring] = await Promise.all([
    listDrugs(db(), { q: "", lowStock: true }, { skip: 0, take }),
    expiringBatches(db(), EXPIRY_DAYS, { skip: 0, take }),
  ]);
  const link = "text-sm text-brand-700 hover:underline";
  return (
    <div className="grid gap-8 xl:grid-cols-2">
      <Section
        title={`${m.lowStock} (${low.total})`}
        action={
          low.total > low.items.length ? (
            <Link href="/pharmacy/drugs?lowStock=true" className={link}>
              {all.list.total(low.total)}
            </Link>
          ) : null
        }
      >
        {low.items.length === 0 ? <Alert>{m.noLowStock}</Alert> : <DrugTable rows={low.items} compact />}
      </Section>
      <Section title={`${p.expiringWithin(EXPIRY_DAYS)} (${expiring.total})`}>
        {expiring.items.length === 0 ? <Alert>{m.noExpiring}</Alert> : <ExpiringTable rows={expiring.items} />}
      </Section>
    </div>
  );
}
