import { apiRoute, created, listResponse, parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { listRooms } from "@/lib/wards/queries";
import { createRoom } from "@/lib/wards/service";
import { ops } from "@/lib/wards/contract";

/** `?wardId=&q=&page=&pageSize=`: rooms by ward and name (q: name contains) with the occupancy of their active beds. */
export const GET = apiRoute(ops.getRooms, async ({ req }) => {
  const query = parseListQuery(req.nextUrl.searchParams, ["name"], "name");
  const { items, total } = await listRooms(
    db(),
    { wardId: req.nextUrl.searchParams.get("wardId") || undefined, q: query.q },
    query,
  );
  return listResponse(items, total, query);
});

/** `{ wardId, name, type, capacity }`. */
export const POST = apiRoute(ops.postRooms, async ({ ctx, body }) => created(await createRoom(db(), ctx, body)));
