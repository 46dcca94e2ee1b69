import { AutoRefresh } from "@/components/jobs/AutoRefresh";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { FillBar } from "@/components/ui/FillBar";
import { buttonClass } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/Card";
import { Table, cell } from "@/components/ui/Table";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { listExports, type ExportStatusView } from "@/lib/jobs/exports";
import { db } from "@/lib/server/db";
import { formatInstant } from "@/lib/server/format";
import { guardPage } from "@/lib/server/guard";

export const generateMetadata = titled((m) => m.titles.exports);

const TONES = { queued: "neutral", running: "warning", done: "success", failed: "danger" } as const;

/** The caller's own exports with their progress; refreshes itself while one is still being built. */
export default async function ExportsPage() {
  const ctx = await guardPage("export.request", "/exports");
  const locale = await requestLocale();
  const m = (await messages()).jobs;
  const items = await listExports(db(), ctx);
  const active = items.some((e) => e.status === "queued" || e.status === "running");
  return (
    <>
      <PageHeader title={m.exports.title} />
      <p className="mb-4 text-sm text-slate-600">{m.exports.intro}</p>
      <AutoRefresh active={active} />
      {items.length === 0 ? (
        <Alert>{m.exports.none}</Alert>
      ) : (
        <Table head={[m.exports.requested, m.exports.kind, m.exports.status, m.exports.progress, m.exports.file]}>
          {items.map((e) => (
            <tr key={e.id} data-testid="export-row">
              <td className={`${cell} whitespace-nowrap tabular-nums`}>{formatInstant(e.createdAt, locale)}</td>
              <td className={cell}>{m.exports.kinds[e.kind] ?? e.kind}</td>
              <td className={cell}>
                <Badge tone={TONES[e.status]}>{m.exports.statuses[e.status]}</Badge>
              </td>
              <td className={`${cell} w-48`}>
                <Progress e={e} label={m.phrases.percent(e.progress)} />
              </td>
              <td className={cell}>
                {e.downloadUrl ? (
                  <a href={e.downloadUrl} download={e.filename ?? undefined} className={buttonClass("secondary")}>
                    {m.exports.download}
                  </a>
                ) : (
                  <span className="text-slate-400">—</span>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}

function Progress({ e, label }: { e: ExportStatusView; label: string }) {
  return (
    <div className="flex items-center gap-2">
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(e.progress * 100)}
        aria-label={label}
        className="h-2 flex-1 overflow-hidden rounded-full bg-slate-200"
      >
        <FillBar
          fraction={e.progress}
          className="block h-full w-full"
          fill={e.status === "failed" ? "fill-red-500" : "fill-brand-600"}
        />
      </div>
      <span className="w-12 text-right text-xs tabular-nums text-slate-600">{label}</span>
    </div>
  );
}
