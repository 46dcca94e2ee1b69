import { requestLocale } from "@/lib/server/locale";
import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { aggregatesCsv } from "@/lib/reports/csv";
import { csvResponse } from "@/lib/server/csv";
import { aggregates } from "@/lib/reports/public-health";
import { ops } from "@/lib/reports/contract";

/**
 * `?period=2026-11|2026-Q3|2026&groupBy=diagnosis|department|ageBand|sex[&format=csv]`: anonymised
 * counts over a fixed, completed period, small cells suppressed; `from`/`to` are refused (400) since
 * overlapping ranges subtract to small ones. An admin (publichealth.read), or an integration token
 * with the "public-health:read" scope.
 */
export const GET = apiRoute(ops.getPublicHealthAggregates, async ({ query }) => {
  const a = await aggregates(db(), { period: query.period, groupBy: query.groupBy });
  return query.format === "csv"
    ? csvResponse(aggregatesCsv(a, await requestLocale()), `public-health-${a.groupBy}`)
    : a;
});
