import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { updateWard } from "@/lib/wards/service";
import { ops } from "@/lib/wards/contract";

/** `{ name?, type?, departmentId?, active? }`: wards are deactivated, never deleted. */
export const PATCH = apiRoute(ops.patchWardsById, async ({ ctx, params, body }) =>
  updateWard(db(), ctx, params.id, body),
);
