import { z } from "zod";
import { apiRoute, created, listResponse, parseListQuery, readJson } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/validation";
import { getAppointment, listAppointments } from "@/lib/scheduling/queries";
import { STATUSES, ZBook, ZDate } from "@/lib/scheduling/schemas";
import { bookAppointment } from "@/lib/scheduling/service";
import { nextDates, startOfLocalDay } from "@/lib/scheduling/time";
import { env } from "@/lib/server/env";

const ZFilter = z.object({
  status: z.enum(STATUSES).optional(),
  doctorId: z.string().min(1).optional(),
  patientId: z.string().min(1).optional(),
  departmentId: z.string().min(1).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
});

/** `?status=&doctorId=&patientId=&departmentId=&from=&to=&sort=startsAt|-startsAt`, scoped to the caller. */
export const GET = apiRoute("appointment.read", async ({ req, ctx }) => {
  const params = req.nextUrl.searchParams;
  const zone = env().HOSPITAL_TIMEZONE;
  const query = parseListQuery(params, ["startsAt"], "startsAt");
  const f = parseInput(ZFilter, Object.fromEntries(["status", "doctorId", "patientId", "departmentId", "from", "to"].map((k) => [k, params.get(k) ?? undefined])));
  const { items, total } = await listAppointments(
    db(),
    ctx,
    // Dates are local to the hospital; `to` is inclusive.
    { ...f, from: f.from ? startOfLocalDay(f.from, zone) : undefined, to: f.to ? startOfLocalDay(nextDates(f.to, 2, zone)[1], zone) : undefined },
    { skip: query.skip, take: query.take, desc: query.sort.dir === "desc" },
  );
  return listResponse(items, total, query);
});

/** Books a slot; `409 SLOT_TAKEN` when the doctor or the patient is already booked then. */
export const POST = apiRoute("appointment.book", async ({ req, ctx }) => {
  const { id } = await bookAppointment(db(), ctx, await readJson(req, ZBook));
  return created(await getAppointment(db(), ctx, id));
});
