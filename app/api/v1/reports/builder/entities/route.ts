import { apiRoute } from "@/lib/server/api";
import { entityCatalog } from "@/lib/reportbuilder/service";

/** The report builder's allow-list: entities, their fields with types, operators, groupings and aggregates. */
export const GET = apiRoute("report.build", async () => ({ items: entityCatalog() }));
