import { DateTime } from "luxon";
import type { Prisma } from "@/lib/generated/prisma/client";
import { audit, auditedRead, auditViews } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { notFound } from "@/lib/server/errors";
import type { Ctx } from "@/lib/server/session";
import { isoInZone, nextDates, slotGrid, toHHMM, weekdayOf, type MinuteRange } from "./time";
import { clock } from "@/lib/server/clock";

const zone = () => env().HOSPITAL_TIMEZONE;
const dateOnly = (s: string) => new Date(`${s}T00:00:00Z`);
export const LIVE = ["BOOKED", "CHECKED_IN"] as const;

export type Availability = {
  slotMinutes: number;
  weekly: { weekday: number; start: string; end: string }[];
  exceptions: { date: string; start?: string; end?: string }[];
};

/** A doctor's availability as the API shows it, or null when none is set. */
export async function getAvailability(prisma: Db, doctorId: string): Promise<Availability | null> {
  const [a, weekly, exceptions] = await Promise.all([
    prisma.doctorAvailability.findUnique({ where: { doctorId }, select: { slotMinutes: true } }),
    prisma.weeklyHours.findMany({ where: { doctorId }, orderBy: [{ weekday: "asc" }, { startMin: "asc" }] }),
    prisma.availabilityException.findMany({
      where: { doctorId, date: { gte: dateOnly(DateTime.now().setZone(zone()).toISODate()!) } },
      orderBy: [{ date: "asc" }, { startMin: "asc" }],
    }),
  ]);
  if (!a) return null;
  return {
    slotMinutes: a.slotMinutes,
    weekly: weekly.map((w) => ({ weekday: w.weekday, start: toHHMM(w.startMin), end: toHHMM(w.endMin) })),
    exceptions: exceptions.map((e) => ({
      date: e.date.toISOString().slice(0, 10),
      ...(e.startMin !== null && e.endMin !== null ? { start: toHHMM(e.startMin), end: toHHMM(e.endMin) } : {}),
    })),
  };
}

export type SlotView = { startsAt: string; endsAt: string; free: boolean };

/**
 * The slot grid of a doctor over `days` local dates from `from`, each slot free or taken: three
 * queries whatever the number of days. A slot in the past is never free.
 */
export async function slotsForDays(
  prisma: Db,
  doctorId: string,
  from: string,
  days: number,
  now = clock.now(),
): Promise<{ date: string; slots: SlotView[] }[]> {
  const z = zone();
  const dates = nextDates(from, days, z);
  const rangeStart = DateTime.fromISO(dates[0], { zone: z }).startOf("day").toJSDate();
  const rangeEnd = DateTime.fromISO(dates[dates.length - 1], { zone: z })
    .endOf("day")
    .toJSDate();
  const [availability, weekly, exceptions, taken] = await Promise.all([
    prisma.doctorAvailability.findUnique({ where: { doctorId }, select: { slotMinutes: true } }),
    prisma.weeklyHours.findMany({ where: { doctorId }, select: { weekday: true, startMin: true, endMin: true } }),
    prisma.availabilityException.findMany({
      where: { doctorId, date: { gte: dateOnly(dates[0]), lte: dateOnly(dates[dates.length - 1]) } },
      select: { date: true, startMin: true, endMin: true },
    }),
    // The doctor's live appointments overlapping the range, read through the doctor's exclusion
    // constraint's index (doctorId, time range; live rows only): the rows of those days alone,
    // however long the doctor's history (a (doctorId, startsAt) range would read all of it).
    prisma.$queryRaw<{ startsAt: Date; endsAt: Date }[]>`
      SELECT "startsAt", "endsAt" FROM "Appointment"
      WHERE "doctorId" = ${doctorId} AND status IN ('BOOKED', 'CHECKED_IN')
        AND tsrange("startsAt", "endsAt") && tsrange(${rangeStart}::timestamp, ${rangeEnd}::timestamp)`,
  ]);
  if (!availability) return dates.map((date) => ({ date, slots: [] }));
  return dates.map((date) => {
    const dayExceptions = exceptions.filter((e) => e.date.toISOString().slice(0, 10) === date);
    const ranges: MinuteRange[] = dayExceptions.length
      ? dayExceptions
          .filter((e) => e.startMin !== null && e.endMin !== null)
          .map((e) => ({ startMin: e.startMin!, endMin: e.endMin! }))
      : weekly.filter((w) => w.weekday === weekdayOf(date, z));
    const slots = slotGrid(date, ranges, availability.slotMinutes, z).map((s) => ({
      startsAt: isoInZone(s.startsAt, z),
      endsAt: isoInZone(s.endsAt, z),
      free: s.startsAt > now && !taken.some((t) => t.startsAt < s.endsAt && t.endsAt > s.startsAt),
    }));
    return { date, slots };
  });
}

