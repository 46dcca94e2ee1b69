import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { forbidden } from "@/lib/server/errors";
import { can } from "@/lib/server/permissions";
import { updateBed } from "@/lib/wards/service";
import { ops } from "@/lib/wards/contract";

/**
 * `{ state: FREE | OUT_OF_SERVICE }` (nurses and admins: mark clean, out of service, back in service;
 * an occupied bed → 409 INVALID_TRANSITION); `{ label?, active? }` admins only (beds are never deleted).
 */
export const PATCH = apiRoute(ops.patchBedsById, async ({ ctx, params, body }) => {
  const patch = body;
  if ((patch.label !== undefined || patch.active !== undefined) && !can(ctx.actor.role, "ward.manage"))
    throw forbidden();
  return updateBed(db(), ctx, params.id, patch);
});
