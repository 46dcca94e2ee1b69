import { BuilderForm } from "@/components/reportbuilder/BuilderForm";
import { Alert } from "@/components/ui/Alert";
import { buttonClass } from "@/components/ui/Button";
import { Card, PageHeader } from "@/components/ui/Card";
import { Pagination } from "@/components/ui/Pagination";
import { cell, Table } from "@/components/ui/Table";
import { formatMoney } from "@/lib/billing/money";
import { INTL_TAG } from "@/lib/i18n";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import type { Column } from "@/lib/reportbuilder/compile";
import { specFromQuery, specToQuery } from "@/lib/reportbuilder/query";
import { columnHeading, entityCatalog, runReport } from "@/lib/reportbuilder/service";
import { CSV_MAX_ROWS, ZReportSpec } from "@/lib/reportbuilder/spec";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { guardPage } from "@/lib/server/guard";
import { fieldErrors } from "@/lib/server/validation";

export const generateMetadata = titled((m) => m.titles.reportsBuilder);

type Search = Record<string, string | string[] | undefined>;

function toQuery(sp: Search): URLSearchParams {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(sp))
    for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) q.append(k, one);
  return q;
}

/** The builder: the form above, the spec's result below (one page, audited), the spec in the URL. */
export default async function ReportBuilderPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await guardPage("report.build", "/reports/builder");
  const [all, locale] = await Promise.all([messages(), requestLocale()]);
  const m = all.reportbuilder;
  const query = toQuery(await searchParams);
  const input = query.get("entity") ? specFromQuery(query) : null;
  const parsed = input ? ZReportSpec.safeParse(input) : null;
  const result = parsed?.success ? await runReport(db(), ctx, parsed.data) : null;
  const errors = parsed && !parsed.success ? fieldErrors(parsed.error.issues, locale) : null;

  const heading = (c: Column) => columnHeading(c, locale);
  const numbers = new Intl.NumberFormat(INTL_TAG[locale]);
  const show = (c: Column, v: string | number | null) =>
    v === null
      ? "—"
      : typeof v === "number"
        ? c.type === "money"
          ? formatMoney(v, env().HOSPITAL_CURRENCY, locale)
          : numbers.format(v)
        : v;
  const csvHref = parsed?.success
    ? `/api/v1/reports/builder/csv?${specToQuery({ ...parsed.data, page: undefined, pageSize: undefined })}`
    : null;

  return (
    <>
      <PageHeader title={m.title} />
      <p className="mb-4 max-w-3xl text-sm text-slate-600">{m.hint}</p>
      <Card className="mb-6">
        <BuilderForm catalog={entityCatalog()} initial={input} />
      </Card>
      {errors ? (
        <div className="mb-4">
          <Alert tone="error">
            <ul>
              {Object.entries(errors).map(([k, v]) => (
                <li key={k}>
                  <code>{k}</code>: {v}
                </li>
              ))}
            </ul>
          </Alert>
        </div>
      ) : null}
      {result && csvHref ? (
        <section aria-label={m.title}>
          <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-slate-600">{m.csvHint(numbers.format(CSV_MAX_ROWS))}</p>
            <a href={csvHref} download className={buttonClass("secondary")}>
              {m.csv}
            </a>
          </div>
          {result.items.length === 0 ? (
            <p className="text-sm text-slate-600">{m.none}</p>
          ) : (
            <Table head={result.columns.map(heading)}>
              {result.items.map((row, i) => (
                <tr key={i}>
                  {result.columns.map((c) => (
                    <td
                      key={c.key}
                      className={typeof row[c.key] === "number" ? `${cell} text-right tabular-nums` : cell}
                    >
                      {show(c, row[c.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </Table>
          )}
          <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={query} />
        </section>
      ) : null}
    </>
  );
}