/**
 * The slot that starts exactly at `startsAt` on the doctor's grid, or null (off-grid or outside
 * hours). The same grid as slotsForDays, checked for the one slot asked for: one small read, no
 * look at the doctor's appointments (the exclusion constraints decide whether it is taken).
 */
export async function gridSlotAt(
  prisma: Db,
  doctorId: string,
  startsAt: Date,
): Promise<{ startsAt: Date; endsAt: Date } | null> {
  const z = zone();
  const local = DateTime.fromJSDate(startsAt, { zone: z });
  const date = local.toISODate()!;
  // One read: the slot length, and that date's exceptions and weekday hours.
  const [grid] = await prisma.$queryRaw<
    { slotMinutes: number; exceptions: { startMin: number | null; endMin: number | null }[]; weekly: MinuteRange[] }[]
  >`
    SELECT a."slotMinutes",
           coalesce((SELECT json_agg(json_build_object('startMin', e."startMin", 'endMin', e."endMin")) FROM "AvailabilityException" e
                     WHERE e."doctorId" = a."doctorId" AND e.date = ${date}::date), '[]') AS exceptions,
           coalesce((SELECT json_agg(json_build_object('startMin', w."startMin", 'endMin', w."endMin")) FROM "WeeklyHours" w
                     WHERE w."doctorId" = a."doctorId" AND w.weekday = ${weekdayOf(date, z)}), '[]') AS weekly
    FROM "DoctorAvailability" a WHERE a."doctorId" = ${doctorId}`;
  if (!grid) return null;
  const ranges: MinuteRange[] = grid.exceptions.length
    ? grid.exceptions
        .filter((e) => e.startMin !== null && e.endMin !== null)
        .map((e) => ({ startMin: e.startMin!, endMin: e.endMin! }))
    : grid.weekly;
  const minute = local.hour * 60 + local.minute;
  const slotMinutes = grid.slotMinutes;
  const range = ranges.find(
    (r) => minute >= r.startMin && minute + slotMinutes <= r.endMin && (minute - r.startMin) % slotMinutes === 0,
  );
  if (!range || local.second !== 0 || local.millisecond !== 0) return null;
  // Built as slotGrid builds it (wall clock of that date), so a time a daylight-saving change skips
  // is refused exactly as the grid would.
  const [slot] = slotGrid(date, [{ startMin: minute, endMin: minute + slotMinutes }], slotMinutes, z);
  return slot && slot.startsAt.getTime() === startsAt.getTime() ? slot : null;
}

/** Row-level scope: patients see their own appointments, doctors theirs, other staff all. */
export function appointmentScope(ctx: Ctx): Prisma.AppointmentWhereInput {
  if (ctx.actor.role === "PATIENT") return { patient: { userId: ctx.actor.id } };
  if (ctx.actor.role === "DOCTOR") return { doctorId: ctx.actor.id };
  return {};
}

const VIEW = {
  id: true,
  startsAt: true,
  endsAt: true,
  status: true,
  reason: true,
  cancelReason: true,
  patient: { select: { id: true, mrn: true, firstName: true, lastName: true } },
  doctor: {
    select: {
      id: true,
      name: true,
      staffProfile: { select: { specialty: true, department: { select: { name: true } } } },
    },
  },
} satisfies Prisma.AppointmentSelect;

type Row = Prisma.AppointmentGetPayload<{ select: typeof VIEW }>;
export type AppointmentView = ReturnType<typeof toView>;

function toView(a: Row) {
  const z = zone();
  return {
    id: a.id,
    startsAt: isoInZone(a.startsAt, z),
    endsAt: isoInZone(a.endsAt, z),
    status: a.status,
    reason: a.reason,
    cancelReason: a.cancelReason,
    patient: { id: a.patient.id, mrn: a.patient.mrn, name: `${a.patient.firstName} ${a.patient.lastName}` },
    doctor: {
      id: a.doctor.id,
      name: a.doctor.name,
      specialty: a.doctor.staffProfile?.specialty ?? null,
      department: a.doctor.staffProfile?.department?.name ?? null,
    },
  };
}

