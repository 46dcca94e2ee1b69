import { apiRoute, pageOf } from "@/lib/server/api";
import { entityCatalog } from "@/lib/reportbuilder/service";
import { ops } from "@/lib/reports/contract";

/** The report builder's allow-list: entities, their fields with types, operators, groupings and aggregates. */
export const GET = apiRoute(ops.getReportsBuilderEntities, async ({ req }) =>
  pageOf(entityCatalog(), req.nextUrl.searchParams),
);
