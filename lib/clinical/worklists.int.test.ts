import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { seedDepartment, seedPatient, seedUser } from "@/prisma/builders";
import { doctorPatients } from "@/lib/scheduling/queries";
import { clock } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import type { Ctx } from "@/lib/server/session";
import { parseInput } from "@/lib/server/validation";
import { resetDatabase } from "@/tests/reset";
import { ensureLabCatalogue } from "./lab-catalogue";
import { openChart } from "@/lib/patients/chart";
import { labOrder, timeline } from "./queries";
import { ZLabAmendment, ZLabResult, ZVitals } from "./schemas";
import {
  amendLabResult,
  createConsultation,
  enterLabResult,
  orderLabTests,
  recordVitals,
  reviewLabResult,
} from "./service";
import { ZWardPatch } from "@/lib/wards/schemas";
import { updateWard } from "@/lib/wards/service";
import { myInpatients, nurseWorklist, resultsAwaitingReview, unsignedDrafts } from "./worklists";

const PW = "pw-0123456789";
const ctxOf = (u: { id: string; email: string; name: string }, role: Ctx["actor"]["role"]): Ctx => ({
  actor: { id: u.id, role, name: u.name, email: u.email },
  ip: null,
});
const err = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => e,
  );
const HOUR = 3_600_000;
const t0 = new Date(Date.UTC(2027, 2, 1, 9, 0));
const at = (hours: number) => vi.spyOn(clock, "now").mockReturnValue(new Date(t0.getTime() + hours * HOUR));
const normal = {
  respiratoryRate: 16,
  spo2: 97,
  supplementalOxygen: false,
  systolic: 125,
  diastolic: 80,
  pulse: 72,
  consciousness: "A",
  temperatureC: 36.8,
};

let doctor: Ctx, doctor2: Ctx, nurse: Ctx, surgicalNurse: Ctx;
let patientId: string, otherId: string;
let tests: Record<string, string>;

async function orderOne(code: string, pid = patientId, by = doctor) {
  const [o] = await orderLabTests(db(), by, { patientId: pid, testIds: [tests[code]] });
  return o.id;
}
const result = (orderId: string, input: Record<string, unknown>, by = nurse) =>
  enterLabResult(db(), by, orderId, parseInput(ZLabResult, input));
const amend = async (id: string, input: Record<string, unknown>, by = nurse) =>
  amendLabResult(db(), by, id, parseInput(ZLabAmendment, input));
const auditRows = (entity: string) => db().auditEvent.findMany({ where: { entity }, orderBy: { seq: "asc" } });

