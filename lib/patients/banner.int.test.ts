import { beforeEach, describe, expect, it } from "vitest";
import { ZVitals } from "@/lib/clinical/schemas";
import { recordVitals } from "@/lib/clinical/service";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/validation";
import type { Ctx } from "@/lib/server/session";
import { seedPatient, seedUser } from "@/prisma/builders";
import { resetDatabase } from "@/tests/reset";
import { patientAllergies, patientBanner } from "./banner";
import { openChart } from "./chart";

const PW = "pw-0123456789";
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
const ctxOf = (u: { id: string; email: string; name: string }, role: Ctx["actor"]["role"]): Ctx => ({
  actor: { id: u.id, role, name: u.name, email: u.email },
  ip: null,
});

describe("patientBanner: the safety context of an opened chart", () => {
  let doctor: Ctx, records: Ctx, pharmacist: Ctx, patient: Ctx, other: Ctx;
  let doctorName: string;
  let patientId: string;

  beforeEach(async () => {
    await resetDatabase();
    const du = await seedUser(db(), { email: "d@h.org", name: "Dr Who", role: "DOCTOR", password: PW });
    doctor = ctxOf(du, "DOCTOR");
    doctorName = du.name;
    records = ctxOf(
      await seedUser(db(), { email: "r@h.org", name: "Rec", role: "RECORDS_OFFICER", password: PW }),
      "RECORDS_OFFICER",
    );
    pharmacist = ctxOf(
      await seedUser(db(), { email: "ph@h.org", name: "Pharm", role: "PHARMACIST", password: PW }),
      "PHARMACIST",
    );
    const pu = await seedUser(db(), { email: "p@h.org", name: "Pat", role: "PATIENT", password: PW });
    patient = ctxOf(pu, "PATIENT");
    other = ctxOf(await seedUser(db(), { email: "o@h.org", name: "Oth", role: "PATIENT", password: PW }), "PATIENT");
    patientId = (
      await seedPatient(db(), {
        firstName: "Jane",
        lastName: "Doe",
        dateOfBirth: "1950-01-01",
        sex: "female",
        userId: pu.id,
      })
    ).id;
    await db().allergy.createMany({
      data: [
        { patientId, substance: "Penicillin", reaction: "Anaphylaxis", severity: "severe" },
        { patientId, substance: "Latex", severity: "mild" },
      ],
    });
    const ward = await db().ward.create({ data: { name: "Ward B", type: "GENERAL" } });
    const room = await db().room.create({ data: { wardId: ward.id, name: "B2", type: "SHARED", capacity: 4 } });
    const bed = await db().bed.create({ data: { roomId: room.id, label: "B2-3", state: "OCCUPIED" } });
    const admission = await db().admission.create({
      data: { patientId, attendingDoctorId: du.id, admittedById: du.id, reason: "Pneumonia" },
    });
    await db().bedAssignment.create({ data: { admissionId: admission.id, bedId: bed.id } });
    // An older set scoring 0, then the latest scoring 5 (medium).
    await recordVitals(
      db(),
      doctor,
      patientId,
      parseInput(ZVitals, { ...normal, takenAt: new Date(Date.now() - 3_600_000).toISOString() }),
    );
    await recordVitals(
      db(),
      doctor,
      patientId,
      parseInput(ZVitals, { ...normal, respiratoryRate: 22, pulse: 115, temperatureC: 38.5 }),
    );
  });

  it("shows allergies, the bed, the attending doctor and the latest NEWS2 to a clinician, with the one audit row of the opening", async () => {
    const chart = await openChart(db(), doctor, patientId, { need: "patient.chart.read" });
    const banner = await patientBanner(db(), chart);
    expect(banner).toMatchObject({
      mrn: expect.stringMatching(/^H-/),
      firstName: "Jane",
      sex: "female",
      allergies: [
        { substance: "Penicillin", reaction: "Anaphylaxis", severity: "severe" },
        { substance: "Latex", reaction: null, severity: "mild" },
      ],
      location: { kind: "admission", ward: "Ward B", room: "B2", bed: "B2-3" },
      attending: { name: doctorName },
      news2: { score: 5, band: "medium" },
    });
    expect(banner.age).toBeGreaterThanOrEqual(75);
    expect(
      await db().auditEvent.findMany({
        where: { action: "VIEW" },
        select: { action: true, entity: true, patientId: true, actorId: true },
      }),
    ).toEqual([{ action: "VIEW", entity: "Patient", patientId, actorId: doctor.actor.id }]);
  });

  it("gives a records officer and a pharmacist the allergies (registration and dispensing need them) but no NEWS2", async () => {
    for (const ctx of [records, pharmacist]) {
      const banner = await patientBanner(db(), await openChart(db(), ctx, patientId, { details: { view: "banner" } }));
      expect(banner.allergies.map((a) => a.substance)).toEqual(["Penicillin", "Latex"]);
      expect(banner.news2).toBeNull();
      expect(banner.location).toMatchObject({ kind: "admission", bed: "B2-3" });
      // Nothing clinical leaks through the banner's shape either.
      expect(Object.keys(banner)).not.toContain("conditions");
    }
    expect(
      await db().auditEvent.count({
        where: { action: "VIEW", patientId, details: { path: ["view"], equals: "banner" } },
      }),
    ).toBe(2);
  });

  it("is out of reach of another patient (not found, nothing written), and a patient sees their own", async () => {
    await expect(openChart(db(), other, patientId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().auditEvent.count({ where: { action: "VIEW" } })).toBe(0);
    expect((await patientBanner(db(), await openChart(db(), patient, patientId))).news2).toMatchObject({ score: 5 });
  });

  it("says why there is no NEWS2, and shows today's visit when not admitted", async () => {
    await db().patient.update({ where: { id: patientId }, data: { pregnant: true } });
    await db().bedAssignment.updateMany({ data: { endsAt: new Date() } });
    await db().admission.updateMany({ data: { dischargedAt: new Date() } });
    const startsAt = new Date(Date.now() + 60_000);
    const appt = await db().appointment.create({
      data: { patientId, doctorId: doctor.actor.id, startsAt, endsAt: new Date(startsAt.getTime() + 15 * 60_000) },
    });
    const banner = await patientBanner(db(), await openChart(db(), doctor, patientId));
    expect(banner.news2).toMatchObject({ score: null, reason: "pregnant" });
    // Unless "today" ended within the minute, the visit is today's.
    expect(banner.location).toMatchObject({ kind: "visit", appointmentId: appt.id, status: "BOOKED" });
    expect(banner.attending).toMatchObject({ name: doctorName });
    const young = await seedPatient(db(), {
      firstName: "Kid",
      lastName: "Doe",
      dateOfBirth: "2020-05-05",
      sex: "male",
    });
    const kid = await patientBanner(db(), await openChart(db(), doctor, young.id));
    expect(kid).toMatchObject({
      allergies: [],
      location: null,
      attending: null,
      news2: { score: null, reason: "under 16" },
    });
    await db().patient.update({ where: { id: patientId }, data: { pregnant: false } });
    await db().vitalSign.deleteMany({});
    expect((await patientBanner(db(), await openChart(db(), doctor, patientId))).news2).toMatchObject({
      score: null,
      reason: "no vitals",
      takenAt: null,
    });
  });

  it("patientAllergies (the bed board's admit dialog): the allergies only, read in scope with one audited VIEW, refused without the permission", async () => {
    const allergies = await patientAllergies(db(), records, patientId, { need: "admission.manage", view: "admit" });
    expect(allergies).toEqual([
      { id: expect.any(String), substance: "Penicillin", reaction: "Anaphylaxis", severity: "severe" },
      { id: expect.any(String), substance: "Latex", reaction: null, severity: "mild" },
    ]);
    expect(
      await db().auditEvent.count({
        where: { action: "VIEW", patientId, actorId: records.actor.id, details: { path: ["view"], equals: "admit" } },
      }),
    ).toBe(1);
    // A pharmacist does not admit; a patient does not either: not found, nothing written.
    await expect(
      patientAllergies(db(), pharmacist, patientId, { need: "admission.manage", view: "admit" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      patientAllergies(db(), patient, patientId, { need: "admission.manage", view: "admit" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      patientAllergies(db(), doctor, "no-such-patient", { need: "admission.manage", view: "admit" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().auditEvent.count({ where: { action: "VIEW" } })).toBe(1);
  });
});
