import { listAuditEvents } from "@/lib/audit/queries";
import { ZAuditFilter, auditFilterParams } from "@/lib/audit/schemas";
import { parseInput } from "@/lib/server/validation";
import { apiRoute, listResponse, parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/audit/contract";

/** `?actorId=&patientId=&entity=&entityId=&action=&from=YYYY-MM-DD&to=YYYY-MM-DD` (days at the hospital, both included). */
export const GET = apiRoute(ops.getAudit, async ({ req }) => {
  const params = req.nextUrl.searchParams;
  const query = parseListQuery(params, ["seq"], "-seq");
  const filter = parseInput(
    ZAuditFilter,
    auditFilterParams((k) => params.get(k)),
  );
  const { items, total } = await listAuditEvents(db(), filter, query);
  return listResponse(items, total, query);
});
