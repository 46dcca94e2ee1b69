import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AppointmentStatus } from "@/lib/generated/prisma/enums";
import { catalog, INTL_TAG, localeOf, type Locale } from "@/lib/i18n";
import {
  deliverEmail,
  mailConfig,
  OUTBOX_COLUMNS,
  type OutboxRow,
  outboxRow,
  queueEmail,
} from "@/lib/notifications/mail";
import { NOTIFICATION_COLUMNS, type NotificationRow, notificationRow, notify } from "@/lib/notifications/service";
import { AUDIT_COLUMNS, audit, auditRow } from "@/lib/server/audit";
import { insertRows } from "@/lib/server/rows";
import type { Db } from "@/lib/server/db";
import { appUrl, env } from "@/lib/server/env";
import { clock } from "@/lib/server/clock";
import { AppError, notFound } from "@/lib/server/errors";
import { retryingConflicts } from "@/lib/server/errors-map";
import type { Ctx } from "@/lib/server/session";
import { appointmentScope, bookableDoctor, bookedView, gridSlotAt } from "./queries";
import type { AppointmentChange, AvailabilityInput, BookInput } from "./schemas";
import { checkInOpens, checkInTiming, toMinutes } from "./time";
import { E } from "@/lib/i18n/error-keys";
import type { Msg } from "@/lib/i18n/message";

const m = E.scheduling.errors;
type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Which status may follow which. Everything else is INVALID_TRANSITION. */
export const TRANSITIONS: Record<AppointmentStatus, AppointmentStatus[]> = {
  BOOKED: ["CHECKED_IN", "COMPLETED", "CANCELLED", "NO_SHOW"],
  CHECKED_IN: ["COMPLETED", "CANCELLED"],
  COMPLETED: [],
  CANCELLED: [],
  NO_SHOW: [],
};

/** The exclusion constraint a failed write hit, if any: PostgreSQL's verdict on overlaps. */
function overlapViolation(err: unknown): "doctor" | "patient" | null {
  const text = `${(err as Error)?.message ?? ""} ${JSON.stringify((err as { meta?: unknown })?.meta ?? {})} ${JSON.stringify((err as { cause?: unknown })?.cause ?? {})}`;
  if (text.includes("Appointment_doctor_no_overlap")) return "doctor";
  if (text.includes("Appointment_patient_no_overlap")) return "patient";
  return null;
}

function slotTaken(err: unknown): never {
  const who = overlapViolation(err);
  if (who === "doctor") throw new AppError("SLOT_TAKEN", m.slotTaken, { fields: { startsAt: m.slotTaken } });
  if (who === "patient") throw new AppError("SLOT_TAKEN", m.patientBusy, { fields: { startsAt: m.patientBusy } });
  throw err;
}

/** Replaces a doctor's availability (doctors: only their own; admins: any doctor's). */
export async function setAvailability(prisma: Db, ctx: Ctx, doctorId: string, input: AvailabilityInput): Promise<void> {
  if (ctx.actor.role === "DOCTOR" && ctx.actor.id !== doctorId) throw notFound("doctor");
  const doctor = await prisma.user.findFirst({ where: { id: doctorId, role: "DOCTOR" }, select: { id: true } });
  if (!doctor) throw notFound("doctor");
  await prisma.$transaction(async (tx) => {
    await tx.doctorAvailability.upsert({
      where: { doctorId },
      create: { doctorId, slotMinutes: input.slotMinutes },
      update: { slotMinutes: input.slotMinutes },
    });
    await tx.weeklyHours.deleteMany({ where: { doctorId } });
    await tx.weeklyHours.createMany({
      data: input.weekly.map((w) => ({
        doctorId,
        weekday: w.weekday,
        startMin: toMinutes(w.start),
        endMin: toMinutes(w.end),
      })),
    });
    await tx.availabilityException.deleteMany({ where: { doctorId } });
    await tx.availabilityException.createMany({
      data: input.exceptions.map((e) => ({
        doctorId,
        date: new Date(`${e.date}T00:00:00Z`),
        startMin: e.start ? toMinutes(e.start) : null,
        endMin: e.end ? toMinutes(e.end) : null,
      })),
    });
    await audit(tx, ctx, {
      action: "UPDATE",
      entity: "DoctorAvailability",
      entityId: doctorId,
      details: { slotMinutes: input.slotMinutes, weekly: input.weekly.length, exceptions: input.exceptions.length },
    });
  });
}

