import { publicRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/validation";
import { authorizeOrScope, PUBLIC_HEALTH_SCOPE } from "@/lib/reports/access";
import { aggregatesCsv, csvResponse } from "@/lib/reports/csv";
import { aggregates } from "@/lib/reports/public-health";
import { ZAggregatesQuery } from "@/lib/reports/schemas";

/**
 * `?from=&to=&groupBy=diagnosis|department|ageBand|sex[&format=csv]`: anonymised counts, small cells
 * suppressed. An admin (publichealth.read) or an API token with the "public-health:read" scope.
 */
export const GET = publicRoute(async ({ req }) => {
  await authorizeOrScope(db(), req, "publichealth.read", PUBLIC_HEALTH_SCOPE);
  const p = req.nextUrl.searchParams;
  const a = await aggregates(db(), parseInput(ZAggregatesQuery, { from: p.get("from") ?? undefined, to: p.get("to") ?? undefined, groupBy: p.get("groupBy") ?? undefined }));
  return p.get("format") === "csv" ? csvResponse(aggregatesCsv(a), `public-health-${a.groupBy}`) : a;
});
