import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/validation";
import { aggregatesCsv } from "@/lib/reports/csv";
import { csvResponse } from "@/lib/server/csv";
import { aggregates, PUBLIC_HEALTH_SCOPE } from "@/lib/reports/public-health";
import { ZAggregatesQuery } from "@/lib/reports/schemas";

/**
 * `?from=&to=&groupBy=diagnosis|department|ageBand|sex[&format=csv]`: anonymised counts, small cells
 * suppressed. An admin (publichealth.read), or an integration token with the "public-health:read" scope.
 */
export const GET = apiRoute(
  "publichealth.read",
  async ({ req }) => {
    const p = req.nextUrl.searchParams;
    const a = await aggregates(db(), parseInput(ZAggregatesQuery, { from: p.get("from") ?? undefined, to: p.get("to") ?? undefined, groupBy: p.get("groupBy") ?? undefined }));
    return p.get("format") === "csv" ? csvResponse(aggregatesCsv(a), `public-health-${a.groupBy}`) : a;
  },
  { scopes: [PUBLIC_HEALTH_SCOPE] },
);