/** The patient an actor books for: a patient always books for themself. */
async function bookingPatient(prisma: Db, ctx: Ctx, patientId?: string) {
  const own = ctx.actor.role === "PATIENT";
  if (!own && !patientId)
    throw new AppError("VALIDATION_FAILED", m.patientRequired, { fields: { patientId: m.patientRequired } });
  // One statement with the account's language (the ORM's include would send a second one).
  const [row] = await prisma.$queryRaw<
    {
      id: string;
      mrn: string;
      firstName: string;
      lastName: string;
      email: string | null;
      userId: string | null;
      language: string | null;
    }[]
  >`
    SELECT p.id, p.mrn, p."firstName", p."lastName", p.email, p."userId", u.language
    FROM "Patient" p LEFT JOIN "User" u ON u.id = p."userId"
    WHERE p.active ${own ? Prisma.sql`AND p."userId" = ${ctx.actor.id}` : Prisma.empty} ${patientId ? Prisma.sql`AND p.id = ${patientId}` : Prisma.empty}
    LIMIT 1`;
  if (!row) throw notFound("patient");
  const { language, ...patient } = row;
  return { ...patient, user: language === null ? null : { language } };
}

/** The grid slot at a requested time, in the future: the rules of booking and rescheduling. */
async function requireBookableSlot(prisma: Db, doctorId: string, startsAt: Date) {
  if (startsAt.getTime() <= clock.now().getTime())
    throw new AppError("VALIDATION_FAILED", m.inPast, { fields: { startsAt: m.inPast } });
  const slot = await gridSlotAt(prisma, doctorId, startsAt);
  if (!slot) throw new AppError("VALIDATION_FAILED", m.offGrid, { fields: { startsAt: m.offGrid } });
  return slot;
}

/**
 * An instant as the recipient of a notification reads it, in their language: Luxon's
 * DATETIME_MED_WITH_WEEKDAY in the hospital's zone. The Intl formatter is made once per language
 * and zone (a booking formats two); a zone Intl does not know (Luxon's "UTC+3") goes through Luxon.
 */
const formatters = new Map<string, Intl.DateTimeFormat | null>();
function when(d: Date, locale: Locale): string {
  const zone = env().HOSPITAL_TIMEZONE;
  const key = `${locale} ${zone}`;
  let f = formatters.get(key);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat(INTL_TAG[locale], { ...DateTime.DATETIME_MED_WITH_WEEKDAY, timeZone: zone });
    } catch {
      f = null;
    }
    formatters.set(key, f);
  }
  return f
    ? f.format(d)
    : DateTime.fromJSDate(d, { zone }).toLocaleString(DateTime.DATETIME_MED_WITH_WEEKDAY, { locale: INTL_TAG[locale] });
}
const PATIENT_CONTACT = {
  id: true,
  firstName: true,
  lastName: true,
  email: true,
  userId: true,
  user: { select: { language: true } },
} as const;

/** Tells the patient (email if they have an address, in-app if they have an account). */
async function tellPatient(
  tx: Tx,
  patient: {
    firstName: string;
    lastName: string;
    email: string | null;
    userId: string | null;
    user: { language: string } | null;
  },
  kind: "booked" | "rescheduled" | "cancelled",
  a: { id: string; startsAt: Date; doctorName: string; reason?: string },
): Promise<string | null> {
  const locale = localeOf(patient.user?.language);
  if (patient.userId)
    await notify(tx, patient.userId, {
      title: catalog(locale).scheduling.notify[kind],
      body: `${a.doctorName}, ${when(a.startsAt, locale)}`,
      link: `/appointments/${a.id}`,
    });
  if (!patient.email) return null;
  return queueEmail(tx, {
    to: patient.email,
    locale,
    template: "appointment",
    data: {
      kind,
      patientName: `${patient.firstName} ${patient.lastName}`,
      doctorName: a.doctorName,
      startsAt: a.startsAt,
      reason: a.reason,
      url: `${appUrl()}/appointments/${a.id}`,
    },
  });
}

