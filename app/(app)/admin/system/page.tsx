import { headers } from "next/headers";
import Link from "next/link";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Card, PageHeader } from "@/components/ui/Card";
import { DefinitionList } from "@/components/ui/DefinitionList";
import { Table, cell } from "@/components/ui/Table";
import { JOB_NAMES } from "@/lib/jobs/definitions";
import { queue } from "@/lib/jobs/queue";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { db } from "@/lib/server/db";
import { formatInstant } from "@/lib/server/format";
import { guardPage } from "@/lib/server/guard";
import { systemOverview } from "@/lib/system/overview";

export const generateMetadata = titled((m) => m.titles.adminSystem);
export const dynamic = "force-dynamic";

/** 1536 → "1.5 kB"; powers of 1024, as PostgreSQL's pg_size_pretty. */
function bytes(n: number, locale: string): string {
  const units = ["B", "kB", "MB", "GB", "TB"];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${n.toLocaleString(locale, { maximumFractionDigits: i ? 1 : 0 })} ${units[i]}`;
}

export default async function SystemPage() {
  await guardPage("system.read", "/admin/system");
  const locale = await requestLocale();
  const m = (await messages()).system;
  await queue(); // makes sure pg-boss's tables exist before reading them
  const o = await systemOverview(db(), (await headers()).get("host"));
  const count = (name: string, state: string) => o.queues.find((q) => q.name === name && q.state === state)?.n ?? 0;
  const ok = (good: boolean) => <Badge tone={good ? "success" : "warning"}>{good ? m.ok : m.check}</Badge>;
  return (
    <div className="space-y-6">
      <PageHeader title={m.title} />
      <p className="text-sm text-slate-600">{m.intro}</p>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={m.sections.app}>
          <DefinitionList
            rows={[
              [
                m.version,
                <span key="v" className="font-mono">
                  {o.version}
                </span>,
              ],
              [
                m.node,
                <span key="n" className="font-mono">
                  {o.node}
                </span>,
              ],
              [m.sections.sessions, m.sessions(o.activeSessions.sessions, o.activeSessions.users)],
            ]}
          />
        </Card>
        <Card title={m.sections.database}>
          <DefinitionList
            rows={[
              [
                m.migrationLevel,
                <span key="m" className="flex flex-wrap items-center gap-2">
                  {ok(o.migrations.pending.length === 0)}{" "}
                  {o.migrations.pending.length
                    ? m.migrationsPending(o.migrations.pending.length)
                    : m.migrationsApplied(o.migrations.applied, o.migrations.expected)}
                </span>,
              ],
              [
                m.latestMigration,
                <span key="l" className="break-all font-mono text-xs">
                  {o.migrations.latest ?? "—"}
                </span>,
              ],
              [
                m.databaseSize,
                <span key="s" className="tabular-nums">
                  {bytes(o.databaseBytes, locale)}
                </span>,
              ],
              [
                m.databaseVersion,
                <span key="p" className="font-mono">
                  {o.databaseVersion}
                </span>,
              ],
            ]}
          />
        </Card>
      </div>
      <Card title={m.sections.workers}>
        {o.workers.length === 0 ? (
          <Alert tone="error">{m.noWorker}</Alert>
        ) : (
          <Table head={[m.worker, m.startedAt, m.seenAt]}>
            {o.workers.map((w) => (
              <tr key={w.id}>
                <td className={`${cell} font-mono text-sm`}>{w.id}</td>
                <td className={`${cell} whitespace-nowrap tabular-nums`}>
                  {formatInstant(w.startedAt.toISOString(), locale)}
                </td>
                <td className={`${cell} whitespace-nowrap tabular-nums`}>
                  {formatInstant(w.seenAt.toISOString(), locale)}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
      <div className="grid gap-6 2xl:grid-cols-[2fr_1fr]">
        <Card title={m.sections.queues}>
          <Table head={[m.queue, m.waiting, m.retrying, m.running, m.failed]}>
            {JOB_NAMES.map((name) => (
              <tr key={name}>
                <td className={`${cell} font-mono text-sm`}>{name}</td>
                {(["created", "retry", "active", "failed"] as const).map((s) => (
                  <td
                    key={s}
                    className={`${cell} tabular-nums ${s === "failed" && count(name, s) ? "font-semibold text-red-700" : ""}`}
                  >
                    {count(name, s)}
                  </td>
                ))}
              </tr>
            ))}
          </Table>
          <p className="mt-3 text-sm">
            <Link className="font-medium text-brand-700 hover:underline" href="/admin/jobs">
              {m.openJobs}
            </Link>
          </p>
        </Card>
        <Card title={m.sections.emails}>
          <DefinitionList
            rows={[
              [
                m.emailsWaiting,
                <span key="w" className="tabular-nums">
                  {o.emails.waiting}
                </span>,
              ],
              [
                m.emailsFailed,
                <span key="f" className={`tabular-nums ${o.emails.failed ? "font-semibold text-red-700" : ""}`}>
                  {o.emails.failed}
                </span>,
              ],
            ]}
          />
          <p className="mt-3 text-sm">
            <Link className="font-medium text-brand-700 hover:underline" href="/admin/outbox">
              {m.openOutbox}
            </Link>
          </p>
        </Card>
      </div>
      <Card title={m.sections.address}>
        <ul className="divide-y divide-slate-200">
          {o.address.map((c) => (
            <li key={c.key} className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm">
              <span className="flex items-center gap-2">
                {ok(c.ok)} {m.checks[c.key]}
              </span>
              <span className="break-all font-mono text-xs text-slate-600">{c.detail}</span>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
