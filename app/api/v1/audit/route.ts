import { listAuditEvents } from "@/lib/audit/queries";
import { apiRoute, listResponse, parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";

export const GET = apiRoute("audit.read", async ({ req }) => {
  const params = req.nextUrl.searchParams;
  const query = parseListQuery(params, ["seq"], "-seq");
  const filter = Object.fromEntries(["patientId", "entity", "entityId", "actorId", "action"].map((k) => [k, params.get(k) ?? undefined]));
  const { items, total } = await listAuditEvents(db(), filter, query);
  return listResponse(items, total, query);
});
