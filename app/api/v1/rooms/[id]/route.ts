import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { updateRoom } from "@/lib/wards/service";
import { ops } from "@/lib/wards/contract";

/** `{ name?, type?, capacity?, active? }`. */
export const PATCH = apiRoute(ops.patchRoomsById, async ({ ctx, params, body }) =>
  updateRoom(db(), ctx, params.id, body),
);
