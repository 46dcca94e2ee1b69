import { DateTime } from "luxon";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { seedPatient, seedUser } from "@/prisma/builders";
import { clock } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/validation";
import type { Ctx } from "@/lib/server/session";
import { resetDatabase } from "@/tests/reset";
import { getAppointment, getAvailability, listAppointments, slotsForDays } from "./queries";
import { ZAvailability, ZBook } from "./schemas";
import { bookAppointment, changeAppointmentStatus, rescheduleAppointment, setAvailability } from "./service";
import { renderMessage } from "@/lib/i18n/message";

const PW = "pw-0123456789";
const ctxOf = (u: { id: string; email: string }, role: Ctx["actor"]["role"]): Ctx => ({
  actor: { id: u.id, role, name: role, email: u.email },
  ip: null,
});
const tomorrow = DateTime.utc().plus({ days: 1 }).toISODate()!;
const at = (date: string, hhmm: string) => `${date}T${hhmm}:00Z`;
const EVERY_DAY = Array.from({ length: 7 }, (_, weekday) => ({ weekday, start: "08:00", end: "12:00" }));

let admin: Ctx, doctor: Ctx, doctor2: Ctx, records: Ctx, patientCtx: Ctx;
let patientId: string, otherPatientId: string;

async function book(ctx: Ctx, input: Record<string, unknown>) {
  return bookAppointment(db(), ctx, parseInput(ZBook, input));
}
const err = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => e,
  );

