import { apiRoute, created, listResponse, parseListQuery, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { listWards } from "@/lib/wards/queries";
import { ZWard } from "@/lib/wards/schemas";
import { createWard } from "@/lib/wards/service";

/** `?q=&page=&pageSize=`: active wards by name (q: name contains), with their department and occupancy (beds total / occupied / free / cleaning / out of service, %). */
export const GET = apiRoute("ward.read", async ({ req }) => {
  const query = parseListQuery(req.nextUrl.searchParams, ["name"], "name");
  const { items, total } = await listWards(db(), { q: query.q }, query);
  return listResponse(items, total, query);
});

/** `{ name, type, departmentId? }`. */
export const POST = apiRoute("ward.manage", async ({ req, ctx }) => created(await createWard(db(), ctx, await readJson(req, ZWard))), { idempotent: true });