const EVENT = {
  at: true,
  actorId: true,
  fromStatus: true,
  toStatus: true,
  fromStartsAt: true,
  toStartsAt: true,
  note: true,
} satisfies Prisma.AppointmentEventSelect;
type EventRow = Prisma.AppointmentEventGetPayload<{ select: typeof EVENT }>;

/** An appointment with its history, as GET /appointments/{id} shows it. */
function withHistory(a: Row, events: EventRow[], names: Map<string, string>) {
  const z = zone();
  return {
    ...toView(a),
    history: events.map((e) => ({
      ...e,
      actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
      at: isoInZone(e.at, z),
      fromStartsAt: e.fromStartsAt ? isoInZone(e.fromStartsAt, z) : null,
      toStartsAt: e.toStartsAt ? isoInZone(e.toStartsAt, z) : null,
    })),
  };
}
export type AppointmentDetail = ReturnType<typeof withHistory>;

export async function getAppointment(prisma: Db, ctx: Ctx, id: string): Promise<AppointmentDetail> {
  const a = await prisma.appointment.findFirst({
    where: { id, ...appointmentScope(ctx) },
    select: { ...VIEW, events: { orderBy: { at: "asc" }, select: EVENT } },
  });
  if (!a) throw notFound("appointment");
  await audit(prisma, ctx, { action: "VIEW", entity: "Appointment", entityId: a.id, patientId: a.patient.id });
  // Who made each change: one read for all the history's actors.
  const actorIds = [...new Set(a.events.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const names = new Map(
    (await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  return withHistory(a, a.events, names);
}

/** A bookable doctor (active) with what the appointment view shows of them, in one read; or null. */
export async function bookableDoctor(prisma: Db, id: string): Promise<(Row["doctor"] & { language: string }) | null> {
  const [d] = await prisma.$queryRaw<
    {
      id: string;
      name: string;
      language: string;
      hasProfile: boolean;
      specialty: string | null;
      department: string | null;
    }[]
  >`
    SELECT u.id, u.name, u.language, s."userId" IS NOT NULL AS "hasProfile", s.specialty, d.name AS department
    FROM "User" u LEFT JOIN "StaffProfile" s ON s."userId" = u.id LEFT JOIN "Department" d ON d.id = s."departmentId"
    WHERE u.id = ${id} AND u.role = 'DOCTOR' AND u.active`;
  return d
    ? {
        id: d.id,
        name: d.name,
        language: d.language,
        staffProfile: d.hasProfile
          ? { specialty: d.specialty, department: d.department === null ? null : { name: d.department } }
          : null,
      }
    : null;
}

/**
 * The view of an appointment just booked, from the rows the booking wrote (the same shape as
 * getAppointment, without reading it back).
 */
export function bookedView(
  a: Omit<Row, "patient" | "doctor">,
  patient: Row["patient"],
  doctor: Row["doctor"],
  event: EventRow,
  actor: { id: string; name: string },
): AppointmentDetail {
  return withHistory({ ...a, patient, doctor }, [event], new Map([[actor.id, actor.name]]));
}

/** `status`: one status, or several (e.g. the live ones for "upcoming"). */
export type AppointmentFilter = {
  status?: string | string[];
  doctorId?: string;
  patientId?: string;
  departmentId?: string;
  from?: Date;
  to?: Date;
};

/** Local dates (`to` inclusive) as the instants listAppointments filters on. */
export function localRange(f: { from?: string; to?: string }): { from: Date | undefined; to: Date | undefined } {
  const z = zone();
  return {
    from: f.from ? DateTime.fromISO(f.from, { zone: z }).startOf("day").toJSDate() : undefined,
    to: f.to ? DateTime.fromISO(f.to, { zone: z }).plus({ days: 1 }).startOf("day").toJSDate() : undefined,
  };
}

/**
 * Appointments the actor may see, filtered and paged, in time order. Each names a patient and the
 * reason for the visit: one VIEW row per patient shown, written in the read's transaction (as the
 * FHIR Appointment search is audited).
 */
export async function listAppointments(
  prisma: Db,
  ctx: Ctx,
  filter: AppointmentFilter,
  page: { skip: number; take: number; desc?: boolean },
) {
  const where: Prisma.AppointmentWhereInput = {
    ...appointmentScope(ctx),
    ...(filter.status ? { status: { in: [filter.status].flat() as Row["status"][] } } : {}),
    ...(filter.doctorId ? { doctorId: filter.doctorId } : {}),
    ...(filter.patientId ? { patientId: filter.patientId } : {}),
    ...(filter.departmentId ? { doctor: { staffProfile: { departmentId: filter.departmentId } } } : {}),
    ...(filter.from || filter.to
      ? { startsAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } }
      : {}),
  };
  const [rows, total] = await auditedRead(
    prisma,
    (db) =>
      Promise.all([
        db.appointment.findMany({
          where,
          select: VIEW,
          orderBy: [{ startsAt: page.desc ? "desc" : "asc" }, { id: "asc" }],
          skip: page.skip,
          take: page.take,
        }),
        db.appointment.count({ where }),
      ]),
    (tx, [rows]) => auditViews(tx, ctx, { entity: "Appointment" }, rows),
  );
  return { items: rows.map(toView), total };
}

/** Appointments per local day over a range, for the admin chart. */
export async function appointmentsPerDay(
  prisma: Db,
  from: string,
  days: number,
): Promise<{ day: string; count: number }[]> {
  const z = zone();
  const rows = await prisma.$queryRaw<{ day: string; count: bigint }[]>`
    SELECT to_char(("startsAt" AT TIME ZONE 'UTC') AT TIME ZONE ${z}, 'YYYY-MM-DD') AS day, count(*) AS count
    FROM "Appointment"
    WHERE "startsAt" >= ${DateTime.fromISO(from, { zone: z }).startOf("day").toJSDate()}
      AND "startsAt" < ${DateTime.fromISO(from, { zone: z }).plus({ days }).startOf("day").toJSDate()}
      AND status <> 'CANCELLED'
    GROUP BY 1`;
  const counts = new Map(rows.map((r) => [r.day, Number(r.count)]));
  return nextDates(from, days, z).map((day) => ({ day, count: counts.get(day) ?? 0 }));
}

/** Today's appointments (local day in the hospital's zone) counted by status, for the admin card. */
export async function countsByStatusOn(prisma: Db, date: string): Promise<Record<Row["status"], number>> {
  const z = zone();
  const groups = await prisma.appointment.groupBy({
    by: ["status"],
    where: {
      startsAt: {
        gte: DateTime.fromISO(date, { zone: z }).startOf("day").toJSDate(),
        lt: DateTime.fromISO(date, { zone: z }).plus({ days: 1 }).startOf("day").toJSDate(),
      },
    },
    _count: { _all: true },
  });
  const counts = { BOOKED: 0, CHECKED_IN: 0, COMPLETED: 0, CANCELLED: 0, NO_SHOW: 0 };
  for (const g of groups) counts[g.status] = g._count._all;
  return counts;
}

/**
 * A doctor's patients, most recent first: everyone they have seen at an appointment (one that has
 * started and was neither cancelled nor missed), a consultation for, or an admission under their
 * care — a walk-in seen without booking or an inpatient handed over is theirs too. The last contact
 * is the latest of the three, never in the future (a booking still to come is on the upcoming list).
 */
export async function doctorPatients(prisma: Db, doctorId: string, take = 10) {
  const now = clock.now();
  const rows = await prisma.$queryRaw<{ id: string; mrn: string; firstName: string; lastName: string; lastAt: Date }[]>`
    SELECT p.id, p.mrn, p."firstName", p."lastName", t."lastAt" FROM (
      SELECT "patientId", max(at) AS "lastAt" FROM (
        SELECT "patientId", "startsAt" AS at FROM "Appointment"
          WHERE "doctorId" = ${doctorId} AND status NOT IN ('CANCELLED', 'NO_SHOW') AND "startsAt" <= ${now}
        UNION ALL SELECT "patientId", "createdAt" FROM "Consultation" WHERE "doctorId" = ${doctorId}
        UNION ALL SELECT "patientId", coalesce("dischargedAt", "admittedAt") FROM "Admission" WHERE "attendingDoctorId" = ${doctorId}
      ) c GROUP BY "patientId" ORDER BY max(at) DESC, "patientId" LIMIT ${take}
    ) t JOIN "Patient" p ON p.id = t."patientId" ORDER BY t."lastAt" DESC, p.id`;
  const z = zone();
  return rows.map((p) => ({
    id: p.id,
    mrn: p.mrn,
    name: `${p.firstName} ${p.lastName}`,
    lastAt: isoInZone(p.lastAt, z),
  }));
}

/** A patient as the booking form shows it once chosen (staff pass `?patientId=`). */
export async function bookablePatient(prisma: Db, id: string) {
  const p = await prisma.patient.findFirst({
    where: { id, active: true },
    select: { id: true, mrn: true, firstName: true, lastName: true },
  });
  return p ? { id: p.id, mrn: p.mrn, name: `${p.firstName} ${p.lastName}` } : null;
}