type BookingRow = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: "BOOKED";
  reason: string | null;
  cancelReason: string | null;
  at: Date;
  actorId: string | null;
  fromStatus: null;
  toStatus: "BOOKED";
  fromStartsAt: null;
  toStartsAt: Date | null;
  note: string | null;
};

/**
 * The rows a booking writes, as one statement (so one transaction): the appointment, its first
 * history event, the notifications, the email for the outbox and the audit event (the rows
 * notify(), queueEmail() and audit() write). One round trip, and the head of the audit chain, which
 * the audit trigger locks until commit for every audited write in the hospital, is held for that
 * statement alone. The exclusion constraints still decide overlaps: a violation fails it whole.
 * The notification, outbox and audit rows come from the helpers' own row functions and column lists
 * (notificationRow, outboxRow, auditRow; lib/server/rows.ts), so they are the rows those helpers write.
 * Exported for the benchmark's floor, which sends the same statement through `pg`.
 */
export function bookingWrite(b: {
  id: string;
  patientId: string;
  doctorId: string;
  startsAt: Date;
  endsAt: Date;
  reason: string | null;
  actor: { id: string; role: string };
  ip: string | null;
  notifications: (NotificationRow & { id: string })[];
  emails: (OutboxRow & { id: string })[];
}): Prisma.Sql {
  const details = { doctorId: b.doctorId, startsAt: b.startsAt.toISOString() };
  const audited = auditRow(
    { actor: b.actor, ip: b.ip },
    { action: "CREATE", entity: "Appointment", entityId: b.id, patientId: b.patientId, details },
  );
  return Prisma.sql`
    WITH a AS (
      INSERT INTO "Appointment" (id, "patientId", "doctorId", "startsAt", "endsAt", reason, "createdById", "updatedAt")
      VALUES (${b.id}, ${b.patientId}, ${b.doctorId}, ${b.startsAt}::timestamp, ${b.endsAt}::timestamp, ${b.reason}, ${b.actor.id}, now())
      RETURNING id, "startsAt", "endsAt", status::text AS status, reason, "cancelReason"
    ), e AS (
      INSERT INTO "AppointmentEvent" (id, "appointmentId", "actorId", "toStatus", "toStartsAt", note)
      SELECT ${`${b.id}-e`}, a.id, ${b.actor.id}, 'BOOKED', a."startsAt", a.reason FROM a
      RETURNING at, "actorId", "fromStatus"::text AS "fromStatus", "toStatus"::text AS "toStatus", "fromStartsAt", "toStartsAt", note
    ), n AS (
      ${insertRows("Notification", NOTIFICATION_COLUMNS, b.notifications, { after: "a" })}
    ), o AS (
      ${insertRows("OutboxEmail", OUTBOX_COLUMNS, b.emails, { after: "a" })}
    ), au AS (
      ${insertRows("AuditEvent", AUDIT_COLUMNS, [audited], { after: "a" })}
    )
    SELECT a.*, e.* FROM a, e`;
}

/**
 * Books a slot. Future, on the doctor's grid, inside their hours; the database's exclusion
 * constraints decide overlaps for the doctor and the patient, so two racing bookings cannot both win.
 *
 * Returns the appointment as GET /appointments/{id} shows it, built from the rows written.
 * The reads run side by side (errors still reported in the order patient, doctor, time), and the
 * writes are one statement (see below).
 */
