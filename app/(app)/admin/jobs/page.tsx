import { JobButton } from "@/components/jobs/JobButton";
import { Alert } from "@/components/ui/Alert";
import { Card, PageHeader } from "@/components/ui/Card";
import { Table, cell } from "@/components/ui/Table";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { jobOverview } from "@/lib/jobs/admin";
import { JOBS, SCHEDULED } from "@/lib/jobs/definitions";
import { queue } from "@/lib/jobs/queue";
import { db } from "@/lib/server/db";
import { formatInstant } from "@/lib/server/format";
import { guardPage } from "@/lib/server/guard";
import { retryJobAction, runJobNowAction } from "./actions";

export const generateMetadata = titled((m) => m.titles.adminJobs);
export const dynamic = "force-dynamic";

const STATES = ["created", "retry", "active", "completed", "failed", "cancelled"] as const;

export default async function JobsPage() {
  await guardPage("jobs.read", "/admin/jobs");
  const locale = await requestLocale();
  const m = (await messages()).jobs;
  await queue(); // makes sure pg-boss's tables exist before reading them
  const { queues, failed } = await jobOverview(db());
  return (
    <div className="space-y-6">
      <PageHeader title={m.admin.title} />
      <p className="text-sm text-slate-600">{m.admin.intro}</p>
      <Card title={m.admin.queues}>
        <Table head={[m.admin.queue, ...STATES.map((s) => m.admin.states[s])]}>
          {queues.map((q) => (
            <tr key={q.name}>
              <td className={`${cell} font-mono text-sm`}>{q.name}</td>
              {STATES.map((s) => (
                <td
                  key={s}
                  className={`${cell} tabular-nums ${s === "failed" && q.counts[s] ? "font-semibold text-red-700" : ""}`}
                >
                  {q.counts[s] ?? 0}
                </td>
              ))}
            </tr>
          ))}
        </Table>
      </Card>
      <Card title={m.admin.schedules}>
        <ul className="divide-y divide-slate-200">
          {SCHEDULED.map((name) => (
            <li key={name} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div>
                <p className="font-medium">{m.admin.scheduleLabels[name]}</p>
                <p className="font-mono text-xs text-slate-500">
                  {name} · {JOBS[name].cron}
                </p>
              </div>
              <JobButton act={runJobNowAction} input={{ name }} label={m.admin.runNow} doneLabel={m.admin.started} />
            </li>
          ))}
        </ul>
      </Card>
      <Card title={m.admin.failed}>
        {failed.length === 0 ? (
          <Alert>{m.admin.noFailed}</Alert>
        ) : (
          <Table head={[m.admin.when, m.admin.job, m.admin.attempts, m.admin.error, ""]}>
            {failed.map((j) => (
              <tr key={j.id}>
                <td className={`${cell} whitespace-nowrap tabular-nums`}>{formatInstant(j.failedAt, locale)}</td>
                <td className={`${cell} font-mono text-sm`}>{j.name}</td>
                <td className={`${cell} tabular-nums`}>{m.phrases.attempts(j.attempts, j.retryLimit)}</td>
                <td className={`${cell} max-w-md break-words text-sm text-red-800`}>{j.error}</td>
                <td className={cell}>
                  <JobButton
                    act={retryJobAction}
                    input={{ name: j.name, id: j.id }}
                    label={m.admin.retry}
                    doneLabel={m.admin.retried}
                  />
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </div>
  );
}
