import { apiRoute, created, listResponse, parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/validation";
import { listBeds } from "@/lib/wards/queries";
import { ZBoardFilters } from "@/lib/wards/schemas";
import { createBed } from "@/lib/wards/service";
import { z } from "zod";
import { ops } from "@/lib/wards/contract";

/**
 * `?wardId=&roomId=&state=&q=&page=&pageSize=`: beds by ward, room and label (q: label, room or ward
 * name contains) with their state, one page; `occupancy` counts every matching active bed, not only the page's.
 */
export const GET = apiRoute(ops.getBeds, async ({ req }) => {
  const p = req.nextUrl.searchParams;
  const query = parseListQuery(p, ["label"], "label");
  const f = parseInput(ZBoardFilters.pick({ wardId: true, state: true }).extend({ roomId: z.string().optional() }), {
    wardId: p.get("wardId") || undefined,
    roomId: p.get("roomId") || undefined,
    state: p.get("state") ?? undefined,
  });
  const { items, total, occupancy } = await listBeds(db(), { ...f, q: query.q }, query);
  return { ...listResponse(items, total, query), occupancy };
});

/** `{ roomId, label }`. */
export const POST = apiRoute(ops.postBeds, async ({ ctx, body }) => created(await createBed(db(), ctx, body)));
