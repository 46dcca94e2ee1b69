import { apiRoute, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ZRoomPatch } from "@/lib/wards/schemas";
import { updateRoom } from "@/lib/wards/service";
import { ops } from "@/lib/wards/contract";

/** `{ name?, type?, capacity?, active? }`. */
export const PATCH = apiRoute(ops.patchRoomsById, async ({ req, ctx, params, body }) => updateRoom(db(), ctx, params.id, body));
