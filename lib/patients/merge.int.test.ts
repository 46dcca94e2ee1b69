import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { seedPatient, seedUser } from "@/prisma/builders";
import { toPatient } from "@/lib/fhir/mappers";
import { visiblePatient } from "@/lib/fhir/queries";
import { clock } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import type { AppError } from "@/lib/server/errors";
import type { Ctx } from "@/lib/server/session";
import { resetDatabase } from "@/tests/reset";
import { MERGE_HANDLING, mergePatients, patientReferences, survivorOf, undoMerge } from "./merge";
import { listPatients } from "./queries";

const PW = "pw-0123456789";
let records: Ctx, admin: Ctx, doctor: Ctx, nurse: Ctx, pharmacist: Ctx;
const refused = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => e,
  );
const query = (q: string) => ({
  q,
  page: 1,
  pageSize: 20,
  skip: 0,
  take: 20,
  sort: { field: "lastName" as const, dir: "asc" as const },
});
const at = (iso: string) => new Date(iso);

async function people() {
  const survivor = await seedPatient(db(), {
    firstName: "Awa",
    lastName: "Diallo",
    dateOfBirth: "1980-02-03",
    sex: "female",
    phone: "+221770000001",
  });
  const duplicate = await seedPatient(db(), {
    firstName: "Awa",
    lastName: "Dialo",
    dateOfBirth: "1980-02-03",
    sex: "female",
  });
  return { survivor, duplicate };
}

/** One row of every kind on the duplicate (and its children), returning their ids. */
async function seedEverything(patientId: string) {
  const p = db();
  const dept = await p.department.create({ data: { name: `Medicine ${patientId}` } });
  const allergy = await p.allergy.create({
    data: { patientId, substance: "Penicillin", drugClass: "penicillin", severity: "severe", reaction: "rash" },
  });
  const condition = await p.condition.create({ data: { patientId, text: "Hypertension", code: "I10" } });
  const appt = await p.appointment.create({
    data: {
      patientId,
      doctorId: doctor.actor.id,
      startsAt: at("2026-01-10T09:00:00Z"),
      endsAt: at("2026-01-10T09:30:00Z"),
      status: "COMPLETED",
    },
  });
  const signedAt = at("2026-01-10T10:00:00Z");
  const consultation = await p.consultation.create({
    data: {
      patientId,
      doctorId: doctor.actor.id,
      appointmentId: appt.id,
      assessment: "well",
      signedAt,
      signedById: doctor.actor.id,
      lockedAt: signedAt,
      diagnoses: { create: { code: "I10", description: "Hypertension" } },
    },
  });
  const addendum = await p.addendum.create({
    data: { patientId, consultationId: consultation.id, authorId: doctor.actor.id, text: "later note" },
  });
  const vital = await p.vitalSign.create({
    data: { patientId, recordedById: nurse.actor.id, pulse: 80, lockedAt: signedAt },
  });
  const note = await p.nurseNote.create({
    data: {
      patientId,
      authorId: nurse.actor.id,
      shift: "DAY",
      category: "CARE",
      text: "slept well",
      lockedAt: signedAt,
    },
  });
  const test = await p.labTest.create({ data: { code: `GLU-${patientId}`, name: "Glucose" } });
  const lab = await p.labOrder.create({ data: { patientId, orderedById: doctor.actor.id, testId: test.id } });
  const drug = await p.drug.create({
    data: { genericName: "Paracetamol", form: "tablet", strength: "500 mg", drugClass: "analgesic" },
  });
  const rx = await p.prescription.create({
    data: {
      patientId,
      prescriberId: doctor.actor.id,
      token: `tok-${patientId}`,
      expiresAt: at("2026-02-10T00:00:00Z"),
      items: { create: { drugId: drug.id, dose: "1", route: "oral", frequency: "tid", durationDays: 3, quantity: 9 } },
    },
  });
  const dispense = await p.dispense.create({ data: { prescriptionId: rx.id, pharmacistId: pharmacist.actor.id } });
  const ward = await p.ward.create({ data: { name: `Ward ${patientId}`, type: "GENERAL" } });
  const room = await p.room.create({ data: { wardId: ward.id, name: "1", type: "SHARED", capacity: 2 } });
  const bed = await p.bed.create({ data: { roomId: room.id, label: "1A" } });
  const triage = await p.triage.create({
    data: { patientId, problem: "chest pain", source: "rules", confidence: 0.9, createdById: nurse.actor.id },
  });
  const admission = await p.admission.create({
    data: {
      patientId,
      attendingDoctorId: doctor.actor.id,
      admittedById: nurse.actor.id,
      reason: "obs",
      departmentId: dept.id,
      triageId: triage.id,
      admittedAt: at("2026-01-01T00:00:00Z"),
      dischargedAt: at("2026-01-03T00:00:00Z"),
    },
  });
  await p.bedAssignment.create({
    data: {
      admissionId: admission.id,
      bedId: bed.id,
      startsAt: at("2026-01-01T00:00:00Z"),
      endsAt: at("2026-01-03T00:00:00Z"),
    },
  });
  const invoice = await p.invoice.create({ data: { patientId, currency: "XOF", createdById: records.actor.id } });
  const payment = await p.payment.create({
    data: { invoiceId: invoice.id, amount: 1000, method: "CASH", receivedById: records.actor.id },
  });
  const exp = await p.export.create({ data: { kind: "treatment-history", requesterId: records.actor.id, patientId } });
  const older = await seedPatient(p, {
    firstName: "Awa",
    lastName: "Dyallo",
    dateOfBirth: "1980-02-03",
    sex: "female",
  });
  await p.patient.update({ where: { id: older.id }, data: { mergedIntoId: patientId, active: false } });
  return {
    allergy,
    condition,
    appt,
    consultation,
    addendum,
    vital,
    note,
    lab,
    rx,
    dispense,
    admission,
    triage,
    invoice,
    payment,
    exp,
    older,
  };
}

