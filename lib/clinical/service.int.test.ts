import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { seedPatient, seedUser } from "@/prisma/builders";
import { clock } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/validation";
import type { Ctx } from "@/lib/server/session";
import { resetDatabase } from "@/tests/reset";
import { ensureLabCatalogue } from "./lab-catalogue";
import { openChart } from "@/lib/patients/chart";
import {
  chartClinical,
  getConsultation,
  listConsultations,
  listLabOrders,
  listNurseNotes,
  listVitals,
  timeline,
} from "./queries";
import { ZConsultationContent, ZConsultationCreate, ZLabResult, ZNurseNote, ZVitals } from "./schemas";
import { renderMessage } from "@/lib/i18n/message";
import {
  addConsultationAddendum,
  addRecordAddendum,
  createConsultation,
  createNurseNote,
  enterLabResult,
  orderLabTests,
  recordVitals,
  signConsultation,
  updateConsultation,
  updateNurseNote,
  updateVitals,
} from "./service";

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

let doctor: Ctx, doctor2: Ctx, nurse: Ctx, nurse2: Ctx, patientCtx: Ctx, otherPatientCtx: Ctx;
let patientId: string, otherPatientId: string;
let t0: Date;
const at = (hours: number) => vi.spyOn(clock, "now").mockReturnValue(new Date(t0.getTime() + hours * HOUR));

// Clinical reads of one patient take an opened chart (lib/patients/chart.ts).
const chartFor = async (ctx: Ctx, id: string) =>
  chartClinical(db(), await openChart(db(), ctx, id, { need: "clinical.read" }));
const timelineOf = async (ctx: Ctx, id: string, page: Parameters<typeof timeline>[2]) =>
  timeline(db(), await openChart(db(), ctx, id), page);
const vitalsOf = async (ctx: Ctx, id: string, page: { skip: number; take: number }) =>
  listVitals(db(), await openChart(db(), ctx, id, { need: "clinical.read", entity: "VitalSign" }), page);
const notesOf = async (ctx: Ctx, id: string, page: { skip: number; take: number }) =>
  listNurseNotes(db(), await openChart(db(), ctx, id, { need: "clinical.read", entity: "NurseNote" }), page);
const consultationsOf = async (ctx: Ctx, id: string, page: { skip: number; take: number }) =>
  listConsultations(
    db(),
    ctx,
    { chart: await openChart(db(), ctx, id, { need: "clinical.read", entity: "Consultation" }) },
    page,
  );
const consult = (ctx: Ctx, input: Record<string, unknown>) =>
  createConsultation(db(), ctx, parseInput(ZConsultationCreate, input));
const edit = (ctx: Ctx, id: string, input: Record<string, unknown>) =>
  updateConsultation(db(), ctx, id, parseInput(ZConsultationContent, input));

