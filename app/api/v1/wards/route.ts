import { apiRoute, created, listResponse, parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { listWards } from "@/lib/wards/queries";
import { createWard } from "@/lib/wards/service";
import { ops } from "@/lib/wards/contract";

/** `?q=&page=&pageSize=`: active wards by name (q: name contains), with their department and occupancy (beds total / occupied / free / cleaning / out of service, %). */
export const GET = apiRoute(ops.getWards, async ({ req }) => {
  const query = parseListQuery(req.nextUrl.searchParams, ["name"], "name");
  const { items, total } = await listWards(db(), { q: query.q }, query);
  return listResponse(items, total, query);
});

/** `{ name, type, departmentId? }`. */
export const POST = apiRoute(ops.postWards, async ({ ctx, body }) => created(await createWard(db(), ctx, body)));