export async function bookAppointment(prisma: Db, ctx: Ctx, input: BookInput) {
  const [patientRead, doctorRead, slotRead] = await Promise.allSettled([
    bookingPatient(prisma, ctx, input.patientId),
    bookableDoctor(prisma, input.doctorId),
    requireBookableSlot(prisma, input.doctorId, input.startsAt),
  ]);
  if (patientRead.status === "rejected") throw patientRead.reason;
  if (doctorRead.status === "rejected") throw doctorRead.reason;
  const doctor = doctorRead.value;
  if (!doctor) throw new AppError("NOT_FOUND", m.notADoctor);
  if (slotRead.status === "rejected") throw slotRead.reason;
  const [patient, slot] = [patientRead.value, slotRead.value];
  const [dl, pl] = [localeOf(doctor.language), localeOf(patient.user?.language)];
  const id = randomUUID();
  // Everything the booking writes is prepared here, the email rendered, for bookingWrite's one statement.
  // Each recipient reads in their own language.
  const notifications = [
    {
      id: randomUUID(),
      ...notificationRow(doctor.id, {
        title: catalog(dl).scheduling.notify.newAppointment,
        body: `${patient.firstName} ${patient.lastName}, ${when(slot.startsAt, dl)}`,
        link: `/appointments/${id}`,
      }),
    },
    ...(patient.userId
      ? [
          {
            id: randomUUID(),
            ...notificationRow(patient.userId, {
              title: catalog(pl).scheduling.notify.booked,
              body: `${doctor.name}, ${when(slot.startsAt, pl)}`,
              link: `/appointments/${id}`,
            }),
          },
        ]
      : []),
  ];
  const emails = patient.email
    ? [
        {
          id: randomUUID(),
          ...outboxRow(
            {
              to: patient.email,
              locale: pl,
              template: "appointment",
              data: {
                kind: "booked",
                patientName: `${patient.firstName} ${patient.lastName}`,
                doctorName: doctor.name,
                startsAt: slot.startsAt,
                reason: undefined,
                url: `${appUrl()}/appointments/${id}`,
              },
            },
            mailConfig(),
          ),
        },
      ]
    : [];
  // One statement, so run again whole if PostgreSQL aborted it to break a deadlock between racers.
  const [row] = await retryingConflicts(() =>
    prisma.$queryRaw<BookingRow[]>(
      bookingWrite({
        id,
        patientId: patient.id,
        doctorId: doctor.id,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        reason: input.reason ?? null,
        actor: ctx.actor,
        ip: ctx.ip,
        notifications,
        emails,
      }),
    ),
  ).catch(slotTaken);
  const { id: patientId, mrn, firstName, lastName } = patient;
  const { at: eventAt, actorId, fromStatus, toStatus, fromStartsAt, toStartsAt, note, ...booked } = row;
  const appointment = bookedView(
    booked,
    { id: patientId, mrn, firstName, lastName },
    doctor,
    { at: eventAt, actorId, fromStatus, toStatus, fromStartsAt, toStartsAt, note },
    ctx.actor,
  );
  const emailId = emails[0]?.id;
  if (emailId) await deliverEmail(prisma, emailId);
  return { id: appointment.id, appointment };
}

async function scoped(prisma: Db, ctx: Ctx, id: string) {
  const a = await prisma.appointment.findFirst({
    where: { id, ...appointmentScope(ctx) },
    select: {
      id: true,
      status: true,
      startsAt: true,
      doctorId: true,
      doctor: { select: { name: true, language: true } },
      patient: { select: PATIENT_CONTACT },
    },
  });
  if (!a) throw notFound("appointment");
  return a;
}

/** Moves a booked appointment to another free slot of the same doctor. */
export async function rescheduleAppointment(prisma: Db, ctx: Ctx, id: string, startsAt: Date) {
  const a = await scoped(prisma, ctx, id);
  if (a.status !== "BOOKED") throw new AppError("INVALID_TRANSITION", m.invalidTransition(a.status, "rescheduled"));
  const slot = await requireBookableSlot(prisma, a.doctorId, startsAt);
  const emailId = await retryingConflicts(() =>
    prisma.$transaction(async (tx) => {
      // Conditional on the status read above: a concurrent cancel makes this a no-op, not a revival.
      const moved = await tx.appointment.updateMany({
        where: { id, status: "BOOKED" },
        data: { startsAt: slot.startsAt, endsAt: slot.endsAt },
      });
      if (moved.count === 0) throw new AppError("INVALID_TRANSITION", m.invalidTransition("changed", "rescheduled"));
      await tx.appointmentEvent.create({
        data: {
          appointmentId: id,
          actorId: ctx.actor.id,
          fromStatus: "BOOKED",
          toStatus: "BOOKED",
          fromStartsAt: a.startsAt,
          toStartsAt: slot.startsAt,
        },
      });
      await audit(tx, ctx, {
        action: "UPDATE",
        entity: "Appointment",
        entityId: id,
        patientId: a.patient.id,
        details: { from: a.startsAt.toISOString(), to: slot.startsAt.toISOString() },
      });
      return tellPatient(tx, a.patient, "rescheduled", { id, startsAt: slot.startsAt, doctorName: a.doctor.name });
    }),
  ).catch(slotTaken);
  if (emailId) await deliverEmail(prisma, emailId);
}

