import Link from "next/link";
import { Section } from "@/components/pharmacy/Section";
import { StockAlerts } from "@/components/pharmacy/StockAlerts";
import { WaitingTable } from "@/components/pharmacy/WaitingTable";
import { Alert } from "@/components/ui/Alert";
import { buttonClass } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/Card";
import { FilterForm } from "@/components/ui/FilterForm";
import { Pagination } from "@/components/ui/Pagination";
import { messages, titled } from "@/lib/server/locale";
import { waitingPrescriptions } from "@/lib/pharmacy/queries";
import { db } from "@/lib/server/db";
import { guardPage } from "@/lib/server/guard";
import { pageListQuery, stringParams } from "@/lib/server/page-query";

export const generateMetadata = titled((m) => m.titles.pharmacy);

/** The pharmacist's desk: prescriptions waiting, drugs running low, batches about to expire. */
export default async function PharmacyPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await guardPage("pharmacy.stock", "/pharmacy");
  const { dashboard: m } = (await messages()).pharmacy;
  const params = stringParams(await searchParams);
  const query = pageListQuery(params, ["issuedAt"], "-issuedAt");
  const waiting = await waitingPrescriptions(db(), ctx, query.q, { ...query, oldestFirst: query.sort.dir === "asc" });
  return (
    <>
      <PageHeader title={m.title}>
        <Link href="/pharmacy/drugs" className={buttonClass("secondary")}>
          {m.catalogue}
        </Link>
      </PageHeader>
      <div className="space-y-8">
        <Section title={m.waiting}>
          <FilterForm
            action="/pharmacy"
            q={{ label: m.search, value: query.q }}
            selects={[]}
            submit={(await messages()).common.search}
          />
          {waiting.items.length === 0 ? <Alert>{m.none}</Alert> : <WaitingTable rows={waiting.items} />}
          <Pagination
            page={query.page}
            pageSize={query.pageSize}
            total={waiting.total}
            params={query.q ? { q: query.q } : {}}
          />
        </Section>
        <StockAlerts take={10} />
      </div>
    </>
  );
}
