import { DateTime } from "luxon";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { seedDepartment, seedPatient, seedUser } from "@/prisma/builders";
import { clock } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { parseInput } from "@/lib/server/validation";
import type { Ctx } from "@/lib/server/session";
import { resetDatabase } from "@/tests/reset";
import { timeline } from "@/lib/clinical/queries";
import { openChart } from "@/lib/patients/chart";
import { bedBoard, bedHistory, getAdmission, listAdmissions, listWards, occupancyReport } from "./queries";
import { ZAdmit, ZBedPatch, ZOccupancyRange } from "./schemas";
import {
  admitPatient,
  createBed,
  createRoom,
  createWard,
  dischargePatient,
  transferPatient,
  updateBed,
  updateRoom,
  updateWard,
} from "./service";

const PW = "pw-0123456789";
const ctxOf = (u: { id: string; email: string }, role: Ctx["actor"]["role"]): Ctx => ({
  actor: { id: u.id, role, name: role, email: u.email },
  ip: null,
});
const err = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => e,
  );

let admin: Ctx, nurse: Ctx, doctorId: string, departmentId: string;
let patients: string[];
let beds: string[];
let wardId: string;

const admit = (ctx: Ctx, patientId: string, bedId: string, extra: Record<string, unknown> = {}) =>
  admitPatient(
    db(),
    ctx,
    parseInput(ZAdmit, {
      patientId,
      bedId,
      attendingDoctorId: doctorId,
      departmentId,
      reason: "Pneumonia",
      plannedStayDays: 5,
      ...extra,
    }),
  );
const bedState = async (id: string) => (await db().bed.findUniqueOrThrow({ where: { id } })).state;

