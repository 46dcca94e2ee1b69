import type { Metadata } from "next";
import { Alert } from "@/components/ui/Alert";
import { buttonClass } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/Card";
import { Pagination } from "@/components/ui/Pagination";
import { listAuditEvents } from "@/lib/audit/queries";
import { messages, requestLocale, titled } from "@/lib/i18n/server";
import { parseListQuery } from "@/lib/server/api";
import { verifyAuditChain } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { formatInstant } from "@/lib/server/format";
import { guardPage } from "@/lib/server/guard";

export const generateMetadata = titled((m) => m.titles.adminAudit);

const FILTERS = ["patientId", "entity", "entityId", "actorId"] as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await guardPage("audit.read", "/admin/audit");
  const all = await messages();
  const m = all.audit;
  const locale = await requestLocale();
  const sp = await searchParams;
  const str = (k: string) => (typeof sp[k] === "string" && sp[k] ? (sp[k] as string) : undefined);
  const page = Math.max(1, Number(str("page") ?? 1) || 1);
  const query = parseListQuery(new URLSearchParams({ page: String(page), pageSize: "50" }), ["seq"], "-seq");
  const filter = Object.fromEntries(FILTERS.map((k) => [k, str(k)]));
  const [{ items, total }, chain] = await Promise.all([listAuditEvents(db(), filter, query), verifyAuditChain(db())]);
  const input = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm";
  return (
    <>
      <PageHeader title={m.title} />
      <p className="mb-3 text-sm text-slate-600">{m.intro}</p>
      <div className="mb-4">
        {chain.ok ? <Alert tone="success">{m.chainOk(chain.checked)}</Alert> : <Alert tone="error">{m.chainBroken(chain.brokenAtSeq, chain.reason)}</Alert>}
      </div>
      <form method="get" className="mb-4 grid gap-3 sm:grid-cols-4">
        {([["patientId", m.filterPatient], ["entity", m.filterEntity], ["entityId", m.filterEntityId]] as const).map(([k, label]) => (
          <div key={k}>
            <label htmlFor={`audit-${k}`} className="mb-1 block text-sm font-medium text-slate-700">{label}</label>
            <input id={`audit-${k}`} name={k} defaultValue={filter[k] ?? ""} className={input} />
          </div>
        ))}
        <div className="flex items-end">
          <button type="submit" className={buttonClass("secondary")}>{m.filter}</button>
        </div>
      </form>
      {items.length === 0 ? (
        <Alert>{m.none}</Alert>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                {[m.when, m.who, m.action, m.record, m.from, m.details].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2 font-medium">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {items.map((e) => (
                <tr key={e.seq}>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums"><time dateTime={e.at}>{formatInstant(e.at, locale)}</time></td>
                  <td className="px-3 py-2">{e.actorName ?? "—"}<span className="block text-xs text-slate-500">{e.actorRole ? (all.roles[e.actorRole as keyof typeof all.roles] ?? e.actorRole) : ""}</span></td>
                  <td className="px-3 py-2 font-medium">{m.actions[e.action as keyof typeof m.actions] ?? e.action}<span className="block font-mono text-xs font-normal text-slate-500">{e.action}</span></td>
                  <td className="px-3 py-2">{m.entities[e.entity as keyof typeof m.entities] ?? e.entity}<span className="block font-mono text-xs text-slate-500">{e.entityId ?? ""}</span></td>
                  <td className="px-3 py-2 font-mono text-xs">{e.ip ?? "—"}</td>
                  <td className="max-w-xs break-words px-3 py-2 font-mono text-xs text-slate-600">{e.details ? JSON.stringify(e.details) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={50} total={total} params={Object.fromEntries(Object.entries(filter).filter((e): e is [string, string] => !!e[1]))} />
    </>
  );
}
