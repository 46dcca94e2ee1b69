import { Pagination } from "@/components/ui/Pagination";
import type { AuditRow } from "@/lib/audit/queries";
import type { Messages } from "@/lib/i18n";
import type { Locale } from "@/lib/i18n";
import { formatInstant } from "@/lib/server/format";

type Change = { from: unknown; to: unknown };
/** How a recorded value reads: a code as its word, money in the hospital's currency (by the record's field kinds). */
export type ValueLabel = (field: string, v: string | number) => string;

const show = (field: string, v: unknown, valueLabel: ValueLabel) =>
  v === null || v === undefined || v === ""
    ? "—"
    : typeof v === "object"
      ? JSON.stringify(v)
      : typeof v === "string" || typeof v === "number"
        ? valueLabel(field, v)
        : String(v);

/** The changes of an audit event: "field: old → new" when the service recorded both, else the details as written. */
function changesOf(details: unknown, fieldLabel: Record<string, string>, valueLabel: ValueLabel): string[] {
  if (!details || typeof details !== "object") return [];
  const d = details as Record<string, unknown>;
  const changes = d.changes as Record<string, Change> | undefined;
  if (changes && typeof changes === "object")
    return Object.entries(changes).map(
      ([k, c]) => `${fieldLabel[k] ?? k}: ${show(k, c?.from, valueLabel)} → ${show(k, c?.to, valueLabel)}`,
    );
  return Object.entries(d).map(([k, v]) => `${fieldLabel[k] ?? k}: ${show(k, v, valueLabel)}`);
}

/** A record's audit events, newest first, with who did it. */
export async function AuditHistory({
  items,
  total,
  page,
  pageSize,
  locale,
  labels,
  fieldLabel,
  roleLabel,
  valueLabel = (_f, v) => String(v),
}: {
  items: AuditRow[];
  total: number;
  page: number;
  pageSize: number;
  locale: Locale;
  labels: Messages["databrowser"]["record"];
  fieldLabel: Record<string, string>;
  roleLabel: Record<string, string>;
  valueLabel?: ValueLabel;
}) {
  if (items.length === 0)
    return (
      <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600">{labels.historyNone}</p>
    );
  return (
    <>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label={labels.history}>
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              {[labels.when, labels.who, labels.action, labels.changes].map((h) => (
                <th key={h} scope="col" className="px-4 py-2 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {items.map((ev) => (
              <tr key={ev.seq}>
                <td className="whitespace-nowrap px-4 py-2 tabular-nums">{formatInstant(ev.at, locale)}</td>
                <td className="px-4 py-2">
                  {ev.actorName ?? labels.system}
                  <span className="block text-xs text-slate-500">
                    {ev.actorRole ? (roleLabel[ev.actorRole] ?? ev.actorRole) : ""}
                  </span>
                </td>
                <td className="px-4 py-2 font-medium">{ev.action}</td>
                <td className="px-4 py-2">
                  <ul className="space-y-0.5">
                    {changesOf(ev.details, fieldLabel, valueLabel).map((c, i) => (
                      <li key={i} className="break-words">
                        {c}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pageSize={pageSize} total={total} params={{}} />
    </>
  );
}
