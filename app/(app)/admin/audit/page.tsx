import Link from "next/link";
import { RecordPicker } from "@/components/audit/RecordPicker";
import { Alert } from "@/components/ui/Alert";
import { buttonClass } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/Card";
import { Pagination } from "@/components/ui/Pagination";
import { auditFilterNames, listAuditEvents } from "@/lib/audit/queries";
import { AUDIT_ACTIONS, ZAuditFilter, auditFilterParams, type AuditFilterInput } from "@/lib/audit/schemas";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { parseListQuery } from "@/lib/server/api";
import { verifyAuditChain } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { formatInstant } from "@/lib/server/format";
import { guardPage } from "@/lib/server/guard";
import { renderMessage } from "@/lib/i18n/message";

export const generateMetadata = titled((m) => m.titles.adminAudit);

/** Details longer than this are folded behind "Show more". */
const DETAILS_FOLD = 80;

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardPage("audit.read", "/admin/audit");
  const all = await messages();
  const m = all.audit;
  const locale = await requestLocale();
  const sp = await searchParams;
  const str = (k: string) => (typeof sp[k] === "string" && sp[k] ? (sp[k] as string) : undefined);
  const page = Math.max(1, Number(str("page") ?? 1) || 1);
  const query = parseListQuery(new URLSearchParams({ page: String(page), pageSize: "50" }), ["seq"], "-seq");
  // A filter that does not parse (a hand-edited URL) is shown as a message; the others still apply.
  const raw = auditFilterParams(str);
  const parsed = ZAuditFilter.safeParse(raw);
  const filter: AuditFilterInput = parsed.success
    ? parsed.data
    : Object.fromEntries(Object.entries(raw).filter(([k]) => !parsed.error.issues.some((i) => i.path[0] === k)));
  const [{ items, total }, chain, names] = await Promise.all([
    listAuditEvents(db(), filter, query),
    verifyAuditChain(db()),
    auditFilterNames(db(), filter),
  ]);
  const input = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm";
  const label = "mb-1 block text-sm font-medium text-slate-700";
  const picker = { none: m.pickerNone, searching: m.pickerSearching, failed: m.pickerFailed, change: m.pickerChange };
  const entities = Object.entries(m.entities).sort((a, b) => a[1].localeCompare(b[1], locale));
  return (
    <>
      <PageHeader title={m.title} />
      <p className="mb-3 text-sm text-slate-600">{m.intro}</p>
      <div className="mb-4">
        {chain.ok ? (
          <Alert tone="success">{m.chainOk(chain.checked)}</Alert>
        ) : (
          <Alert tone="error">{m.chainBroken(chain.brokenAtSeq, chain.reason)}</Alert>
        )}
      </div>
      {parsed.success ? null : (
        <div className="mb-4">
          <Alert tone="error">{parsed.error.issues.map((i) => renderMessage(i.message, locale)).join(" ")}</Alert>
        </div>
      )}
      <form
        method="get"
        className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-3"
      >
        <RecordPicker
          name="actorId"
          source="users"
          initial={names.actor}
          labels={{ ...picker, label: m.filterUser, hint: m.pickerUserHint, roles: all.roles }}
        />
        <RecordPicker
          name="patientId"
          source="patients"
          initial={names.patient}
          labels={{ ...picker, label: m.filterPatient, hint: m.pickerPatientHint }}
        />
        <div>
          <label htmlFor="audit-action" className={label}>
            {m.filterAction}
          </label>
          <select id="audit-action" name="action" defaultValue={filter.action ?? ""} className={input}>
            <option value="">{m.anyAction}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {m.actions[a]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-entity" className={label}>
            {m.filterEntity}
          </label>
          <select id="audit-entity" name="entity" defaultValue={filter.entity ?? ""} className={input}>
            <option value="">{m.anyEntity}</option>
            {entities.map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <div className="grid grid-cols-2 gap-3">
          <div>
            <label htmlFor="audit-from" className={label}>
              {m.filterFrom}
            </label>
            <input id="audit-from" type="date" name="from" defaultValue={filter.from ?? ""} className={input} />
          </div>
          <div>
            <label htmlFor="audit-to" className={label}>
              {m.filterTo}
            </label>
            <input id="audit-to" type="date" name="to" defaultValue={filter.to ?? ""} className={input} />
          </div>
        </div>
        {filter.entityId ? <input type="hidden" name="entityId" value={filter.entityId} /> : null}
        <div className="flex items-end gap-3">
          <button type="submit" className={buttonClass("primary")}>
            {m.filter}
          </button>
          <Link href="/admin/audit" className={buttonClass("secondary")}>
            {m.clear}
          </Link>
        </div>
      </form>
      {items.length === 0 ? (
        <Alert>{m.none}</Alert>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full table-fixed divide-y divide-slate-200 text-sm">
            <colgroup>
              <col className="w-28" />
              <col className="w-32" />
              <col className="w-24" />
              <col className="w-32" />
              <col className="w-24" />
              <col />
            </colgroup>
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                {[m.when, m.who, m.action, m.record, m.from, m.details].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {items.map((e) => {
                const details = e.details ? JSON.stringify(e.details) : "";
                return (
                  <tr key={e.seq}>
                    <td className="px-3 py-2 tabular-nums">
                      <time dateTime={e.at}>{formatInstant(e.at, locale)}</time>
                    </td>
                    <td className="break-words px-3 py-2">
                      {e.actorName ?? "—"}
                      <span className="block text-xs text-slate-600">
                        {e.actorRole ? (all.roles[e.actorRole as keyof typeof all.roles] ?? e.actorRole) : ""}
                      </span>
                    </td>
                    <td className="px-3 py-2 font-medium">
                      {m.actions[e.action as keyof typeof m.actions] ?? e.action}
                      <span className="block font-mono text-xs font-normal text-slate-600">{e.action}</span>
                    </td>
                    <td className="break-words px-3 py-2">
                      {m.entities[e.entity as keyof typeof m.entities] ?? e.entity}
                      <span className="block break-all font-mono text-xs text-slate-600">{e.entityId ?? ""}</span>
                    </td>
                    <td className="break-all px-3 py-2 font-mono text-xs">{e.ip ?? "—"}</td>
                    <td className="px-3 py-2 font-mono text-xs text-slate-700">
                      {details.length > DETAILS_FOLD ? (
                        <details>
                          <summary className="cursor-pointer break-all">
                            {details.slice(0, DETAILS_FOLD)}…{" "}
                            <span className="font-sans font-medium text-brand-700 underline">{m.showMore}</span>
                          </summary>
                          <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2">
                            {JSON.stringify(e.details, null, 2)}
                          </pre>
                        </details>
                      ) : (
                        <span className="break-all">{details}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={50} total={total} params={raw} />
    </>
  );
}