describe("scheduling", () => {
  beforeEach(async () => {
    await resetDatabase();
    const a = await seedUser(db(), { email: "a@h.org", name: "Admin", role: "ADMIN", password: PW });
    const d = await seedUser(db(), {
      email: "d@h.org",
      name: "Dr Heart",
      role: "DOCTOR",
      password: PW,
      specialty: "Cardiology",
    });
    const d2 = await seedUser(db(), {
      email: "d2@h.org",
      name: "Dr Bone",
      role: "DOCTOR",
      password: PW,
      specialty: "Orthopedics",
    });
    const r = await seedUser(db(), { email: "r@h.org", name: "Records", role: "RECORDS_OFFICER", password: PW });
    const pu = await seedUser(db(), { email: "p@h.org", name: "Pat", role: "PATIENT", password: PW });
    admin = ctxOf(a, "ADMIN");
    doctor = ctxOf(d, "DOCTOR");
    doctor2 = ctxOf(d2, "DOCTOR");
    records = ctxOf(r, "RECORDS_OFFICER");
    patientCtx = ctxOf(pu, "PATIENT");
    patientId = (
      await seedPatient(db(), {
        firstName: "Pat",
        lastName: "Ient",
        dateOfBirth: "1980-01-01",
        sex: "female",
        email: "p@h.org",
        userId: pu.id,
      })
    ).id;
    otherPatientId = (
      await seedPatient(db(), { firstName: "Oth", lastName: "Er", dateOfBirth: "1981-01-01", sex: "male" })
    ).id;
    for (const doc of [doctor, doctor2])
      await setAvailability(db(), doc, doc.actor.id, parseInput(ZAvailability, { slotMinutes: 30, weekly: EVERY_DAY }));
  });

  describe("availability", () => {
    it("stores weekly hours and exceptions and shows the grid with free and taken slots", async () => {
      await setAvailability(
        db(),
        admin,
        doctor.actor.id,
        parseInput(ZAvailability, {
          slotMinutes: 30,
          weekly: EVERY_DAY,
          exceptions: [{ date: tomorrow, start: "14:00", end: "15:00" }],
        }),
      );
      expect(await getAvailability(db(), doctor.actor.id)).toMatchObject({
        slotMinutes: 30,
        exceptions: [{ date: tomorrow, start: "14:00", end: "15:00" }],
      });
      const [day] = await slotsForDays(db(), doctor.actor.id, tomorrow, 1);
      expect(day.slots.map((s) => s.startsAt)).toEqual([`${tomorrow}T14:00:00Z`, `${tomorrow}T14:30:00Z`]);
    });

    it("closes a day with an exception without hours", async () => {
      await setAvailability(
        db(),
        doctor,
        doctor.actor.id,
        parseInput(ZAvailability, { slotMinutes: 30, weekly: EVERY_DAY, exceptions: [{ date: tomorrow }] }),
      );
      const [day] = await slotsForDays(db(), doctor.actor.id, tomorrow, 1);
      expect(day.slots).toEqual([]);
      expect(
        (await err(book(patientCtx, { doctorId: doctor.actor.id, startsAt: at(tomorrow, "09:00") }))).fields,
      ).toEqual({ startsAt: "Choose one of the doctor's available slots" });
    });

    it("lets a doctor set only their own hours, and refuses overlapping or inverted ranges field by field", async () => {
      await expect(
        setAvailability(db(), doctor, doctor2.actor.id, parseInput(ZAvailability, { slotMinutes: 30, weekly: [] })),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      const bad = ZAvailability.safeParse({
        slotMinutes: 2,
        weekly: [
          { weekday: 1, start: "10:00", end: "09:00" },
          { weekday: 2, start: "08:00", end: "12:00" },
          { weekday: 2, start: "11:00", end: "13:00" },
        ],
        exceptions: [{ date: "2027-02-30", start: "09:00" }],
      });
      const fields = Object.fromEntries(
        bad.error!.issues.map((i) => [i.path.join("."), renderMessage(i.message, "en")]),
      );
      expect(fields).toMatchObject({
        slotMinutes: "Use a slot length between 5 and 240 minutes",
        "weekly.0.end": "The end must be after the start",
        weekly: "Opening hours overlap on the same day",
        "exceptions.0.date": "Enter a valid date",
        "exceptions.0.end": "Give both start and end, or neither to close the day",
      });
    });
  });

  describe("booking", () => {
    it("books a free slot for a patient, keeps its history, notifies and emails the patient", async () => {
      const { id, appointment } = await book(patientCtx, {
        doctorId: doctor.actor.id,
        startsAt: at(tomorrow, "09:00"),
        reason: "Chest pain",
      });
      const a = await getAppointment(db(), patientCtx, id);
      // What POST /appointments answers is built from the rows written: the same as reading it back
      // (the actor's name comes from the session, here the test's ctx).
      expect(appointment).toEqual({
        ...a,
        history: a.history.map((h) => ({ ...h, actorName: patientCtx.actor.name })),
      });
      expect(a).toMatchObject({
        status: "BOOKED",
        startsAt: `${tomorrow}T09:00:00Z`,
        endsAt: `${tomorrow}T09:30:00Z`,
        patient: { id: patientId },
        doctor: { name: "Dr Heart", specialty: "Cardiology" },
      });
      expect(a.history).toEqual([expect.objectContaining({ toStatus: "BOOKED", note: "Chest pain" })]);
      expect(await db().notification.count({ where: { userId: patientCtx.actor.id } })).toBe(1);
      expect(await db().notification.count({ where: { userId: doctor.actor.id } })).toBe(1);
      expect(await db().outboxEmail.findFirst({ where: { to: "p@h.org" } })).toMatchObject({
        subject: expect.stringContaining("booked"),
      });
      const [day] = await slotsForDays(db(), doctor.actor.id, tomorrow, 1);
      expect(day.slots.find((s) => s.startsAt === `${tomorrow}T09:00:00Z`)?.free).toBe(false);
    });

    it("refuses past times, off-grid times and times outside the hours, writing nothing", async () => {
      const yesterday = DateTime.utc().minus({ days: 1 }).toISODate()!;
      expect(
        (await err(book(records, { patientId, doctorId: doctor.actor.id, startsAt: at(yesterday, "09:00") }))).fields,
      ).toEqual({ startsAt: "Choose a time in the future" });
      expect(
        (await err(book(records, { patientId, doctorId: doctor.actor.id, startsAt: at(tomorrow, "09:10") }))).fields,
      ).toEqual({ startsAt: "Choose one of the doctor's available slots" });
      expect(
        (await err(book(records, { patientId, doctorId: doctor.actor.id, startsAt: at(tomorrow, "12:00") }))).fields,
      ).toEqual({ startsAt: "Choose one of the doctor's available slots" });
      expect(
        (await err(book(records, { patientId, doctorId: doctor.actor.id, startsAt: "tomorrow at nine" }))).fields,
      ).toMatchObject({ startsAt: expect.stringContaining("offset") });
      expect(await db().appointment.count()).toBe(0);
    });

    it("answers SLOT_TAKEN for a doctor's taken slot, and for a patient already booked elsewhere then", async () => {
      await book(records, { patientId, doctorId: doctor.actor.id, startsAt: at(tomorrow, "09:00") });
      const taken = await err(
        book(records, { patientId: otherPatientId, doctorId: doctor.actor.id, startsAt: at(tomorrow, "09:00") }),
      );
      expect(taken).toMatchObject({
        code: "SLOT_TAKEN",
        message: "That slot was just booked. Please choose another time.",
      });
      const busy = await err(book(records, { patientId, doctorId: doctor2.actor.id, startsAt: at(tomorrow, "09:00") }));
      expect(busy).toMatchObject({
        code: "SLOT_TAKEN",
        message: "The patient already has an appointment at that time.",
      });
      expect(await db().appointment.count()).toBe(1);
    });

    it("lets exactly one of many simultaneous bookings of one slot win", async () => {
      const patients = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          seedPatient(db(), { firstName: `P${i}`, lastName: "Race", dateOfBirth: "1990-01-01", sex: "other" }),
        ),
      );
      const results = await Promise.allSettled(
        patients.map((p) =>
          book(records, { patientId: p.id, doctorId: doctor.actor.id, startsAt: at(tomorrow, "10:00") }),
        ),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      for (const r of results.filter((x): x is PromiseRejectedResult => x.status === "rejected"))
        expect(r.reason.code).toBe("SLOT_TAKEN");
      expect(await db().appointment.count()).toBe(1);
    });

    it("answers SLOT_TAKEN, not a server error, when PostgreSQL breaks a deadlock between racing bookings", async () => {
      // Another session holds a half-written booking that overlaps 10:00–10:30, the booking below
      // waits for it, and then that session writes a second row the booking's overlaps: each waits
      // for the other, and PostgreSQL aborts the booking (it waited first) with 40P01.
      const [p1, p2] = await Promise.all(
        [1, 2].map((i) =>
          seedPatient(db(), { firstName: `Q${i}`, lastName: "Race", dateOfBirth: "1990-01-01", sex: "other" }),
        ),
      );
      const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await other.connect();
      try {
        await other.query("BEGIN");
        await other.query("SET LOCAL deadlock_timeout = '10s'"); // so the booking is the one that detects it
        const row = `INSERT INTO "Appointment" (id, "patientId", "doctorId", "startsAt", "endsAt", "createdById", "updatedAt") VALUES ($1, $2, $3, $4, $5, $3, now())`;
        await other.query(row, ["race-1", p1.id, doctor.actor.id, at(tomorrow, "09:30"), at(tomorrow, "10:01")]);
        const booking = err(book(records, { patientId, doctorId: doctor.actor.id, startsAt: at(tomorrow, "10:00") }));
        await vi.waitFor(
          async () => {
            await other.query("SELECT pg_stat_clear_snapshot()"); // else the transaction sees its first reading again
            const { rows } = await other.query(
              `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO "Appointment"%'`,
            );
            expect(rows[0].n).toBe(1);
          },
          { timeout: 20_000, interval: 50 },
        );
        await other.query(row, ["race-2", p2.id, doctor.actor.id, at(tomorrow, "10:29"), at(tomorrow, "11:00")]);
        await other.query("COMMIT");
        expect(await booking).toMatchObject({ code: "SLOT_TAKEN" });
      } finally {
        await other.end();
      }
      expect(
        (await db().appointment.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((a) => a.id),
      ).toEqual(["race-1", "race-2"]);
    });

    it("keeps a patient to booking for themself", async () => {
      expect(
        await err(
          book(patientCtx, { patientId: otherPatientId, doctorId: doctor.actor.id, startsAt: at(tomorrow, "09:00") }),
        ),
      ).toMatchObject({ code: "NOT_FOUND" });
    });
  });

  describe("changes", () => {
    let id: string;
    afterEach(() => vi.restoreAllMocks());
    beforeEach(async () => {
      ({ id } = await book(patientCtx, { doctorId: doctor.actor.id, startsAt: at(tomorrow, "09:00") }));
    });

    it("reschedules to a free slot and frees the old one; refuses a taken one", async () => {
      await rescheduleAppointment(db(), patientCtx, id, new Date(at(tomorrow, "10:30")));
      expect((await getAppointment(db(), doctor, id)).startsAt).toBe(`${tomorrow}T10:30:00Z`);
      await book(records, { patientId: otherPatientId, doctorId: doctor.actor.id, startsAt: at(tomorrow, "09:00") });
      expect(await err(rescheduleAppointment(db(), patientCtx, id, new Date(at(tomorrow, "09:00"))))).toMatchObject({
        code: "SLOT_TAKEN",
      });
      expect((await getAppointment(db(), doctor, id)).history.map((h) => h.toStartsAt)).toEqual([
        `${tomorrow}T09:00:00Z`,
        `${tomorrow}T10:30:00Z`,
      ]);
    });

    it("follows the lifecycle and refuses illegal moves: a cancelled appointment cannot be completed", async () => {
      await changeAppointmentStatus(db(), records, id, "CANCELLED", "Patient travelling");
      expect(await err(changeAppointmentStatus(db(), doctor, id, "COMPLETED"))).toMatchObject({
        code: "INVALID_TRANSITION",
      });
      expect(await err(rescheduleAppointment(db(), records, id, new Date(at(tomorrow, "11:00"))))).toMatchObject({
        code: "INVALID_TRANSITION",
      });
      const a = await getAppointment(db(), admin, id);
      expect(a).toMatchObject({ status: "CANCELLED", cancelReason: "Patient travelling" });
      expect(a.history.map((h) => h.toStatus)).toEqual(["BOOKED", "CANCELLED"]);
      // The cancelled slot is free again.
      await expect(
        book(records, { patientId: otherPatientId, doctorId: doctor.actor.id, startsAt: at(tomorrow, "09:00") }),
      ).resolves.toMatchObject({ id: expect.any(String) });
    });

    it("lets only one of two racing status changes apply", async () => {
      // At the visit's time, so that completing it is allowed.
      vi.spyOn(clock, "now").mockReturnValue(new Date(at(tomorrow, "09:05")));
      const results = await Promise.allSettled([
        changeAppointmentStatus(db(), doctor, id, "COMPLETED"),
        changeAppointmentStatus(db(), records, id, "CANCELLED", "Double entry"),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.find((r): r is PromiseRejectedResult => r.status === "rejected")?.reason.code).toBe(
        "INVALID_TRANSITION",
      );
    });

    it("stops a patient cancelling inside the cut-off, but not staff", async () => {
      // Tomorrow 09:00 may be under 24 h away; move it inside the window to be sure.
      await db().appointment.update({
        where: { id },
        data: { startsAt: new Date(Date.now() + 3_600_000), endsAt: new Date(Date.now() + 5_400_000) },
      });
      expect(await err(changeAppointmentStatus(db(), patientCtx, id, "CANCELLED", "Cannot come"))).toMatchObject({
        code: "VALIDATION_FAILED",
        message: expect.stringContaining("24 hours"),
      });
      expect(await err(changeAppointmentStatus(db(), patientCtx, id, "COMPLETED"))).toMatchObject({
        code: "FORBIDDEN",
      });
      await changeAppointmentStatus(db(), doctor, id, "CANCELLED", "Doctor ill");
    });

    describe("check-in window (CHECKIN_WINDOW_MINUTES, default 120, hospital time)", () => {
      const now = (hhmm: string, date = tomorrow) => vi.spyOn(clock, "now").mockReturnValue(new Date(at(date, hhmm)));
      const status = async () => (await getAppointment(db(), admin, id)).status;

      it("refuses to check in or complete a future visit with 409 TOO_EARLY and changes nothing", async () => {
        // Today, for tomorrow's 09:00 visit.
        now("10:00", DateTime.utc().toISODate()!);
        expect(await err(changeAppointmentStatus(db(), records, id, "CHECKED_IN"))).toMatchObject({
          code: "TOO_EARLY",
          status: 409,
          message: expect.stringContaining(`${tomorrow} 07:00`),
        });
        expect(await err(changeAppointmentStatus(db(), doctor, id, "COMPLETED"))).toMatchObject({
          code: "TOO_EARLY",
          status: 409,
        });
        expect(await err(changeAppointmentStatus(db(), records, id, "NO_SHOW"))).toMatchObject({
          code: "TOO_EARLY",
          status: 409,
          message: expect.stringContaining(`${tomorrow} 09:00`),
        });
        // On its day but before the window opens.
        now("06:59");
        expect(await err(changeAppointmentStatus(db(), records, id, "CHECKED_IN"))).toMatchObject({
          code: "TOO_EARLY",
        });
        // Checked in or not, a visit that has not started is no no-show yet.
        now("08:59");
        expect(await err(changeAppointmentStatus(db(), records, id, "NO_SHOW"))).toMatchObject({
          code: "TOO_EARLY",
          message: expect.stringContaining("cannot be marked as a no-show"),
        });
        expect(await status()).toBe("BOOKED");
        expect((await getAppointment(db(), admin, id)).history).toHaveLength(1);
      });

      it("checks in within the window, completes only once the visit has started", async () => {
        now("07:00");
        await changeAppointmentStatus(db(), records, id, "CHECKED_IN");
        expect(await status()).toBe("CHECKED_IN");
        now("08:59");
        expect(await err(changeAppointmentStatus(db(), doctor, id, "COMPLETED"))).toMatchObject({
          code: "TOO_EARLY",
          message: expect.stringContaining("has not happened yet"),
        });
        now("09:00");
        await changeAppointmentStatus(db(), doctor, id, "COMPLETED");
        expect(await status()).toBe("COMPLETED");
      });

      it("refuses to check in once the visit's day is over (TOO_LATE), but a late visit can still be completed", async () => {
        now("00:00", DateTime.fromISO(tomorrow, { zone: "utc" }).plus({ days: 1 }).toISODate()!);
        expect(await err(changeAppointmentStatus(db(), records, id, "CHECKED_IN"))).toMatchObject({
          code: "TOO_LATE",
          status: 409,
        });
        await changeAppointmentStatus(db(), doctor, id, "COMPLETED");
        expect(await status()).toBe("COMPLETED");
      });

      it("marks a no-show once the visit has started", async () => {
        now("09:00");
        await changeAppointmentStatus(db(), records, id, "NO_SHOW");
        expect(await status()).toBe("NO_SHOW");
      });
    });

    it("scopes: another doctor and another patient see nothing", async () => {
      expect(await err(getAppointment(db(), doctor2, id))).toMatchObject({ code: "NOT_FOUND" });
      expect(await err(changeAppointmentStatus(db(), doctor2, id, "COMPLETED"))).toMatchObject({ code: "NOT_FOUND" });
      expect((await listAppointments(db(), doctor2, {}, { skip: 0, take: 20 })).total).toBe(0);
      expect((await listAppointments(db(), doctor, {}, { skip: 0, take: 20 })).total).toBe(1);
      expect((await listAppointments(db(), admin, { status: "BOOKED" }, { skip: 0, take: 20 })).total).toBe(1);
    });
  });
});