describe("lab results: plausible limits, amendments, review", () => {
  beforeEach(async () => {
    await resetDatabase();
    at(0);
    await ensureLabCatalogue(db());
    tests = Object.fromEntries(
      (await db().labTest.findMany({ select: { id: true, code: true } })).map((t) => [t.code, t.id]),
    );
    doctor = ctxOf(await seedUser(db(), { email: "d@h.org", name: "Dr Who", role: "DOCTOR", password: PW }), "DOCTOR");
    doctor2 = ctxOf(
      await seedUser(db(), { email: "d2@h.org", name: "Dr Other", role: "DOCTOR", password: PW }),
      "DOCTOR",
    );
    nurse = ctxOf(await seedUser(db(), { email: "n@h.org", name: "Nurse Joy", role: "NURSE", password: PW }), "NURSE");
    patientId = (
      await seedPatient(db(), { firstName: "Ada", lastName: "Byron", dateOfBirth: "1950-03-01", sex: "female" })
    ).id;
    otherId = (
      await seedPatient(db(), { firstName: "Alan", lastName: "Turing", dateOfBirth: "1952-06-23", sex: "male" })
    ).id;
  });
  afterEach(() => vi.restoreAllMocks());

  it("refuses a white cell count of −3 on the value field and writes nothing; 0 is a result", async () => {
    const orderId = await orderOne("WBC");
    const e = await err(result(orderId, { value: -3 }));
    expect(e).toMatchObject({ code: "VALIDATION_FAILED", fields: { value: expect.stringContaining("0–1000") } });
    expect(await db().labResult.count()).toBe(0);
    expect((await db().labOrder.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("ORDERED");
    const sodium = await orderOne("NA");
    expect(await err(result(sodium, { value: 1400 }))).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { value: expect.stringContaining("80–220") },
    });
    expect(await result(orderId, { value: 0 })).toMatchObject({ value: 0, flag: "LOW" });
  });

  it("an amendment keeps the original (who, when) and says who corrected it, when and why; the order shows the amended value", async () => {
    const orderId = await orderOne("K");
    const first = await result(orderId, { value: 6.2 });
    expect(first.flag).toBe("HIGH");
    at(2);
    expect(await err(amend(first.id, { value: -1, reason: "typo" }))).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { value: expect.any(String) },
    });
    expect(await err(amend(first.id, { value: 6.2, reason: "  " }))).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { reason: expect.any(String) },
    });
    const fixed = await amend(first.id, { value: 4.2, reason: "Haemolysed sample, re-run" }, doctor);
    expect(fixed).toMatchObject({
      value: 4.2,
      flag: "NORMAL",
      amendsId: first.id,
      amendReason: "Haemolysed sample, re-run",
      unit: "mmol/L",
      refLow: 3.5,
      refHigh: 5.1,
    });
    const original = await db().labResult.findUniqueOrThrow({ where: { id: first.id } });
    expect(original).toMatchObject({ value: 6.2, flag: "HIGH", enteredById: nurse.actor.id, resultedAt: t0 });
    expect(await db().labResult.findUniqueOrThrow({ where: { id: fixed.id } })).toMatchObject({
      enteredById: doctor.actor.id,
      resultedAt: new Date(t0.getTime() + 2 * HOUR),
    });
    const events = await timeline(db(), await openChart(db(), doctor, patientId), { page: 1, pageSize: 10 });
    expect(events.items.filter((e) => e.kind === "lab_result").map((e) => e.summary)).toEqual([
      "Potassium: 4.2 mmol/L (amended: Haemolysed sample, re-run)",
      "Potassium: 6.2 mmol/L",
    ]);
    const shown = await labOrder(db(), doctor, orderId);
    expect(shown.result).toMatchObject({
      id: fixed.id,
      value: 4.2,
      amended: { value: 6.2, flag: "HIGH", by: "Nurse Joy", reason: "Haemolysed sample, re-run" },
    });
    // Only the latest is corrected; the original once.
    expect(await err(amend(first.id, { value: 4.3, reason: "again" }))).toMatchObject({ code: "INVALID_TRANSITION" });
    expect(await amend(fixed.id, { value: 4.3, reason: "Re-run" })).toMatchObject({ amendsId: fixed.id });
    const [upd] = (await auditRows("LabResult")).filter((r) => r.action === "UPDATE");
    expect(upd).toMatchObject({
      entityId: first.id,
      patientId,
      actorId: doctor.actor.id,
      details: {
        reason: "Haemolysed sample, re-run",
        changes: { value: { from: 6.2, to: 4.2 }, flag: { from: "HIGH", to: "NORMAL" } },
      },
    });
  });

  it("two amendments of the same result racing: one wins, the other is a conflict", async () => {
    const first = await result(await orderOne("HGB"), { value: 1.3 });
    const outcomes = await Promise.allSettled([
      amend(first.id, { value: 13, reason: "a" }),
      amend(first.id, { value: 13.1, reason: "b" }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({ reason: { code: "INVALID_TRANSITION" } });
  });

  it("the doctor's abnormal results awaiting review: own orders, latest result, until reviewed (who, when; once); audited per patient", async () => {
    const k = await result(await orderOne("K"), { value: 6.2 });
    const hgb = await result(await orderOne("HGB"), { value: 13.1 });
    const other = await result(await orderOne("CRP", otherId), { value: 40 });
    const notMine = await result(await orderOne("NA", patientId, doctor2), { value: 150 });
    expect(hgb.flag).toBe("NORMAL");
    const list = await resultsAwaitingReview(db(), doctor);
    expect(list.map((r) => r.id)).toEqual([k.id, other.id]);
    expect(list[0]).toMatchObject({
      test: "Potassium",
      value: 6.2,
      flag: "HIGH",
      patient: { id: patientId, name: "Ada Byron" },
    });
    expect((await resultsAwaitingReview(db(), doctor2)).map((r) => r.id)).toEqual([notMine.id]);
    const views = (await auditRows("LabResult")).filter((r) => r.action === "VIEW" && r.actorId === doctor.actor.id);
    expect(views.map((v) => v.patientId)).toEqual([patientId, otherId]);

    at(1);
    expect(await reviewLabResult(db(), doctor, k.id)).toMatchObject({ id: k.id, reviewedBy: { id: doctor.actor.id } });
    expect(await db().labResult.findUniqueOrThrow({ where: { id: k.id } })).toMatchObject({
      reviewedById: doctor.actor.id,
      reviewedAt: new Date(t0.getTime() + HOUR),
    });
    expect(await err(reviewLabResult(db(), doctor, k.id))).toMatchObject({ code: "INVALID_TRANSITION" });
    expect(await err(reviewLabResult(db(), doctor, "nope"))).toMatchObject({ code: "NOT_FOUND" });
    expect((await resultsAwaitingReview(db(), doctor)).map((r) => r.id)).toEqual([other.id]);
    expect(
      (await auditRows("LabResult")).some(
        (r) => r.action === "UPDATE" && r.entityId === k.id && r.actorId === doctor.actor.id,
      ),
    ).toBe(true);

    // A corrected result is reviewed again; the superseded one cannot be.
    const fixed = await amend(other.id, { value: 60, reason: "Re-run" });
    expect((await resultsAwaitingReview(db(), doctor)).map((r) => ({ id: r.id, amended: r.amended }))).toEqual([
      { id: fixed.id, amended: true },
    ]);
    expect(await err(reviewLabResult(db(), doctor, other.id))).toMatchObject({ code: "INVALID_TRANSITION" });
  });
});

describe("home-page worklists", () => {
  let wardId: string, surgicalWardId: string;
  beforeEach(async () => {
    await resetDatabase();
    at(0);
    const medicine = await seedDepartment(db(), "Medicine");
    const surgery = await seedDepartment(db(), "Surgery");
    doctor = ctxOf(
      await seedUser(db(), {
        email: "d@h.org",
        name: "Dr Who",
        role: "DOCTOR",
        password: PW,
        departmentId: medicine.id,
      }),
      "DOCTOR",
    );
    doctor2 = ctxOf(
      await seedUser(db(), { email: "d2@h.org", name: "Dr Other", role: "DOCTOR", password: PW }),
      "DOCTOR",
    );
    nurse = ctxOf(
      await seedUser(db(), {
        email: "n@h.org",
        name: "Nurse Joy",
        role: "NURSE",
        password: PW,
        departmentId: medicine.id,
      }),
      "NURSE",
    );
    surgicalNurse = ctxOf(
      await seedUser(db(), {
        email: "sn@h.org",
        name: "Nurse Cut",
        role: "NURSE",
        password: PW,
        departmentId: surgery.id,
      }),
      "NURSE",
    );
    patientId = (
      await seedPatient(db(), { firstName: "Ada", lastName: "Byron", dateOfBirth: "1950-03-01", sex: "female" })
    ).id;
    otherId = (
      await seedPatient(db(), { firstName: "Alan", lastName: "Turing", dateOfBirth: "1952-06-23", sex: "male" })
    ).id;
    const third = (
      await seedPatient(db(), { firstName: "Grace", lastName: "Hopper", dateOfBirth: "1946-12-09", sex: "female" })
    ).id;
    const ward = await db().ward.create({
      data: { name: "Medicine A", type: "GENERAL", departmentId: medicine.id, observationHours: 8 },
    });
    wardId = ward.id;
    surgicalWardId = (
      await db().ward.create({ data: { name: "Surgery B", type: "SURGICAL", departmentId: surgery.id } })
    ).id;
    const room = await db().room.create({ data: { wardId, name: "Room 1", type: "SHARED", capacity: 4 } });
    const sroom = await db().room.create({
      data: { wardId: surgicalWardId, name: "Room 1", type: "SHARED", capacity: 4 },
    });
    const bed = (label: string, roomId = room.id, state: "FREE" | "OCCUPIED" | "CLEANING" = "OCCUPIED") =>
      db().bed.create({ data: { roomId, label, state } });
    const admit = async (pid: string, bedId: string, doctorId: string) => {
      const adm = await db().admission.create({
        data: {
          patientId: pid,
          attendingDoctorId: doctorId,
          reason: "Observation",
          admittedById: doctorId,
          admittedAt: t0,
        },
      });
      await db().bedAssignment.create({ data: { admissionId: adm.id, bedId, startsAt: t0 } });
    };
    await admit(patientId, (await bed("B")).id, doctor.actor.id);
    await admit(otherId, (await bed("A")).id, doctor.actor.id);
    await admit(third, (await bed("A", sroom.id)).id, doctor2.actor.id);
    await bed("C", room.id, "CLEANING");
    await bed("D", room.id, "FREE");
  });
  afterEach(() => vi.restoreAllMocks());

  it("the nurse's ward by bed: latest NEWS2, last vitals, vitals due from the ward frequency and the score; beds to clean; audited per patient", async () => {
    await recordVitals(db(), nurse, patientId, parseInput(ZVitals, normal));
    at(1);
    // RR 22 (2), pulse 115 (2), temperature 38.5 (1): 5, medium → hourly.
    await recordVitals(
      db(),
      nurse,
      otherId,
      parseInput(ZVitals, { ...normal, respiratoryRate: 22, pulse: 115, temperatureC: 38.5 }),
    );
    at(1.5);
    const [ward, ...rest] = await nurseWorklist(db(), nurse);
    expect(rest).toEqual([]);
    expect(ward).toMatchObject({ id: wardId, observationHours: 8 });
    expect(ward.patients.map((p) => [p.bed, p.patient.name])).toEqual([
      ["A", "Alan Turing"],
      ["B", "Ada Byron"],
    ]);
    const [alan, ada] = ward.patients;
    expect(alan).toMatchObject({ news2: { score: 5, band: "medium" }, due: { state: "due" } });
    expect(new Date(alan.due.at!).getTime()).toBe(t0.getTime() + 2 * HOUR);
    expect(alan.abnormal.map((a) => a.field).sort()).toEqual(["pulse", "respiratoryRate", "temperatureC"]);
    // Score 0 on an 8-hourly ward: the ward's 8 h (more often than the chart's 12 h minimum).
    expect(ada).toMatchObject({ news2: { score: 0, band: "low" }, due: { state: "due" }, abnormal: [] });
    expect(new Date(ada.due.at!).getTime()).toBe(t0.getTime() + 8 * HOUR);
    expect(ward.toClean.map((b) => b.bed)).toEqual(["C"]);
    at(2.5);
    expect((await nurseWorklist(db(), nurse))[0].patients[0].due.state).toBe("overdue");
    const views = (await auditRows("VitalSign")).filter((r) => r.action === "VIEW" && r.actorId === nurse.actor.id);
    expect(new Set(views.map((v) => v.patientId))).toEqual(new Set([patientId, otherId]));
    // The surgical nurse sees her ward only; a never-observed patient is due now.
    const [surgical] = await nurseWorklist(db(), surgicalNurse);
    expect(surgical).toMatchObject({ id: surgicalWardId, observationHours: 12 });
    expect(surgical.patients).toMatchObject([
      { patient: { name: "Grace Hopper" }, news2: null, lastVitalsAt: null, due: { state: "overdue", at: null } },
    ]);
  });

  it("the doctor's inpatients (highest NEWS2 first), unsigned drafts and patients from visits, consultations and admissions", async () => {
    await recordVitals(db(), nurse, otherId, parseInput(ZVitals, { ...normal, respiratoryRate: 25 }));
    const inpatients = await myInpatients(db(), doctor);
    expect(inpatients.map((i) => [i.patient.name, i.news2?.score ?? null, i.bed?.label])).toEqual([
      ["Alan Turing", 3, "A"],
      ["Ada Byron", null, "B"],
    ]);
    expect(inpatients[0]).toMatchObject({
      news2: { band: "low-medium" },
      abnormal: [{ field: "respiratoryRate", flag: "HIGH" }],
    });
    const walkIn = (
      await seedPatient(db(), { firstName: "Walk", lastName: "In", dateOfBirth: "1990-01-01", sex: "male" })
    ).id;
    at(3);
    const c = await createConsultation(db(), doctor, { patientId: walkIn, diagnoses: [] });
    expect((await unsignedDrafts(db(), doctor)).map((d) => d.id)).toEqual([c.id]);
    expect(await unsignedDrafts(db(), doctor2)).toEqual([]);
    // No appointment at all: the walk-in (consultation) and the two inpatients (admissions) are the doctor's.
    expect((await doctorPatients(db(), doctor.actor.id))[0].name).toBe("Walk In");
    expect(new Set((await doctorPatients(db(), doctor.actor.id)).map((p) => p.name))).toEqual(
      new Set(["Walk In", "Ada Byron", "Alan Turing"]),
    );
  });

  it("the doctor's patients: a visit counts once it has started, never a cancelled or missed one; the last contact is never in the future", async () => {
    at(10);
    const seen = (first: string) =>
      seedPatient(db(), { firstName: first, lastName: "Visit", dateOfBirth: "1980-01-01", sex: "female" });
    const [past, future, cancelled, missed] = await Promise.all(["Past", "Future", "Cancelled", "Missed"].map(seen));
    const visit = (patientId: string, hours: number, status: "COMPLETED" | "BOOKED" | "CANCELLED" | "NO_SHOW") =>
      db().appointment.create({
        data: {
          patientId,
          doctorId: doctor.actor.id,
          startsAt: new Date(t0.getTime() + hours * HOUR),
          endsAt: new Date(t0.getTime() + hours * HOUR + HOUR / 4),
          status,
        },
      });
    await visit(past.id, 9, "COMPLETED");
    await visit(future.id, 30, "BOOKED");
    await visit(cancelled.id, 8, "CANCELLED");
    await visit(missed.id, 7, "NO_SHOW");
    // Ada Byron, admitted at t0 under this doctor, also has a visit booked for tomorrow.
    await visit(patientId, 34, "BOOKED");
    const mine = await doctorPatients(db(), doctor.actor.id);
    expect(mine[0].name).toBe("Past Visit");
    expect(new Set(mine.map((p) => p.name))).toEqual(new Set(["Past Visit", "Alan Turing", "Ada Byron"]));
    expect(mine.every((p) => new Date(p.lastAt).getTime() <= t0.getTime() + 10 * HOUR)).toBe(true);
    expect(new Date(mine.find((p) => p.name === "Ada Byron")!.lastAt).getTime()).toBe(t0.getTime());
  });

  it("the ward's observation frequency: an admin edits it (1–24 h, audited); the database refuses anything else", async () => {
    const admin = ctxOf(
      await seedUser(db(), { email: "a@h.org", name: "Admin", role: "ADMIN", password: PW }),
      "ADMIN",
    );
    expect(() => parseInput(ZWardPatch, { observationHours: 0 })).toThrow();
    expect(() => parseInput(ZWardPatch, { observationHours: 4.5 })).toThrow();
    expect(() => parseInput(ZWardPatch, { observationHours: "6" })).toThrow();
    await updateWard(db(), admin, wardId, parseInput(ZWardPatch, { observationHours: 4 }));
    expect((await db().ward.findUniqueOrThrow({ where: { id: wardId } })).observationHours).toBe(4);
    expect((await auditRows("Ward")).at(-1)).toMatchObject({
      action: "UPDATE",
      entityId: wardId,
      details: { observationHours: 4 },
    });
    expect(await err(db().ward.update({ where: { id: wardId }, data: { observationHours: 25 } }))).toBeTruthy();
    // Never observed: due now whatever the ward's frequency.
    expect((await nurseWorklist(db(), nurse))[0]).toMatchObject({
      observationHours: 4,
      patients: [{ due: { state: "overdue" } }, { due: { state: "overdue" } }],
    });
  });
});
