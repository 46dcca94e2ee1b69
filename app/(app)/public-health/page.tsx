import { Alert } from "@/components/ui/Alert";
import { buttonClass } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/Card";
import { FilterForm } from "@/components/ui/FilterForm";
import { cell, Table } from "@/components/ui/Table";
import { renderMessage } from "@/lib/i18n/message";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { aggregates, type Cell, recentPeriods } from "@/lib/reports/public-health";
import { GROUP_BYS, type GroupBy } from "@/lib/reports/schemas";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { AppError } from "@/lib/server/errors";
import { guardPage } from "@/lib/server/guard";
import { stringParams } from "@/lib/server/page-query";

export const generateMetadata = titled((m) => m.titles.publicHealth);

export default async function PublicHealthPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardPage("publichealth.read", "/public-health");
  const [all, locale] = await Promise.all([messages(), requestLocale()]);
  const m = all.reports.publicHealth;
  const dm = all.reports.dashboard;
  const sexes: Record<string, string> = all.patients.form.sexes;
  const params = stringParams(await searchParams);
  const groupBy: GroupBy = (GROUP_BYS as readonly string[]).includes(params.groupBy)
    ? (params.groupBy as GroupBy)
    : "diagnosis";
  // Fixed, completed periods only (lib/reports/public-health.ts): the last complete month unless
  // another is asked for; a period that is not one, or not over, falls back to it with the reason.
  const periods = recentPeriods(env().HOSPITAL_TIMEZONE);
  let period = params.period || periods.month[0];
  let error: string | undefined;
  let a = await aggregates(db(), { period, groupBy }).catch((err) => {
    if (!(err instanceof AppError) || !err.fieldKeys?.period) throw err;
    error = err.fieldKeys.period;
    return null;
  });
  if (!a) {
    period = periods.month[0];
    a = await aggregates(db(), { period, groupBy });
  }
  const qs = `period=${period}&groupBy=${groupBy}`;
  const show = (c: Cell) => (c === "withheld" ? m.withheld : String(c));
  return (
    <>
      <PageHeader title={m.title}>
        <div className="flex gap-2">
          <a href={`/api/v1/public-health/aggregates?${qs}&format=csv`} download className={buttonClass("secondary")}>
            {m.csv}
          </a>
          <a
            href={`/api/v1/public-health/aggregates?${qs}`}
            download={`public-health-${groupBy}.json`}
            className={buttonClass("secondary")}
          >
            {m.json}
          </a>
        </div>
      </PageHeader>
      <FilterForm
        action="/public-health"
        selects={[
          {
            name: "period",
            label: m.period,
            value: period,
            options: [...periods.month, ...periods.quarter, ...periods.year].map((p) => [p, p] as const),
          },
          {
            name: "groupBy",
            label: m.groupBy,
            value: groupBy,
            options: GROUP_BYS.map((g) => [g, m.groups[g]] as const),
          },
        ]}
        submit={dm.show}
      />
      {error ? (
        <div className="mb-4">
          <Alert tone="error">{renderMessage(error, locale)}</Alert>
        </div>
      ) : null}
      <p className="mb-4 max-w-3xl text-sm text-slate-600">{m.hint}</p>
      {a.items.length === 0 ? (
        <p className="text-sm text-slate-600">{m.none}</p>
      ) : (
        <div className="max-w-xl">
          <Table head={[m.groups[groupBy], m.count]}>
            {a.items.map((i) => (
              <tr key={i.group}>
                <th scope="row" className={`${cell} text-left font-medium`}>
                  {groupBy === "sex" ? (sexes[i.group] ?? i.group) : i.group}
                </th>
                <td className={`${cell} text-right tabular-nums`} data-count>
                  {show(i.count)}
                </td>
              </tr>
            ))}
            <tr className="bg-slate-50 font-semibold">
              <th scope="row" className={`${cell} text-left`}>
                {m.total}
              </th>
              <td className={`${cell} text-right tabular-nums`} data-count>
                {show(a.total)}
              </td>
            </tr>
          </Table>
        </div>
      )}
    </>
  );
}
