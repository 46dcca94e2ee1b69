import { apiRoute, created, listResponse, parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/validation";
import { listAppointments, localRange } from "@/lib/scheduling/queries";
import { APPOINTMENT_FILTER_KEYS, ZAppointmentFilters } from "@/lib/scheduling/schemas";
import { bookAppointment } from "@/lib/scheduling/service";
import { ops } from "@/lib/scheduling/contract";

/** `?status=&doctorId=&patientId=&departmentId=&from=&to=&sort=startsAt|-startsAt`, scoped to the caller. */
export const GET = apiRoute(ops.getAppointments, async ({ req, ctx }) => {
  const params = req.nextUrl.searchParams;
  const query = parseListQuery(params, ["startsAt"], "startsAt");
  const f = parseInput(
    ZAppointmentFilters,
    Object.fromEntries(APPOINTMENT_FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined])),
  );
  const { items, total } = await listAppointments(
    db(),
    ctx,
    { ...f, ...localRange(f) },
    { skip: query.skip, take: query.take, desc: query.sort.dir === "desc" },
  );
  return listResponse(items, total, query);
});

/** Books a slot; `409 SLOT_TAKEN` when the doctor or the patient is already booked then. */
export const POST = apiRoute(ops.postAppointments, async ({ ctx, body }) => {
  const { appointment } = await bookAppointment(db(), ctx, body);
  return created(appointment);
});
