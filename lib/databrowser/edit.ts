import type { Db } from "@/lib/server/db";
import { AppError, forbidden } from "@/lib/server/errors";
import { can } from "@/lib/server/permissions";
import type { Ctx } from "@/lib/server/session";
import { parseInput } from "@/lib/server/validation";
import { browsable } from "./queries";
import { E } from "@/lib/i18n/error-keys";

/**
 * An edit from the data browser: the entity must have an edit in the app; the caller needs the
 * browser, the entity's read permission and its edit permission; the patch is parsed with the
 * entity's own schema and written by its own service (which audits it). Bad input writes nothing.
 */
export async function saveRecord(
  prisma: Db,
  ctx: Ctx,
  entity: string,
  id: string,
  patch: unknown,
): Promise<{ id: string }> {
  if (!can(ctx.actor.role, "data.browse")) throw forbidden();
  const e = browsable(ctx, entity);
  if (!e.edit) throw new AppError("FORBIDDEN", E.databrowser.errors.readOnly);
  if (!can(ctx.actor.role, e.edit.permission)) throw forbidden();
  await e.edit.run(prisma, ctx, id, parseInput(e.edit.schema, patch) as never);
  return { id };
}
