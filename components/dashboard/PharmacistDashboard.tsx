import Link from "next/link";
import { Section } from "@/components/pharmacy/Section";
import { StockAlerts } from "@/components/pharmacy/StockAlerts";
import { WaitingTable } from "@/components/pharmacy/WaitingTable";
import { Alert } from "@/components/ui/Alert";
import { Pagination } from "@/components/ui/Pagination";
import { messages } from "@/lib/server/locale";
import { waitingPrescriptions } from "@/lib/pharmacy/queries";
import { db } from "@/lib/server/db";
import { pageListQuery } from "@/lib/server/page-query";
import type { Ctx } from "@/lib/server/session";

/**
 * The pharmacist's home page is the work: the dispensing queue oldest first (overrides awaiting
 * acknowledgement marked in words and colour; paged with `?page=`; one audit row per patient
 * shown), then drugs at or under their reorder level and batches about to expire.
 */
export async function PharmacistDashboard({ ctx, params }: { ctx: Ctx; params: Record<string, string> }) {
  const m = (await messages()).pharmacy.dashboard;
  const query = pageListQuery(params, ["issuedAt"], "issuedAt");
  const queue = await waitingPrescriptions(
    db(),
    ctx,
    "",
    { skip: query.skip, take: query.take, oldestFirst: true },
    "dashboard-queue",
  );
  return (
    <div className="space-y-8">
      <Section
        title={`${m.queue} (${queue.total})`}
        action={
          <Link href="/pharmacy" className="text-sm text-brand-700 hover:underline">
            {m.all} →
          </Link>
        }
      >
        <p className="text-sm text-slate-600">{m.queueHint}</p>
        {queue.items.length === 0 ? <Alert>{m.none}</Alert> : <WaitingTable rows={queue.items} />}
        <Pagination page={query.page} pageSize={query.pageSize} total={queue.total} params={{}} />
      </Section>
      <StockAlerts take={8} />
    </div>
  );
}
