import { browsable, listRecords } from "@/lib/databrowser/queries";
import { apiRoute, listResponse, parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ops } from "@/lib/databrowser/contract";

// GET /api/v1/admin/data/{entity}: a page of one entity's records, the browser's list columns only.
export const GET = apiRoute(ops.getAdminDataByEntity, async ({ req, ctx, params }) => {
  const e = browsable(ctx, params.entity);
  const sp = req.nextUrl.searchParams;
  const query = parseListQuery(sp, e.sorts, e.defaultSort as `${string}`);
  const filters = Object.fromEntries(e.filters.map((f) => [f.name, sp.get(f.name) ?? undefined]));
  const { items, total } = await listRecords(db(), ctx, e, query, filters);
  return listResponse(items, total, query);
});
