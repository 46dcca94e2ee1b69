import type { ReportSpecInput } from "./spec";

// The spec in a page's URL, so that a report can be bookmarked and paged with links (no server-only
// imports: the builder form uses it in the browser):
// entity=admissions&col=ward&filter=status:equals:live&filter=admittedAt:between:2026-01-01,2026-03-31
// &group=ward&group=admittedAt:month&agg=count&agg=sum:plannedStayDays&page=2

type Filter = NonNullable<ReportSpecInput["filters"]>[number];
type Group = NonNullable<ReportSpecInput["groupBy"]>[number];
type Aggregate = NonNullable<ReportSpecInput["aggregates"]>[number];

/** Digits → a number; any other text → NaN, which the spec's schema refuses on that field (as formNumber does for forms). */
const queryNumber = (raw: string | null): number | undefined =>
  raw === null ? undefined : /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN;

const LIST_OPS = new Set(["in", "between"]);

export function specFromQuery(q: URLSearchParams): ReportSpecInput {
  const pair = (s: string) => {
    const i = s.indexOf(":");
    return i < 0 ? ([s, undefined] as const) : ([s.slice(0, i), s.slice(i + 1)] as const);
  };
  return {
    entity: (q.get("entity") ?? "") as ReportSpecInput["entity"],
    columns: q.getAll("col"),
    filters: q.getAll("filter").map((s) => {
      const [field, rest = ""] = pair(s);
      const [op, value = ""] = pair(rest);
      return { field, op: op as Filter["op"], value: LIST_OPS.has(op) ? value.split(",") : value };
    }),
    groupBy: q.getAll("group").map((s) => {
      const [field, granularity] = pair(s);
      return { field, granularity: granularity as Group["granularity"] };
    }),
    aggregates: q.getAll("agg").map((s) => {
      const [fn, field] = pair(s);
      return { fn: fn as Aggregate["fn"], field };
    }),
    // Query text converted here, strictly (digits only): the spec itself takes numbers, as in a JSON body.
    page: queryNumber(q.get("page")),
    pageSize: queryNumber(q.get("pageSize")),
  };
}

export function specToQuery(
  s: Omit<ReportSpecInput, "page" | "pageSize"> & { page?: unknown; pageSize?: unknown },
): URLSearchParams {
  const q = new URLSearchParams({ entity: s.entity });
  for (const c of s.columns ?? []) q.append("col", c);
  for (const f of s.filters ?? [])
    q.append("filter", `${f.field}:${f.op}:${Array.isArray(f.value) ? f.value.join(",") : f.value}`);
  for (const g of s.groupBy ?? []) q.append("group", g.granularity ? `${g.field}:${g.granularity}` : g.field);
  for (const a of s.aggregates ?? []) q.append("agg", a.field ? `${a.fn}:${a.field}` : a.fn);
  if (s.page !== undefined && String(s.page) !== "1") q.set("page", String(s.page));
  if (s.pageSize !== undefined) q.set("pageSize", String(s.pageSize));
  return q;
}
