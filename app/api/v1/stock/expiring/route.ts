import { apiRoute, listResponse, parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/validation";
import { expiringBatches } from "@/lib/pharmacy/queries";
import { ZExpiring } from "@/lib/pharmacy/schemas";
import { ops } from "@/lib/pharmacy/contract";

/** `?days=60`: batches with units left expiring within that many days, expired ones included (`expired: true`), soonest first. */
export const GET = apiRoute(ops.getStockExpiring, async ({ req }) => {
  const params = req.nextUrl.searchParams;
  const query = parseListQuery(params, ["expiresOn"]);
  const { days } = parseInput(ZExpiring, { days: params.get("days") ?? undefined });
  const { items, total } = await expiringBatches(db(), days, query);
  return listResponse(items, total, query);
});
