import { apiRoute } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { getAvailability } from "@/lib/scheduling/queries";
import { setAvailability } from "@/lib/scheduling/service";
import { ops } from "@/lib/scheduling/contract";

export const GET = apiRoute(ops.getDoctorsByIdAvailability, async ({ params }) => {
  const a = await getAvailability(db(), params.id);
  if (!a) throw notFound("availability");
  return a;
});

/** Replaces the doctor's weekly hours, slot length and exceptions (doctors: their own only). */
export const PUT = apiRoute(ops.putDoctorsByIdAvailability, async ({ ctx, params, body }) => {
  await setAvailability(db(), ctx, params.id, body);
  return getAvailability(db(), params.id);
});
