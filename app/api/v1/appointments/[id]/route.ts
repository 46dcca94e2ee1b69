import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { getAppointment } from "@/lib/scheduling/queries";
import { changeAppointment } from "@/lib/scheduling/service";
import { ops } from "@/lib/scheduling/contract";

export const GET = apiRoute(ops.getAppointmentsById, ({ ctx, params }) => getAppointment(db(), ctx, params.id));

/** `{ startsAt }` reschedules; `{ status, reason? }` moves the lifecycle (illegal moves: 409 INVALID_TRANSITION). */
export const PATCH = apiRoute(ops.patchAppointmentsById, async ({ ctx, params, body }) => {
  await changeAppointment(db(), ctx, params.id, body);
  return getAppointment(db(), ctx, params.id);
});
