import { apiRoute, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { getAvailability } from "@/lib/scheduling/queries";
import { ZAvailability } from "@/lib/scheduling/schemas";
import { setAvailability } from "@/lib/scheduling/service";

type P = { id: string };

export const GET = apiRoute<P>("doctor.search", async ({ params }) => {
  const a = await getAvailability(db(), params.id);
  if (!a) throw notFound("availability");
  return a;
});

/** Replaces the doctor's weekly hours, slot length and exceptions (doctors: their own only). */
export const PUT = apiRoute<P>("availability.manage", async ({ req, ctx, params }) => {
  await setAvailability(db(), ctx, params.id, await readJson(req, ZAvailability));
  return getAvailability(db(), params.id);
});