/** A visit is checked in only on its day (from CHECKIN_WINDOW_MINUTES before it starts), completed or marked a no-show only once it has started. */
function assertOnTime(startsAt: Date, to: AppointmentStatus) {
  const { HOSPITAL_TIMEZONE: zone, CHECKIN_WINDOW_MINUTES: window } = env();
  const now = clock.now();
  const shown = (d: Date) => DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd HH:mm");
  const refuse = (code: "TOO_EARLY" | "TOO_LATE", message: Msg) =>
    new AppError(code, message, { fields: { status: message } });
  if (to === "CHECKED_IN") {
    const timing = checkInTiming(startsAt, now, zone, window);
    if (timing === "early") throw refuse("TOO_EARLY", m.checkInTooEarly(shown(checkInOpens(startsAt, zone, window))));
    if (timing === "late") throw refuse("TOO_LATE", m.checkInTooLate);
  }
  if (to === "COMPLETED" && now < startsAt) throw refuse("TOO_EARLY", m.notHappened(shown(startsAt)));
  // Nobody has failed to come to a visit that has not started.
  if (to === "NO_SHOW" && now < startsAt) throw refuse("TOO_EARLY", m.noShowTooEarly(shown(startsAt)));
}

/** Moves an appointment along its lifecycle; illegal moves are INVALID_TRANSITION. */
export async function changeAppointmentStatus(
  prisma: Db,
  ctx: Ctx,
  id: string,
  to: Exclude<AppointmentStatus, "BOOKED">,
  reason?: string,
) {
  const a = await scoped(prisma, ctx, id);
  if (ctx.actor.role === "PATIENT") {
    if (to !== "CANCELLED") throw new AppError("FORBIDDEN", m.staffOnly);
    const cutoff = env().APPOINTMENT_CANCEL_CUTOFF_HOURS;
    if (a.startsAt.getTime() - clock.now().getTime() < cutoff * 3_600_000)
      throw new AppError("VALIDATION_FAILED", m.cutoff(cutoff), { fields: { status: m.cutoff(cutoff) } });
  }
  const from = (Object.keys(TRANSITIONS) as AppointmentStatus[]).filter((s) => TRANSITIONS[s].includes(to));
  if (!from.includes(a.status)) throw new AppError("INVALID_TRANSITION", m.invalidTransition(a.status, to));
  assertOnTime(a.startsAt, to);
  const emailId = await prisma.$transaction(async (tx) => {
    // The row's current status decides: two racing changes cannot both apply.
    const changed = await tx.appointment.updateMany({
      where: { id, status: { in: from } },
      data: { status: to, ...(to === "CANCELLED" ? { cancelReason: reason } : {}) },
    });
    if (changed.count === 0) {
      const now = await tx.appointment.findUniqueOrThrow({ where: { id }, select: { status: true } });
      throw new AppError("INVALID_TRANSITION", m.invalidTransition(now.status, to));
    }
    await tx.appointmentEvent.create({
      data: { appointmentId: id, actorId: ctx.actor.id, fromStatus: a.status, toStatus: to, note: reason },
    });
    await audit(tx, ctx, {
      action: "UPDATE",
      entity: "Appointment",
      entityId: id,
      patientId: a.patient.id,
      details: { from: a.status, to, ...(reason ? { reason } : {}) },
    });
    if (to === "CANCELLED") {
      const dl = localeOf(a.doctor.language);
      if (ctx.actor.id !== a.doctorId)
        await notify(tx, a.doctorId, {
          title: catalog(dl).scheduling.notify.cancelled,
          body: `${a.patient.firstName} ${a.patient.lastName}, ${when(a.startsAt, dl)}`,
          link: `/appointments/${id}`,
        });
      return tellPatient(tx, a.patient, "cancelled", { id, startsAt: a.startsAt, doctorName: a.doctor.name, reason });
    }
    return null;
  });
  if (emailId) await deliverEmail(prisma, emailId);
}

/** PATCH /appointments/{id}: a new time or a new status. */
export function changeAppointment(prisma: Db, ctx: Ctx, id: string, change: AppointmentChange) {
  return "startsAt" in change
    ? rescheduleAppointment(prisma, ctx, id, change.startsAt)
    : changeAppointmentStatus(prisma, ctx, id, change.status, change.reason);
}
