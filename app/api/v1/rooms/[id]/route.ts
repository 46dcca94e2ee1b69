import { apiRoute, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { ZRoomPatch } from "@/lib/wards/schemas";
import { updateRoom } from "@/lib/wards/service";

/** `{ name?, type?, capacity?, active? }`. */
export const PATCH = apiRoute<{ id: string }>("ward.manage", async ({ req, ctx, params }) => updateRoom(db(), ctx, params.id, await readJson(req, ZRoomPatch)));