describe("clinical record", () => {
  beforeEach(async () => {
    await resetDatabase();
    t0 = new Date(Date.UTC(2027, 2, 1, 9, 0));
    at(0);
    const mk = (email: string, name: string, role: Ctx["actor"]["role"]) =>
      seedUser(db(), { email, name, role, password: PW }).then((u) => ctxOf(u, role));
    doctor = await mk("d@h.org", "Dr Who", "DOCTOR");
    doctor2 = await mk("d2@h.org", "Dr Other", "DOCTOR");
    nurse = await mk("n@h.org", "Nurse Joy", "NURSE");
    nurse2 = await mk("n2@h.org", "Nurse Two", "NURSE");
    patientCtx = await mk("p@h.org", "Pat Ient", "PATIENT");
    otherPatientCtx = await mk("o@h.org", "Oth Er", "PATIENT");
    patientId = (
      await seedPatient(db(), {
        firstName: "Pat",
        lastName: "Ient",
        dateOfBirth: "1980-01-01",
        sex: "female",
        userId: patientCtx.actor.id,
      })
    ).id;
    otherPatientId = (
      await seedPatient(db(), {
        firstName: "Oth",
        lastName: "Er",
        dateOfBirth: "1981-01-01",
        sex: "male",
        userId: otherPatientCtx.actor.id,
      })
    ).id;
  });
  afterEach(() => vi.restoreAllMocks());

  describe("consultations", () => {
    it("keeps every earlier version with who and when, and replaces the diagnoses", async () => {
      const { id } = await consult(doctor, {
        patientId,
        hpi: "Headache for 3 days",
        diagnoses: [{ code: "r51.9", description: "Headache, unspecified" }],
      });
      at(1);
      expect(
        await edit(doctor, id, {
          hpi: "Headache for 3 days, worse in the morning",
          assessment: "Hypertension",
          diagnoses: [
            { code: "I10", description: "Essential (primary) hypertension" },
            { description: "Morning headache" },
          ],
        }),
      ).toEqual({ id, version: 2 });
      at(2);
      await edit(doctor, id, { hpi: "v3", diagnoses: [] });
      const c = await getConsultation(db(), doctor, id);
      expect(c.version).toBe(3);
      expect(c.hpi).toBe("v3");
      expect(c.updatedBy).toBe("Dr Who");
      expect(c.versions.map((v) => v.version)).toEqual([2, 1]);
      expect(c.versions[1]).toMatchObject({
        editedBy: "Dr Who",
        content: { hpi: "Headache for 3 days", diagnoses: [{ code: "R51.9", description: "Headache, unspecified" }] },
      });
      expect(c.versions[1].editedAt).toContain("2027-03-01T09:00");
      expect(c.versions[0].content).toMatchObject({
        assessment: "Hypertension",
        diagnoses: [{ code: "I10" }, { code: null, description: "Morning headache" }],
      });
      expect(await db().consultationVersion.count()).toBe(2);
      expect(await db().auditEvent.count({ where: { entity: "Consultation", action: "UPDATE" } })).toBe(2);
    });

    it("lets only the author edit or sign", async () => {
      const { id } = await consult(doctor, { patientId, hpi: "x" });
      expect(await err(edit(doctor2, id, { hpi: "y" }))).toMatchObject({ code: "FORBIDDEN" });
      expect(await err(signConsultation(db(), doctor2, id))).toMatchObject({ code: "FORBIDDEN" });
      expect(await err(edit(doctor, "no-such-id", { hpi: "y" }))).toMatchObject({ code: "NOT_FOUND" });
    });

    it("signs, stays editable by the author until the window closes, then refuses with RECORD_LOCKED and takes addenda", async () => {
      const { id } = await consult(doctor, {
        patientId,
        assessment: "Malaria",
        diagnoses: [{ code: "B54", description: "Unspecified malaria" }],
      });
      expect(await err(addConsultationAddendum(db(), doctor, id, "too early"))).toMatchObject({
        code: "INVALID_TRANSITION",
      });
      at(1);
      const signed = await signConsultation(db(), doctor, id);
      expect(new Date(signed.lockedAt).getTime() - new Date(signed.signedAt).getTime()).toBe(24 * HOUR);
      expect(await err(signConsultation(db(), doctor, id))).toMatchObject({ code: "INVALID_TRANSITION" });
      at(24.5);
      expect((await edit(doctor, id, { assessment: "Malaria, falciparum" })).version).toBe(2);
      at(25);
      const late = await err(edit(doctor, id, { assessment: "too late" }));
      expect(late).toMatchObject({ code: "RECORD_LOCKED", status: 423 });
      expect((await getConsultation(db(), doctor, id)).assessment).toBe("Malaria, falciparum");
      const a = await addConsultationAddendum(db(), doctor2, id, "Smear confirmed P. falciparum.");
      expect(a).toMatchObject({ author: "Dr Other", text: "Smear confirmed P. falciparum." });
      expect(await err(addConsultationAddendum(db(), nurse, id, "nurses cannot"))).toMatchObject({ code: "FORBIDDEN" });
      const c = await getConsultation(db(), doctor, id);
      expect(c.locked).toBe(true);
      expect(c.addenda).toEqual([
        expect.objectContaining({ author: "Dr Other", text: "Smear confirmed P. falciparum." }),
      ]);
    });

    it("checks the lock in the UPDATE itself: an edit racing past the window changes nothing", async () => {
      const { id } = await consult(doctor, { patientId, hpi: "x" });
      await signConsultation(db(), doctor, id);
      // The window closes between the read and the write: the WHERE still refuses.
      await db().consultation.update({ where: { id }, data: { lockedAt: new Date(t0.getTime() - 1000) } });
      expect(await err(edit(doctor, id, { hpi: "racing" }))).toMatchObject({ code: "RECORD_LOCKED" });
      expect(await db().consultation.findUniqueOrThrow({ where: { id } })).toMatchObject({ hpi: "x", version: 1 });
      expect(await db().consultationVersion.count()).toBe(0);
    });

    it("is written from the doctor's checked-in or completed appointment, once", async () => {
      const mkAppt = (status: "BOOKED" | "COMPLETED" | "CHECKED_IN", h: number) =>
        db().appointment.create({
          data: {
            patientId,
            doctorId: doctor.actor.id,
            startsAt: new Date(t0.getTime() + h * HOUR),
            endsAt: new Date(t0.getTime() + (h + 0.5) * HOUR),
            status,
          },
        });
      const booked = await mkAppt("BOOKED", 1);
      const done = await mkAppt("COMPLETED", 2);
      expect(await err(consult(doctor, { appointmentId: booked.id }))).toMatchObject({ code: "INVALID_TRANSITION" });
      expect(await err(consult(doctor2, { appointmentId: done.id }))).toMatchObject({ code: "NOT_FOUND" });
      const results = await Promise.allSettled([
        consult(doctor, { appointmentId: done.id, hpi: "a" }),
        consult(doctor, { appointmentId: done.id, hpi: "b" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "DUPLICATE" } });
      expect(await db().consultation.count({ where: { appointmentId: done.id, patientId } })).toBe(1);
    });

    it("shows patients only their own consultations, and only once signed", async () => {
      const { id } = await consult(doctor, { patientId, hpi: "draft" });
      const other = await consult(doctor, { patientId: otherPatientId, hpi: "other" });
      await signConsultation(db(), doctor, other.id);
      expect(await err(getConsultation(db(), patientCtx, id))).toMatchObject({ code: "NOT_FOUND" });
      expect((await listConsultations(db(), patientCtx, {}, { skip: 0, take: 20 })).items).toEqual([]);
      expect((await chartFor(patientCtx, patientId)).consultations).toEqual([]);
      await signConsultation(db(), doctor, id);
      await edit(doctor, id, { hpi: "draft, completed" });
      expect(await getConsultation(db(), patientCtx, id)).toMatchObject({ hpi: "draft, completed", versions: [] });
      expect((await listConsultations(db(), patientCtx, {}, { skip: 0, take: 20 })).items.map((c) => c.id)).toEqual([
        id,
      ]);
      expect(await err(getConsultation(db(), patientCtx, other.id))).toMatchObject({ code: "NOT_FOUND" });
      expect(await err(consultationsOf(patientCtx, otherPatientId, { skip: 0, take: 20 }))).toMatchObject({
        code: "NOT_FOUND",
      });
    });
  });

  describe("vitals and nurse notes", () => {
    it("refuses implausible vitals field by field and writes nothing", async () => {
      const bad = ZVitals.safeParse({ temperatureC: 50, pulse: 72.5, systolic: 120, diastolic: 130, spo2: 101 });
      expect(bad.success).toBe(false);
      const fields = Object.fromEntries(
        bad.error!.issues.map((i) => [i.path.join("."), renderMessage(i.message, "en")]),
      );
      expect(fields).toEqual({
        temperatureC: "Temperature must be between 25 and 45 °C",
        pulse: "Use a whole number",
        spo2: "SpO₂ must be between 40 and 100 %",
        diastolic: "Diastolic must be lower than systolic",
      });
      expect(() => parseInput(ZVitals, { note: "nothing measured" })).toThrow(
        expect.objectContaining({ code: "VALIDATION_FAILED", fields: { _: "Record at least one measurement" } }),
      );
      expect(await db().vitalSign.count()).toBe(0);
      // The CHECK constraint is the last line of defence behind the schema.
      await expect(
        db().vitalSign.create({ data: { patientId, recordedById: nurse.actor.id, pulse: 400, lockedAt: new Date() } }),
      ).rejects.toThrow();
    });

    it("lets the author edit vitals within the window, then 423 and addenda; others 403", async () => {
      const v = await recordVitals(
        db(),
        nurse,
        patientId,
        parseInput(ZVitals, { systolic: 150, diastolic: 95, pulse: 88, weightKg: 80, heightCm: 175 }),
      );
      expect(v.lockedAt).toBe(new Date(t0.getTime() + 24 * HOUR).toISOString());
      expect(await err(updateVitals(db(), nurse2, patientId, v.id, parseInput(ZVitals, { pulse: 70 })))).toMatchObject({
        code: "FORBIDDEN",
      });
      expect(
        await err(updateVitals(db(), nurse, otherPatientId, v.id, parseInput(ZVitals, { pulse: 70 }))),
      ).toMatchObject({ code: "NOT_FOUND" });
      at(23);
      await updateVitals(
        db(),
        nurse,
        patientId,
        v.id,
        parseInput(ZVitals, { systolic: 145, diastolic: 92, pulse: 86, weightKg: 80, heightCm: 175 }),
      );
      at(24);
      expect(await err(updateVitals(db(), nurse, patientId, v.id, parseInput(ZVitals, { pulse: 70 })))).toMatchObject({
        code: "RECORD_LOCKED",
      });
      expect(await db().vitalSign.findUniqueOrThrow({ where: { id: v.id } })).toMatchObject({
        systolic: 145,
        pulse: 86,
      });
      await addRecordAddendum(db(), doctor, patientId, { vitalSignId: v.id }, "Repeat BP was 138/88.");
      expect(
        await err(addRecordAddendum(db(), doctor, otherPatientId, { vitalSignId: v.id }, "wrong patient")),
      ).toMatchObject({ code: "NOT_FOUND" });
      const chart = await chartFor(doctor, patientId);
      expect(chart.vitals[0]).toMatchObject({
        systolic: 145,
        bmi: 26.1,
        locked: true,
        addenda: [{ author: "Dr Who", text: "Repeat BP was 138/88." }],
      });
      const views = await db().auditEvent.count({ where: { action: "VIEW", entity: "VitalSign" } });
      expect(await vitalsOf(patientCtx, patientId, { skip: 0, take: 20 })).toMatchObject({
        total: 1,
        items: [{ id: v.id, pulse: 86, recordedBy: { name: "Nurse Joy" } }],
      });
      expect(await db().auditEvent.count({ where: { action: "VIEW", entity: "VitalSign" } })).toBe(views + 1);
      expect(await err(vitalsOf(otherPatientCtx, patientId, { skip: 0, take: 20 }))).toMatchObject({
        code: "NOT_FOUND",
      });
      expect(await err(notesOf(otherPatientCtx, patientId, { skip: 0, take: 20 }))).toMatchObject({
        code: "NOT_FOUND",
      });
    });

    it("locks nurse notes the same way", async () => {
      const n = await createNurseNote(
        db(),
        nurse,
        patientId,
        parseInput(ZNurseNote, { shift: "NIGHT", category: "OBSERVATION", text: "Slept well." }),
      );
      expect(() => parseInput(ZNurseNote, { shift: "NOON", category: "X", text: "" })).toThrow(
        expect.objectContaining({
          fields: { shift: "Choose day, evening or night", category: "Choose a category", text: "Write the note" },
        }),
      );
      expect(
        await err(
          updateNurseNote(
            db(),
            nurse2,
            patientId,
            n.id,
            parseInput(ZNurseNote, { shift: "NIGHT", category: "CARE", text: "x" }),
          ),
        ),
      ).toMatchObject({ code: "FORBIDDEN" });
      await updateNurseNote(
        db(),
        nurse,
        patientId,
        n.id,
        parseInput(ZNurseNote, { shift: "NIGHT", category: "OBSERVATION", text: "Slept well, no pain." }),
      );
      at(25);
      expect(
        await err(
          updateNurseNote(
            db(),
            nurse,
            patientId,
            n.id,
            parseInput(ZNurseNote, { shift: "NIGHT", category: "CARE", text: "late" }),
          ),
        ),
      ).toMatchObject({ code: "RECORD_LOCKED" });
      await addRecordAddendum(db(), nurse2, patientId, { nurseNoteId: n.id }, "Woke at 04:00, settled.");
      expect(await db().addendum.count({ where: { nurseNoteId: n.id } })).toBe(1);
      expect((await db().nurseNote.findUniqueOrThrow({ where: { id: n.id } })).text).toBe("Slept well, no pain.");
      const [shown] = (await chartFor(doctor, patientId)).notes;
      expect(shown).toMatchObject({
        text: "Slept well, no pain.",
        locked: true,
        addenda: [{ author: "Nurse Two", text: "Woke at 04:00, settled." }],
      });
    });
  });

  describe("lab", () => {
    it("loads the catalogue idempotently", async () => {
      const first = await ensureLabCatalogue(db());
      expect(first.added).toBeGreaterThanOrEqual(30);
      expect(await ensureLabCatalogue(db())).toEqual({ added: 0 });
    });

    it("flags results from the reference range and tells the ordering doctor about abnormal ones", async () => {
      await ensureLabCatalogue(db());
      const tests = Object.fromEntries((await db().labTest.findMany()).map((t) => [t.code, t.id]));
      const orders = await orderLabTests(db(), doctor, { patientId, testIds: [tests.K, tests.HGB, tests["MAL-RDT"]] });
      expect(orders).toHaveLength(3);
      const byTest = Object.fromEntries(orders.map((o) => [o.testId, o.id]));
      expect((await listLabOrders(db(), nurse, { status: "ORDERED" }, { skip: 0, take: 20 })).total).toBe(3);
      // The worklist shows patients' orders: one audited VIEW per patient on the page.
      expect(
        await db().auditEvent.findMany({
          where: { action: "VIEW", entity: "LabOrder" },
          select: { patientId: true, details: true },
        }),
      ).toEqual([{ patientId, details: { list: 3 } }]);

      const k = await enterLabResult(db(), nurse, byTest[tests.K], parseInput(ZLabResult, { value: 6.2 }));
      expect(k).toMatchObject({ flag: "HIGH", unit: "mmol/L", refLow: 3.5, refHigh: 5.1 });
      const hgb = await enterLabResult(db(), nurse, byTest[tests.HGB], parseInput(ZLabResult, { value: 13.1 }));
      expect(hgb.flag).toBe("NORMAL");
      const rdt = await enterLabResult(
        db(),
        doctor2,
        byTest[tests["MAL-RDT"]],
        parseInput(ZLabResult, { valueText: "Positive (P. falciparum)", flag: "ABNORMAL" }),
      );
      expect(rdt.flag).toBe("ABNORMAL");
      expect(
        await err(enterLabResult(db(), nurse, byTest[tests.K], parseInput(ZLabResult, { value: 4 }))),
      ).toMatchObject({ code: "INVALID_TRANSITION" });
      expect(() => parseInput(ZLabResult, {})).toThrow(
        expect.objectContaining({ fields: { value: "Enter a value or a result" } }),
      );

      const notes = await db().notification.findMany({
        where: { userId: doctor.actor.id },
        orderBy: { createdAt: "asc" },
      });
      expect(notes.map((n) => n.body)).toEqual([
        "Potassium for Pat Ient: High",
        "Malaria rapid diagnostic test for Pat Ient: Abnormal",
      ]);
      expect(notes[0].link).toBe(`/patients/${patientId}`);
      const chart = await chartFor(doctor, patientId);
      expect(chart.labs.map((l) => l.result?.flag).sort()).toEqual(["ABNORMAL", "HIGH", "NORMAL"]);
      expect((await listLabOrders(db(), nurse, { status: "ORDERED" }, { skip: 0, take: 20 })).total).toBe(0);
    });
  });

  it("puts every kind of event on one timeline, newest first, paged", async () => {
    await ensureLabCatalogue(db());
    const k = await db().labTest.findUniqueOrThrow({ where: { code: "K" } });
    at(1);
    const c = await consult(doctor, {
      patientId,
      diagnoses: [{ code: "I10", description: "Essential (primary) hypertension" }],
    });
    at(2);
    await recordVitals(db(), nurse, patientId, parseInput(ZVitals, { pulse: 80 }));
    at(3);
    await createNurseNote(
      db(),
      nurse,
      patientId,
      parseInput(ZNurseNote, { shift: "DAY", category: "CARE", text: "Dressing changed." }),
    );
    at(4);
    const [o] = await orderLabTests(db(), doctor, { patientId, testIds: [k.id] });
    at(5);
    await enterLabResult(db(), nurse, o.id, parseInput(ZLabResult, { value: 3 }));
    at(6);
    await signConsultation(db(), doctor, c.id);
    await db().patient.update({ where: { id: patientId }, data: { createdAt: t0 } });

    const page1 = await timelineOf(doctor, patientId, { page: 1, pageSize: 4 });
    expect(page1.total).toBe(6);
    expect(page1.items.map((e) => e.kind)).toEqual(["lab_result", "lab_order", "note", "vitals"]);
    expect(page1.items[0]).toMatchObject({ summary: "Potassium: 3 mmol/L", flag: "LOW" });
    const page2 = await timelineOf(doctor, patientId, { page: 2, pageSize: 4 });
    expect(page2.items.map((e) => e.kind)).toEqual(["consultation", "registered"]);
    expect(page2.items[0]).toMatchObject({
      summary: "Dr Who · signed · I10 Essential (primary) hypertension",
      link: `/consultations/${c.id}`,
    });
    const all = [...page1.items, ...page2.items].map((e) => e.at);
    expect([...all].sort().reverse()).toEqual(all);
    const oldest = await timelineOf(doctor, patientId, { page: 1, pageSize: 10, oldestFirst: true });
    expect(oldest.items.map((e) => e.kind)).toEqual([
      "registered",
      "consultation",
      "vitals",
      "note",
      "lab_order",
      "lab_result",
    ]);
  });

  it("marks a set of vitals on the timeline as the chart does: NEWS2 in words, each value out of range named under its flag", async () => {
    // Bug: the timeline (and the treatment-history export built from it) showed abnormal vitals unflagged.
    await recordVitals(
      db(),
      nurse,
      patientId,
      parseInput(ZVitals, {
        respiratoryRate: 22,
        spo2: 97,
        supplementalOxygen: false,
        systolic: 125,
        diastolic: 80,
        pulse: 115,
        consciousness: "A",
        temperatureC: 38.5,
      }),
    );
    at(1);
    await recordVitals(db(), nurse, patientId, parseInput(ZVitals, { pulse: 45, temperatureC: 38.5 }));
    at(2);
    await recordVitals(db(), nurse, patientId, parseInput(ZVitals, { pulse: 80, spo2: 98 }));
    const vitals = (await timelineOf(doctor, patientId, { page: 1, pageSize: 10 })).items.filter(
      (e) => e.kind === "vitals",
    );
    expect(vitals.map((e) => [e.flag, e.summary])).toEqual([
      [null, "pulse 80, SpO2 98%"],
      ["ABNORMAL", "pulse 45, T 38.5 °C · High: T · Low: pulse"],
      ["HIGH", "BP 125/80, pulse 115, T 38.5 °C, RR 22, SpO2 97% · NEWS2 5 (medium) · High: RR, pulse, T"],
    ]);
    const fr = await timeline(db(), await openChart(db(), doctor, patientId), { page: 1, pageSize: 10 }, "fr");
    expect(fr.items.find((e) => e.kind === "vitals" && e.flag === "HIGH")?.summary).toBe(
      "PA 125/80, pouls 115, T 38.5 °C, FR 22, SpO2 97% · NEWS2 5 (moyen) · Élevé : FR, pouls, T",
    );
  });

  it("shows each role its part of the timeline: patients signed consultations only, records officers no clinical events", async () => {
    const records = ctxOf(
      await seedUser(db(), { email: "r@h.org", name: "Records", role: "RECORDS_OFFICER", password: PW }),
      "RECORDS_OFFICER",
    );
    const draft = await consult(doctor, { patientId, hpi: "draft" });
    const signed = await consult(doctor, { patientId, hpi: "signed" });
    await signConsultation(db(), doctor, signed.id);
    await recordVitals(db(), nurse, patientId, parseInput(ZVitals, { pulse: 70 }));
    const ids = async (ctx: Ctx) =>
      (await timelineOf(ctx, patientId, { page: 1, pageSize: 20 })).items.map((e) => `${e.kind}:${e.id}`);
    expect(await ids(doctor)).toEqual(
      expect.arrayContaining([`consultation:${draft.id}`, `consultation:${signed.id}`]),
    );
    const own = await ids(patientCtx);
    expect(own).toContain(`consultation:${signed.id}`);
    expect(own).not.toContain(`consultation:${draft.id}`);
    expect((await timelineOf(patientCtx, patientId, { page: 1, pageSize: 20 })).total).toBe(own.length);
    expect((await ids(records)).map((k) => k.split(":")[0])).toEqual(["registered"]);
  });
});
