import { apiRoute, created, listResponse, parseListQuery, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { listRooms } from "@/lib/wards/queries";
import { ZRoom } from "@/lib/wards/schemas";
import { createRoom } from "@/lib/wards/service";

/** `?wardId=&q=&page=&pageSize=`: rooms by ward and name (q: name contains) with the occupancy of their active beds. */
export const GET = apiRoute("ward.read", async ({ req }) => {
  const query = parseListQuery(req.nextUrl.searchParams, ["name"], "name");
  const { items, total } = await listRooms(db(), { wardId: req.nextUrl.searchParams.get("wardId") || undefined, q: query.q }, query);
  return listResponse(items, total, query);
});

/** `{ wardId, name, type, capacity }`. */
export const POST = apiRoute("ward.manage", async ({ req, ctx }) => created(await createRoom(db(), ctx, await readJson(req, ZRoom))), { idempotent: true });
