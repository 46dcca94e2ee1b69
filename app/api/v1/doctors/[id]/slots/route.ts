import { apiRoute, pageOf } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { parseInput } from "@/lib/server/validation";
import { slotsForDays } from "@/lib/scheduling/queries";
import { ZDate } from "@/lib/scheduling/schemas";
import { today } from "@/lib/scheduling/time";
import { z } from "zod";
import { ops } from "@/lib/scheduling/contract";

/** `?date=YYYY-MM-DD` (default today): the doctor's slots that day, each free or taken. */
export const GET = apiRoute(ops.getDoctorsByIdSlots, async ({ req, params }) => {
  const { date } = parseInput(z.object({ date: ZDate.optional() }), {
    date: req.nextUrl.searchParams.get("date") ?? undefined,
  });
  const [day] = await slotsForDays(db(), params.id, date ?? today(env().HOSPITAL_TIMEZONE), 1);
  return pageOf(day.slots, req.nextUrl.searchParams);
});
