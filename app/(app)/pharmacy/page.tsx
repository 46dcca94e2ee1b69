import type { Metadata } from "next";
import Link from "next/link";
import { DrugTable } from "@/components/pharmacy/DrugTable";
import { ExpiringTable } from "@/components/pharmacy/ExpiringTable";
import { Section } from "@/components/pharmacy/Section";
import { WaitingTable } from "@/components/pharmacy/WaitingTable";
import { Alert } from "@/components/ui/Alert";
import { buttonClass } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/Card";
import { FilterForm } from "@/components/ui/FilterForm";
import { Pagination } from "@/components/ui/Pagination";
import { messages, titled } from "@/lib/i18n/server";
import { expiringBatches, listDrugs, waitingPrescriptions } from "@/lib/pharmacy/queries";
import { db } from "@/lib/server/db";
import { guardPage } from "@/lib/server/guard";
import { pageListQuery, stringParams } from "@/lib/server/page-query";

export const generateMetadata = titled((m) => m.titles.pharmacy);

const EXPIRY_DAYS = 60;

/** The pharmacist's desk: prescriptions waiting, drugs running low, batches about to expire. */
export default async function PharmacyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await guardPage("pharmacy.stock", "/pharmacy");
  const { dashboard: m, phrases: p } = (await messages()).pharmacy;
  const params = stringParams(await searchParams);
  const query = pageListQuery(params, ["issuedAt"], "-issuedAt");
  const [waiting, low, expiring] = await Promise.all([
    waitingPrescriptions(db(), query.q, query),
    listDrugs(db(), { q: "", lowStock: true }, { skip: 0, take: 10 }),
    expiringBatches(db(), EXPIRY_DAYS, { skip: 0, take: 10 }),
  ]);
  const link = "text-sm text-brand-700 hover:underline";
  return (
    <>
      <PageHeader title={m.title}>
        <Link href="/pharmacy/drugs" className={buttonClass("secondary")}>{m.catalogue}</Link>
      </PageHeader>
      <div className="space-y-8">
        <Section title={m.waiting}>
          <FilterForm action="/pharmacy" q={{ label: m.search, value: query.q }} selects={[]} submit={(await messages()).common.search} />
          {waiting.items.length === 0 ? <Alert>{m.none}</Alert> : <WaitingTable rows={waiting.items} />}
          <Pagination page={query.page} pageSize={query.pageSize} total={waiting.total} params={query.q ? { q: query.q } : {}} />
        </Section>
        <div className="grid gap-8 xl:grid-cols-2">
          <Section title={`${m.lowStock} (${low.total})`} action={low.total > low.items.length ? <Link href="/pharmacy/drugs?lowStock=true" className={link}>{(await messages()).list.total(low.total)}</Link> : null}>
            {low.items.length === 0 ? <Alert>{m.noLowStock}</Alert> : <DrugTable rows={low.items} compact />}
          </Section>
          <Section title={`${p.expiringWithin(EXPIRY_DAYS)} (${expiring.total})`}>
            {expiring.items.length === 0 ? <Alert>{m.noExpiring}</Alert> : <ExpiringTable rows={expiring.items} />}
          </Section>
        </div>
      </div>
    </>
  );
}