describe("wards and admissions", () => {
  beforeEach(async () => {
    await resetDatabase();
    const dep = await seedDepartment(db(), "Internal Medicine");
    departmentId = dep.id;
    const a = await seedUser(db(), { email: "a@h.org", name: "Admin", role: "ADMIN", password: PW });
    const n = await seedUser(db(), { email: "n@h.org", name: "Nurse", role: "NURSE", password: PW });
    const d = await seedUser(db(), {
      email: "doc@h.org",
      name: "Dr House",
      role: "DOCTOR",
      password: PW,
      departmentId,
    });
    admin = ctxOf(a, "ADMIN");
    nurse = ctxOf(n, "NURSE");
    doctorId = d.id;
    patients = [];
    for (let i = 0; i < 3; i++)
      patients.push(
        (await seedPatient(db(), { firstName: `Pat${i}`, lastName: "Ient", dateOfBirth: "1970-01-01", sex: "female" }))
          .id,
      );
    const ward = await createWard(db(), admin, { name: "General Medicine", type: "GENERAL", departmentId });
    wardId = ward.id;
    const room = await createRoom(db(), admin, { wardId, name: "Room 1", type: "SHARED", capacity: 4 });
    beds = [];
    for (const label of ["A", "B", "C", "D"]) beds.push((await createBed(db(), admin, { roomId: room.id, label })).id);
  });
  afterEach(() => vi.restoreAllMocks());

  it("admits, transfers and discharges with history rows, bed states, audit, and the doctor told by email and in-app", async () => {
    const { id } = await admit(nurse, patients[0], beds[0]);
    expect(await bedState(beds[0])).toBe("OCCUPIED");
    await transferPatient(db(), nurse, id, beds[1]);
    expect(await bedState(beds[0])).toBe("CLEANING");
    expect(await bedState(beds[1])).toBe("OCCUPIED");
    await dischargePatient(db(), nurse, id, "Recovered; oral antibiotics for 5 days.");
    expect(await bedState(beds[1])).toBe("CLEANING");

    const a = await getAdmission(db(), admin, id);
    expect(a).toMatchObject({
      status: "discharged",
      currentBed: null,
      dischargeSummary: "Recovered; oral antibiotics for 5 days.",
      plannedStayDays: 5,
      department: { id: departmentId },
    });
    expect(a.assignments.map((h) => h.bedId)).toEqual([beds[0], beds[1]]);
    expect(a.assignments.every((h) => h.endsAt !== null)).toBe(true);
    expect(a.assignments[0].endsAt).toBe(a.assignments[1].startsAt);
    expect((await bedHistory(db(), beds[0])).map((h) => h.patient.id)).toEqual([patients[0]]);

    const audits = await db().auditEvent.findMany({
      where: { entity: "Admission", entityId: id },
      orderBy: { seq: "asc" },
    });
    expect(audits.map((e) => e.action)).toEqual(["CREATE", "UPDATE", "UPDATE", "VIEW"]);
    expect(audits.every((e) => e.patientId === patients[0])).toBe(true);

    const mails = await db().outboxEmail.findMany({ where: { to: "doc@h.org" }, orderBy: { createdAt: "asc" } });
    expect(mails.map((m) => m.subject)).toEqual([
      `A patient has been admitted under your care — ${env().HOSPITAL_NAME}`,
      `Your patient has been discharged — ${env().HOSPITAL_NAME}`,
    ]);
    expect(mails[0].text).toContain("Pat0 Ient");
    expect(mails[0].text).toContain("General Medicine · Room 1 · A");
    expect(mails[0].html).toContain(env().HOSPITAL_NAME);
    const notes = await db().notification.findMany({ where: { userId: doctorId } });
    expect(notes).toHaveLength(2);
    expect(notes.every((n) => n.link === `/admissions/${id}`)).toBe(true);

    // The patient's chart timeline: admitted, transferred, discharged (oldest first), counted in its total.
    const t = await timeline(db(), await openChart(db(), admin, patients[0]), {
      page: 1,
      pageSize: 20,
      oldestFirst: true,
    });
    const stay = t.items.filter((e) => e.kind === "admission");
    expect(stay.map((e) => e.summary)).toEqual([
      "Admitted to General Medicine · Room 1 · A · Dr House: Pneumonia",
      "Transferred to General Medicine · Room 1 · B · Dr House",
      "Discharged: Recovered; oral antibiotics for 5 days.",
    ]);
    expect(stay.every((e) => e.link === `/admissions/${id}`)).toBe(true);
    expect(t.total).toBe(t.items.length);
  });

  it("lets exactly one of eight concurrent admissions to one bed win; the rest get 409 BED_OCCUPIED", async () => {
    const many: string[] = [];
    for (let i = 0; i < 8; i++)
      many.push(
        (await seedPatient(db(), { firstName: `C${i}`, lastName: "X", dateOfBirth: "1990-01-01", sex: "male" })).id,
      );
    const results = await Promise.allSettled(many.map((p) => admit(nurse, p, beds[2])));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason);
    expect(failures).toHaveLength(7);
    expect(
      failures.every((e) => e.code === "BED_OCCUPIED" && e.status === 409 && e.message === "That bed was just taken"),
    ).toBe(true);
    expect(await db().bedAssignment.count({ where: { bedId: beds[2] } })).toBe(1);
  });

  it("admits the same patient only once when two admissions race for two beds", async () => {
    const results = await Promise.allSettled([admit(nurse, patients[1], beds[0]), admit(nurse, patients[1], beds[1])]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [failure] = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(failure.reason).toMatchObject({ code: "BED_OCCUPIED", message: "This patient is already admitted" });
    expect(await db().admission.count()).toBe(1);
    // The losing bed was not left occupied: its transaction rolled back whole.
    const states = [await bedState(beds[0]), await bedState(beds[1])].sort();
    expect(states).toEqual(["FREE", "OCCUPIED"]);
  });

  it("refuses a transfer after discharge, and beds being cleaned or out of service", async () => {
    const { id } = await admit(nurse, patients[0], beds[0]);
    await dischargePatient(db(), nurse, id, "Home.");
    expect(await err(transferPatient(db(), nurse, id, beds[1]))).toMatchObject({
      code: "INVALID_TRANSITION",
      status: 409,
    });
    expect(await err(dischargePatient(db(), nurse, id, "Again"))).toMatchObject({ code: "INVALID_TRANSITION" });
    // The bed being cleaned cannot be taken until marked clean.
    expect(await err(admit(nurse, patients[1], beds[0]))).toMatchObject({
      code: "BED_OCCUPIED",
      message: "That bed is not free: it is being cleaned or out of service",
    });
    await updateBed(db(), nurse, beds[0], parseInput(ZBedPatch, { state: "FREE" }));
    await updateBed(db(), nurse, beds[1], parseInput(ZBedPatch, { state: "OUT_OF_SERVICE" }));
    expect(await err(admit(nurse, patients[1], beds[1]))).toMatchObject({
      code: "BED_OCCUPIED",
      fields: { bedId: "That bed is not free: it is being cleaned or out of service" },
    });
    const second = await admit(nurse, patients[1], beds[0]);
    // An occupied bed changes state only by transfer or discharge; a transfer target must be free.
    expect(
      await err(updateBed(db(), nurse, beds[0], parseInput(ZBedPatch, { state: "OUT_OF_SERVICE" }))),
    ).toMatchObject({ code: "INVALID_TRANSITION" });
    expect(await err(transferPatient(db(), nurse, second.id, beds[1]))).toMatchObject({ code: "BED_OCCUPIED" });
    expect(await bedState(beds[0])).toBe("OCCUPIED");
  });

  it("admits or transfers to no bed of a deactivated ward or room, nor to a deactivated bed; patients there stay", async () => {
    const { id } = await admit(nurse, patients[0], beds[0]);
    const roomId = (await db().bed.findUniqueOrThrow({ where: { id: beds[0] } })).roomId;
    const unavailable = { code: "BED_OCCUPIED", fields: { bedId: expect.any(String) } };

    await updateWard(db(), admin, wardId, { active: false });
    expect(await err(admit(nurse, patients[1], beds[1]))).toMatchObject(unavailable);
    expect(await err(transferPatient(db(), nurse, id, beds[2]))).toMatchObject(unavailable);
    await updateWard(db(), admin, wardId, { active: true });

    await updateRoom(db(), admin, roomId, { active: false });
    expect(await err(admit(nurse, patients[1], beds[1]))).toMatchObject(unavailable);
    await updateRoom(db(), admin, roomId, { active: true });

    await updateBed(db(), admin, beds[1], parseInput(ZBedPatch, { active: false }));
    expect(await err(admit(nurse, patients[1], beds[1]))).toMatchObject(unavailable);
    expect(await bedState(beds[1])).toBe("FREE");
    expect(await db().admission.count({ where: { patientId: patients[1] } })).toBe(0);

    // The patient admitted before stays in bed; everything active again, admissions go ahead.
    expect(await bedState(beds[0])).toBe("OCCUPIED");
    await admit(nurse, patients[1], beds[2]);
    expect(await bedState(beds[2])).toBe("OCCUPIED");
  });

  it("rejects bad admission input field by field and writes nothing", async () => {
    expect(() =>
      parseInput(ZAdmit, {
        patientId: "",
        bedId: beds[0],
        attendingDoctorId: doctorId,
        reason: " ",
        plannedStayDays: 0,
      }),
    ).toThrow(
      expect.objectContaining({
        code: "VALIDATION_FAILED",
        fields: expect.objectContaining({
          patientId: "Choose a patient",
          reason: "Enter the reason for admission",
          plannedStayDays: "Enter a number of days between 1 and 365",
        }),
      }),
    );
    expect(await err(admit(nurse, patients[0], beds[0], { attendingDoctorId: admin.actor.id }))).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { attendingDoctorId: "Choose the attending doctor" },
    });
    expect(await db().admission.count()).toBe(0);
    expect(await bedState(beds[0])).toBe("FREE");
  });

  it("shows the board in wards → rooms → beds with occupancy, and lists admissions by filter", async () => {
    await admit(nurse, patients[0], beds[0]);
    const { id } = await admit(nurse, patients[1], beds[1]);
    await dischargePatient(db(), nurse, id, "Home.");
    await updateBed(db(), admin, beds[3], parseInput(ZBedPatch, { state: "OUT_OF_SERVICE" }));
    const PAGE = { skip: 0, take: 20 };
    const [ward] = (await bedBoard(db(), {}, PAGE)).items;
    expect(ward.occupancy).toEqual({
      total: 4,
      occupied: 1,
      free: 1,
      cleaning: 1,
      outOfService: 1,
      occupancyPct: 33.3,
    });
    expect(ward.rooms[0].beds.map((b) => [b.label, b.state, b.admission?.patientName ?? null])).toEqual([
      ["A", "OCCUPIED", "Pat0 Ient"],
      ["B", "CLEANING", null],
      ["C", "FREE", null],
      ["D", "OUT_OF_SERVICE", null],
    ]);
    const [onlyFree] = (await bedBoard(db(), { state: "FREE" }, PAGE)).items;
    expect(onlyFree.rooms[0].beds.map((b) => b.label)).toEqual(["C"]);
    expect(onlyFree.occupancy.total).toBe(4);
    expect((await listWards(db(), {}, PAGE)).items[0].occupancy.occupied).toBe(1);
    expect((await listAdmissions(db(), admin, { status: "live" }, { skip: 0, take: 20 })).total).toBe(1);
    expect(
      (await listAdmissions(db(), admin, { status: "discharged", wardId, doctorId }, { skip: 0, take: 20 })).items[0]
        .patient.id,
    ).toBe(patients[1]);
  });

  it("records officers admit and list admissions without their reason or discharge summary; clinicians see both", async () => {
    const records = ctxOf(
      await seedUser(db(), { email: "ro@h.org", name: "Records", role: "RECORDS_OFFICER", password: PW }),
      "RECORDS_OFFICER",
    );
    const { id } = await admit(records, patients[0], beds[0], { reason: "Suspected HIV-related pneumonia" });
    await dischargePatient(db(), nurse, id, "CD4 120; started ART.");
    const PAGE = { skip: 0, take: 20 };
    for (const a of [(await listAdmissions(db(), records, {}, PAGE)).items[0], await getAdmission(db(), records, id)]) {
      expect(a).toMatchObject({ id, status: "discharged", patient: { id: patients[0] } });
      expect(a).not.toHaveProperty("reason");
      expect(a).not.toHaveProperty("dischargeSummary");
      expect(JSON.stringify(a)).not.toMatch(/HIV|CD4/);
    }
    for (const ctx of [nurse, admin]) {
      expect((await listAdmissions(db(), ctx, {}, PAGE)).items[0]).toMatchObject({
        reason: "Suspected HIV-related pneumonia",
        dischargeSummary: "CD4 120; started ART.",
      });
      expect(await getAdmission(db(), ctx, id)).toMatchObject({
        reason: "Suspected HIV-related pneumonia",
        dischargeSummary: "CD4 120; started ART.",
      });
    }
  });

  it("sums bed-days occupied and available per ward over a date range (hand-computed fixture)", async () => {
    const zone = env().HOSPITAL_TIMEZONE;
    const day = (d: string, h = 12) => DateTime.fromISO(`${d}T${String(h).padStart(2, "0")}:00`, { zone }).toJSDate();
    const now = vi.spyOn(clock, "now");
    // Patient 0: admitted 2026-03-01 noon in A, moved to B 2026-03-03 noon, discharged 2026-03-06 noon.
    now.mockReturnValue(day("2026-03-01"));
    const { id } = await admit(nurse, patients[0], beds[0]);
    now.mockReturnValue(day("2026-03-03"));
    await transferPatient(db(), nurse, id, beds[1]);
    now.mockReturnValue(day("2026-03-06"));
    await dischargePatient(db(), nurse, id, "Home.");
    // Patient 1: admitted 2026-03-04 at 00:00 in C, still in at "now" = 2026-03-20.
    now.mockReturnValue(day("2026-03-04", 0));
    await admit(nurse, patients[1], beds[2]);
    now.mockReturnValue(day("2026-03-20"));
    // Range 2026-03-02 .. 2026-03-05 (4 days × 4 beds = 16 bed-days available).
    // Patient 0: 03-02 00:00 → 03-06 00:00 = 4 days (across A and B). Patient 1: 03-04 00:00 → 03-06 00:00 = 2 days.
    const r = await occupancyReport(db(), parseInput(ZOccupancyRange, { from: "2026-03-02", to: "2026-03-05" }));
    expect(r.days).toBe(4);
    expect(r.items).toEqual([
      {
        wardId,
        ward: "General Medicine",
        beds: 4,
        occupiedBedDays: 6,
        availableBedDays: 16,
        occupancyPct: 37.5,
        admissions: 1,
        discharges: 0,
      },
    ]);
    const whole = await occupancyReport(db(), { from: "2026-03-01", to: "2026-03-06" });
    expect(whole.total).toMatchObject({ admissions: 2, discharges: 1 });
    expect(() => parseInput(ZOccupancyRange, { from: "2026-03-05", to: "2026-03-01" })).toThrow(
      expect.objectContaining({ fields: { to: "The end date must not be before the start date" } }),
    );
  });
});
