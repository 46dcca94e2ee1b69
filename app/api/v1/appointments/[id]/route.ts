import { apiRoute, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { getAppointment } from "@/lib/scheduling/queries";
import { ZAppointmentChange } from "@/lib/scheduling/schemas";
import { changeAppointment } from "@/lib/scheduling/service";

type P = { id: string };

export const GET = apiRoute<P>("appointment.read", ({ ctx, params }) => getAppointment(db(), ctx, params.id));

/** `{ startsAt }` reschedules; `{ status, reason? }` moves the lifecycle (illegal moves: 409 INVALID_TRANSITION). */
export const PATCH = apiRoute<P>("appointment.book", async ({ req, ctx, params }) => {
  await changeAppointment(db(), ctx, params.id, await readJson(req, ZAppointmentChange));
  return getAppointment(db(), ctx, params.id);
});
