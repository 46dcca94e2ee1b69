import { searchAuditActors } from "@/lib/audit/queries";
import { apiRoute, listResponse, parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/audit/contract";

/** `?q=` (name or email): every account the audit trail can be filtered by, staff and patients. */
export const GET = apiRoute(ops.getAuditActors, async ({ req }) => {
  const query = parseListQuery(req.nextUrl.searchParams, ["name"], "name");
  const { items, total } = await searchAuditActors(db(), query);
  return listResponse(items, total, query);
});