describe("patient merge", () => {
  beforeEach(async () => {
    await resetDatabase();
    const mk = async (role: "RECORDS_OFFICER" | "ADMIN" | "DOCTOR" | "NURSE" | "PHARMACIST") => {
      const u = await seedUser(db(), { email: `${role}@h.org`, name: role, role, password: PW });
      return { actor: { id: u.id, role, name: role, email: u.email }, ip: "10.1.1.1" } as Ctx;
    };
    [records, admin, doctor, nurse, pharmacist] = [
      await mk("RECORDS_OFFICER"),
      await mk("ADMIN"),
      await mk("DOCTOR"),
      await mk("NURSE"),
      await mk("PHARMACIST"),
    ];
  });
  afterEach(() => vi.restoreAllMocks());

  it("handles every column of the database that refers to a patient (a new table must be added to MERGE_HANDLING)", async () => {
    const refs = await patientReferences(db());
    // The known ones are found (the discovery works) …
    expect(refs).toEqual(
      expect.arrayContaining([
        "Appointment.patientId",
        "Addendum.patientId",
        "Export.patientId",
        "Patient.mergedIntoId",
        "AuditEvent.patientId",
      ]),
    );
    // … and none is missing from the map.
    expect(refs.filter((r) => !(r in MERGE_HANDLING))).toEqual([]);
    // A table added without handling is caught.
    await db().$executeRawUnsafe(
      `CREATE TABLE "MergeProbe" (id text PRIMARY KEY, "patientId" text REFERENCES "Patient"(id))`,
    );
    try {
      expect((await patientReferences(db())).filter((r) => !(r in MERGE_HANDLING))).toEqual(["MergeProbe.patientId"]);
    } finally {
      await db().$executeRawUnsafe(`DROP TABLE "MergeProbe"`);
    }
  });

  it("moves every kind of row to the survivor in one merge, leaves signed records as they were, and audits both MRNs", async () => {
    const { survivor, duplicate } = await people();
    const rows = await seedEverything(duplicate.id);
    // The survivor already has the same allergy: it is not copied twice.
    await db().allergy.create({
      data: { patientId: survivor.id, substance: " penicillin ", severity: "severe", reaction: "Rash" },
    });
    const before = await db().consultation.findUniqueOrThrow({ where: { id: rows.consultation.id } });
    const vitalBefore = await db().vitalSign.findUniqueOrThrow({ where: { id: rows.vital.id } });

    const preview = await mergePatients(db(), records, survivor.id, duplicate.id, { preview: true });
    expect(preview.merged).toBe(false);
    expect(preview.plan.conflicts).toEqual([]);
    const byKind = Object.fromEntries(preview.plan.moves.map((m) => [m.kind, m]));
    expect(byKind.allergies).toEqual({ kind: "allergies", count: 0, alreadyOnSurvivor: 1 });
    for (const k of [
      "conditions",
      "appointments",
      "consultations",
      "addenda",
      "vitals",
      "nurseNotes",
      "labOrders",
      "prescriptions",
      "admissions",
      "triage",
      "invoices",
      "exports",
      "aliases",
    ])
      expect(byKind[k].count, k).toBe(1);
    // A preview writes nothing but its audit rows.
    expect(await db().appointment.count({ where: { patientId: survivor.id } })).toBe(0);

    const result = await mergePatients(db(), records, survivor.id, duplicate.id);
    expect(result.merged).toBe(true);
    const s = survivor.id;
    const p = db();
    expect((await p.condition.findUniqueOrThrow({ where: { id: rows.condition.id } })).patientId).toBe(s);
    expect((await p.appointment.findUniqueOrThrow({ where: { id: rows.appt.id } })).patientId).toBe(s);
    expect((await p.addendum.findUniqueOrThrow({ where: { id: rows.addendum.id } })).patientId).toBe(s);
    expect((await p.nurseNote.findUniqueOrThrow({ where: { id: rows.note.id } })).patientId).toBe(s);
    expect((await p.labOrder.findUniqueOrThrow({ where: { id: rows.lab.id } })).patientId).toBe(s);
    expect((await p.prescription.findUniqueOrThrow({ where: { id: rows.rx.id } })).patientId).toBe(s);
    expect((await p.admission.findUniqueOrThrow({ where: { id: rows.admission.id } })).patientId).toBe(s);
    expect((await p.triage.findUniqueOrThrow({ where: { id: rows.triage.id } })).patientId).toBe(s);
    expect((await p.invoice.findUniqueOrThrow({ where: { id: rows.invoice.id } })).patientId).toBe(s);
    expect((await p.export.findUniqueOrThrow({ where: { id: rows.exp.id } })).patientId).toBe(s);
    expect((await p.patient.findUniqueOrThrow({ where: { id: rows.older.id } })).mergedIntoId).toBe(s);
    // Children follow their parents.
    expect(
      (await p.dispense.findUniqueOrThrow({ where: { id: rows.dispense.id }, include: { prescription: true } }))
        .prescription.patientId,
    ).toBe(s);
    expect(
      (await p.payment.findUniqueOrThrow({ where: { id: rows.payment.id }, include: { invoice: true } })).invoice
        .patientId,
    ).toBe(s);
    // The duplicate allergy stayed on the duplicate record; the survivor has one penicillin allergy.
    expect((await p.allergy.findUniqueOrThrow({ where: { id: rows.allergy.id } })).patientId).toBe(duplicate.id);
    expect(await p.allergy.count({ where: { patientId: s } })).toBe(1);
    // Signed and locked records: author, times, signature and lock unchanged (only patientId moved).
    const after = await p.consultation.findUniqueOrThrow({ where: { id: rows.consultation.id } });
    expect({ ...after, patientId: before.patientId }).toEqual(before);
    const vitalAfter = await p.vitalSign.findUniqueOrThrow({ where: { id: rows.vital.id } });
    expect({ ...vitalAfter, patientId: vitalBefore.patientId }).toEqual(vitalBefore);
    // The duplicate stays, inactive, merged into the survivor.
    const dup = await p.patient.findUniqueOrThrow({ where: { id: duplicate.id } });
    expect(dup).toMatchObject({ active: false, mergedIntoId: s });
    expect(dup.deactivationReason).toContain(survivor.mrn);
    expect(await survivorOf(p, duplicate.id)).toEqual({ id: s, mrn: survivor.mrn });
    // The audit names both MRNs, on both records.
    const events = await p.auditEvent.findMany({ where: { entity: "PatientMerge", action: "UPDATE" } });
    expect(events.map((e) => e.patientId).sort()).toEqual([s, duplicate.id].sort());
    for (const e of events)
      expect(e.details).toMatchObject({ survivorMrn: survivor.mrn, duplicateMrn: duplicate.mrn, merge: "merged" });
    // Merged once: a second merge of the same duplicate is refused.
    expect((await refused(mergePatients(db(), records, survivor.id, duplicate.id)))?.code).toBe("INVALID_TRANSITION");
  });

  it("lists overlapping live appointments, overlapping stays and two accounts as conflicts that block the merge", async () => {
    const { survivor, duplicate } = await people();
    const slot = { startsAt: at("2027-03-01T09:00:00Z"), endsAt: at("2027-03-01T09:30:00Z") };
    const a1 = await db().appointment.create({ data: { patientId: survivor.id, doctorId: doctor.actor.id, ...slot } });
    const a2 = await db().appointment.create({ data: { patientId: duplicate.id, doctorId: admin.actor.id, ...slot } });
    await db().admission.create({
      data: {
        patientId: survivor.id,
        attendingDoctorId: doctor.actor.id,
        admittedById: nurse.actor.id,
        reason: "x",
        admittedAt: at("2027-01-01T00:00:00Z"),
      },
    });
    await db().admission.create({
      data: {
        patientId: duplicate.id,
        attendingDoctorId: doctor.actor.id,
        admittedById: nurse.actor.id,
        reason: "y",
        admittedAt: at("2027-01-05T00:00:00Z"),
      },
    });
    const u1 = await seedUser(db(), { email: "p1@h.org", name: "P1", role: "PATIENT", password: PW });
    const u2 = await seedUser(db(), { email: "p2@h.org", name: "P2", role: "PATIENT", password: PW });
    await db().patient.update({ where: { id: survivor.id }, data: { userId: u1.id } });
    await db().patient.update({ where: { id: duplicate.id }, data: { userId: u2.id } });

    const { plan } = await mergePatients(db(), records, survivor.id, duplicate.id, { preview: true });
    expect(plan.conflicts.map((c) => c.kind)).toEqual(["appointment", "admission", "accounts"]);
    expect(plan.conflicts[0]).toMatchObject({ duplicateRowId: a2.id, survivorRowId: a1.id });
    const err = await refused(mergePatients(db(), records, survivor.id, duplicate.id));
    expect(err?.code).toBe("MERGE_CONFLICT");
    expect((err!.details as { conflicts: unknown[] }).conflicts).toHaveLength(3);
    // Nothing was written.
    expect((await db().appointment.findUniqueOrThrow({ where: { id: a2.id } })).patientId).toBe(duplicate.id);
    expect((await db().patient.findUniqueOrThrow({ where: { id: duplicate.id } })).mergedIntoId).toBeNull();
    expect(await db().patientMerge.count()).toBe(0);

    // Resolved (the appointment cancelled, the stay discharged before, one account unlinked): the merge goes through.
    await db().appointment.update({ where: { id: a2.id }, data: { status: "CANCELLED" } });
    await db().admission.updateMany({
      where: { patientId: duplicate.id },
      data: { admittedAt: at("2026-12-01T00:00:00Z"), dischargedAt: at("2026-12-03T00:00:00Z") },
    });
    await db().patient.update({ where: { id: survivor.id }, data: { userId: null } });
    const r = await mergePatients(db(), records, survivor.id, duplicate.id);
    expect(r.merged).toBe(true);
    // The duplicate's account now opens the survivor.
    expect((await db().patient.findUniqueOrThrow({ where: { id: survivor.id } })).userId).toBe(u2.id);
    expect((await db().patient.findUniqueOrThrow({ where: { id: duplicate.id } })).userId).toBeNull();
  });

  it("finds the survivor by the merged record's MRN (patient list and header search), and FHIR links both", async () => {
    const { survivor, duplicate } = await people();
    await mergePatients(db(), records, survivor.id, duplicate.id);
    for (const q of [duplicate.mrn, duplicate.mrn.toLowerCase(), duplicate.mrn.replace("H-", "")]) {
      const found = await listPatients(db(), query(q));
      expect(
        found.items.map((i) => i.id),
        q,
      ).toEqual([survivor.id]);
    }
    const fhirDup = await visiblePatient(db(), doctor, duplicate.id);
    expect(fhirDup?.link).toEqual([{ other: { reference: `Patient/${survivor.id}` }, type: "replaced-by" }]);
    expect(fhirDup?.active).toBe(false);
    const fhirSurv = await visiblePatient(db(), doctor, survivor.id);
    expect(fhirSurv?.link).toEqual([{ other: { reference: `Patient/${duplicate.id}` }, type: "replaces" }]);
    expect(toPatient({ ...(await db().patient.findUniqueOrThrow({ where: { id: survivor.id } })) })).not.toHaveProperty(
      "link",
    );
  });

  it("undoes a merge exactly (admins, within 30 days, while nothing new was recorded)", async () => {
    const { survivor, duplicate } = await people();
    const rows = await seedEverything(duplicate.id);
    const own = await db().condition.create({ data: { patientId: survivor.id, text: "Asthma" } });
    const u = await seedUser(db(), { email: "p@h.org", name: "P", role: "PATIENT", password: PW });
    await db().patient.update({ where: { id: duplicate.id }, data: { userId: u.id } });
    const r = await mergePatients(db(), records, survivor.id, duplicate.id);
    if (!r.merged) throw new Error("not merged");

    // Not a records officer's, and not after 30 days.
    expect((await refused(undoMerge(db(), records, survivor.id, r.mergeId)))?.code).toBe("NOT_FOUND");
    vi.spyOn(clock, "now").mockReturnValue(new Date(Date.now() + 31 * 86_400_000));
    expect((await refused(undoMerge(db(), admin, survivor.id, r.mergeId)))?.code).toBe("INVALID_TRANSITION");
    vi.restoreAllMocks();

    await undoMerge(db(), admin, survivor.id, r.mergeId);
    const p = db();
    expect((await p.appointment.findUniqueOrThrow({ where: { id: rows.appt.id } })).patientId).toBe(duplicate.id);
    expect((await p.consultation.findUniqueOrThrow({ where: { id: rows.consultation.id } })).patientId).toBe(
      duplicate.id,
    );
    expect((await p.condition.findUniqueOrThrow({ where: { id: rows.condition.id } })).patientId).toBe(duplicate.id);
    expect((await p.patient.findUniqueOrThrow({ where: { id: rows.older.id } })).mergedIntoId).toBe(duplicate.id);
    expect((await p.condition.findUniqueOrThrow({ where: { id: own.id } })).patientId).toBe(survivor.id);
    expect(await p.patient.findUniqueOrThrow({ where: { id: duplicate.id } })).toMatchObject({
      active: true,
      mergedIntoId: null,
      userId: u.id,
      deactivationReason: null,
    });
    expect((await p.patient.findUniqueOrThrow({ where: { id: survivor.id } })).userId).toBeNull();
    expect((await p.patientMerge.findUniqueOrThrow({ where: { id: r.mergeId } })).undoneAt).not.toBeNull();
    expect((await refused(undoMerge(db(), admin, survivor.id, r.mergeId)))?.code).toBe("INVALID_TRANSITION");
    const undone = await p.auditEvent.findMany({
      where: { entity: "PatientMerge", details: { path: ["merge"], equals: "undone" } },
    });
    expect(undone).toHaveLength(2);
    // The pair can be merged again.
    expect((await mergePatients(db(), records, survivor.id, duplicate.id)).merged).toBe(true);
  });

  it("refuses to undo once something new was recorded on the survivor", async () => {
    const { survivor, duplicate } = await people();
    await db().condition.create({ data: { patientId: duplicate.id, text: "Asthma" } });
    const r = await mergePatients(db(), records, survivor.id, duplicate.id);
    if (!r.merged) throw new Error("not merged");
    await db().allergy.create({ data: { patientId: survivor.id, substance: "Latex" } });
    const err = await refused(undoMerge(db(), admin, survivor.id, r.mergeId));
    expect(err?.code).toBe("INVALID_TRANSITION");
    expect((await db().patient.findUniqueOrThrow({ where: { id: duplicate.id } })).mergedIntoId).toBe(survivor.id);
  });

  it("is for records officers and admins only; bad pairs are refused", async () => {
    const { survivor, duplicate } = await people();
    for (const ctx of [doctor, nurse, pharmacist])
      expect((await refused(mergePatients(db(), ctx, survivor.id, duplicate.id, { preview: true })))?.code).toBe(
        "NOT_FOUND",
      );
    expect((await refused(mergePatients(db(), records, survivor.id, survivor.id)))?.code).toBe("VALIDATION_FAILED");
    expect((await refused(mergePatients(db(), records, survivor.id, "nope")))?.code).toBe("NOT_FOUND");
    expect((await mergePatients(db(), admin, survivor.id, duplicate.id, { preview: true })).merged).toBe(false);
    expect(await db().patientMerge.count()).toBe(0);
  });
});
