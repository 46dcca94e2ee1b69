import { apiRoute, created, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { listRooms } from "@/lib/wards/queries";
import { ZRoom } from "@/lib/wards/schemas";
import { createRoom } from "@/lib/wards/service";

/** `?wardId=`: rooms with the occupancy of their active beds. */
export const GET = apiRoute("ward.read", async ({ req }) => {
  const items = await listRooms(db(), { wardId: req.nextUrl.searchParams.get("wardId") ?? undefined });
  return { items, total: items.length, page: 1, pageSize: items.length };
});

/** `{ wardId, name, type, capacity }`. */
export const POST = apiRoute("ward.manage", async ({ req, ctx }) => created(await createRoom(db(), ctx, await readJson(req, ZRoom))));
