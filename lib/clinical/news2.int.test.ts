import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { seedDepartment, seedPatient, seedUser } from "@/prisma/builders";
import { openChart } from "@/lib/patients/chart";
import { clock } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import type { Ctx } from "@/lib/server/session";
import { parseInput } from "@/lib/server/validation";
import { resetDatabase } from "@/tests/reset";
import { chartClinical, listVitals } from "./queries";
import { ZNews2Flags, ZVitals } from "./schemas";
import { recordVitals, setNews2Flags, updateVitals } from "./service";

const PW = "pw-0123456789";
const ctxOf = (u: { id: string; email: string; name: string }, role: Ctx["actor"]["role"]): Ctx => ({
  actor: { id: u.id, role, name: u.name, email: u.email },
  ip: null,
});
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
// RR 25 (3) alone: 3, low-medium.
const single3 = { ...normal, respiratoryRate: 25 };
// RR 22 (2), pulse 115 (2), temperature 38.5 (1): 5, medium.
const five = { ...normal, respiratoryRate: 22, pulse: 115, temperatureC: 38.5 };

let nurse: Ctx, doctor: Ctx;
let patientId: string;
let wardNurse: string, otherDeptNurse: string, attending: string;

const record = (input: Record<string, unknown>, pid = patientId, ctx = nurse) =>
  recordVitals(db(), ctx, pid, parseInput(ZVitals, input));
const notifications = () =>
  db().notification.findMany({
    orderBy: { userId: "asc" },
    select: { userId: true, title: true, body: true, link: true },
  });

describe("NEWS2 with the vitals", () => {
  beforeEach(async () => {
    await resetDatabase();
    vi.spyOn(clock, "now").mockReturnValue(new Date(Date.UTC(2027, 2, 1, 9, 0)));
    const medicine = await seedDepartment(db(), "Medicine");
    const surgery = await seedDepartment(db(), "Surgery");
    nurse = ctxOf(await seedUser(db(), { email: "n@h.org", name: "Nurse Joy", role: "NURSE", password: PW }), "NURSE");
    doctor = ctxOf(await seedUser(db(), { email: "d@h.org", name: "Dr Who", role: "DOCTOR", password: PW }), "DOCTOR");
    attending = (
      await seedUser(db(), {
        email: "att@h.org",
        name: "Dr Attending",
        role: "DOCTOR",
        password: PW,
        departmentId: medicine.id,
      })
    ).id;
    wardNurse = (
      await seedUser(db(), {
        email: "wn@h.org",
        name: "Ward Nurse",
        role: "NURSE",
        password: PW,
        departmentId: medicine.id,
      })
    ).id;
    otherDeptNurse = (
      await seedUser(db(), {
        email: "sn@h.org",
        name: "Surgical Nurse",
        role: "NURSE",
        password: PW,
        departmentId: surgery.id,
      })
    ).id;
    await seedUser(db(), {
      email: "gone@h.org",
      name: "Former Nurse",
      role: "NURSE",
      password: PW,
      departmentId: medicine.id,
      active: false,
    });
    patientId = (
      await seedPatient(db(), { firstName: "Ada", lastName: "Byron", dateOfBirth: "1950-03-01", sex: "female" })
    ).id;
    const ward = await db().ward.create({ data: { name: "Ward A", type: "GENERAL", departmentId: medicine.id } });
    const room = await db().room.create({ data: { wardId: ward.id, name: "A1", type: "SHARED", capacity: 2 } });
    const bed = await db().bed.create({ data: { roomId: room.id, label: "1", state: "OCCUPIED" } });
    const adm = await db().admission.create({
      data: { patientId, attendingDoctorId: attending, reason: "Pneumonia", admittedById: doctor.actor.id },
    });
    await db().bedAssignment.create({ data: { admissionId: adm.id, bedId: bed.id } });
  });
  afterEach(() => vi.restoreAllMocks());

  it("stores the score, band and sub-scores with a complete set and returns them", async () => {
    const v = await record(five);
    expect(v.news2).toEqual({
      score: 5,
      band: "medium",
      scale: 1,
      subscores: {
        respiratoryRate: 2,
        spo2: 0,
        airOrOxygen: 0,
        systolic: 0,
        pulse: 2,
        consciousness: 0,
        temperature: 1,
      },
    });
    expect(await db().vitalSign.findUniqueOrThrow({ where: { id: v.id } })).toMatchObject({
      consciousness: "A",
      supplementalOxygen: false,
      news2Score: 5,
      news2Band: "medium",
      news2Scale: 1,
      news2Reason: null,
    });
    const list = await listVitals(
      db(),
      await openChart(db(), doctor, patientId, { need: "clinical.read", entity: "VitalSign" }),
      { skip: 0, take: 10 },
    );
    expect(list.items[0]).toMatchObject({
      consciousness: "A",
      supplementalOxygen: false,
      news2: { score: 5, band: "medium" },
    });
    const chart = await chartClinical(db(), await openChart(db(), doctor, patientId, { need: "clinical.read" }));
    expect(chart.vitals[0]).toMatchObject({ news2: { score: 5, band: "medium", subscores: { pulse: 2 } } });
  });

  it("uses scale 2 for a patient so flagged", async () => {
    await db().patient.update({ where: { id: patientId }, data: { spo2Scale2: true } });
    const v = await record({ ...normal, spo2: 90 });
    expect(v.news2).toMatchObject({ score: 0, band: "low", scale: 2 });
  });

  it("gives no score, with the reason, to an incomplete set, an under-16 and a pregnant patient", async () => {
    const { consciousness: _c, ...noAcvpu } = normal;
    expect(await record(noAcvpu)).toMatchObject({ news2: null, news2Reason: "incomplete set" });
    expect(await record({ pulse: 80 })).toMatchObject({ news2: null, news2Reason: "incomplete set" });
    const child = (
      await seedPatient(db(), { firstName: "Kid", lastName: "Byron", dateOfBirth: "2012-01-01", sex: "male" })
    ).id;
    expect(await record(single3, child)).toMatchObject({ news2: null, news2Reason: "under 16" });
    await db().patient.update({ where: { id: patientId }, data: { pregnant: true } });
    expect(await record(five)).toMatchObject({ news2: null, news2Reason: "pregnant" });
    const list = await listVitals(
      db(),
      await openChart(db(), doctor, patientId, { need: "clinical.read", entity: "VitalSign" }),
      { skip: 0, take: 10 },
    );
    expect(list.items.map((v) => [v.news2, v.news2Reason])).toEqual(
      [["pregnant"], ["incomplete set"], ["incomplete set"]].map(([r]) => [null, r]),
    );
    expect(await notifications()).toEqual([]);
  });

  it("notifies the attending doctor and the ward's nurses at once for 5 or more", async () => {
    await record(five);
    const n = await notifications();
    expect(n.map((x) => x.userId).sort()).toEqual([attending, wardNurse].sort());
    expect(n[0]).toMatchObject({ title: "NEWS2 5 (medium)", link: `/patients/${patientId}` });
    expect(n[0].body).toContain("Ada Byron");
  });

  it("notifies for a single parameter at 3 (low-medium), not for a low score", async () => {
    await record(normal);
    expect(await notifications()).toEqual([]);
    await record(single3);
    expect((await notifications()).map((x) => x.userId).sort()).toEqual([attending, wardNurse].sort());
  });

  it("notifies when a correction raises a low score, and nobody for a patient not admitted", async () => {
    const v = await record(normal);
    await updateVitals(db(), nurse, patientId, v.id, parseInput(ZVitals, five));
    expect(await notifications()).toHaveLength(2);
    expect(await db().vitalSign.findUniqueOrThrow({ where: { id: v.id } })).toMatchObject({
      news2Score: 5,
      news2Band: "medium",
    });
    const outpatient = (
      await seedPatient(db(), { firstName: "Out", lastName: "Patient", dateOfBirth: "1960-01-01", sex: "male" })
    ).id;
    await record(five, outpatient);
    expect(await notifications()).toHaveLength(2);
  });

  it("a ward without a department: every active nurse", async () => {
    await db().ward.updateMany({ data: { departmentId: null } });
    await record(five);
    expect((await notifications()).map((x) => x.userId).sort()).toEqual(
      [attending, wardNurse, otherDeptNurse, nurse.actor.id].sort(),
    );
  });

  it("takes the two new fields as exact types only", () => {
    expect(ZVitals.safeParse({ ...normal, consciousness: "X" }).success).toBe(false);
    expect(ZVitals.safeParse({ ...normal, consciousness: "a" }).success).toBe(false);
    expect(ZVitals.safeParse({ ...normal, supplementalOxygen: "true" }).success).toBe(false);
    expect(ZVitals.safeParse({ ...normal, supplementalOxygen: 1 }).success).toBe(false);
    expect(ZVitals.safeParse({ ...normal, consciousness: null, supplementalOxygen: null }).success).toBe(true);
  });

  it("doctors set the pregnancy and scale 2 flags (exact booleans); nurses may not", async () => {
    await expect(
      setNews2Flags(db(), nurse, patientId, parseInput(ZNews2Flags, { pregnant: true })),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(() => parseInput(ZNews2Flags, { pregnant: "true" })).toThrow();
    expect(() => parseInput(ZNews2Flags, {})).toThrow();
    expect(() => parseInput(ZNews2Flags, { pregnant: true, other: 1 })).toThrow();
    expect(await setNews2Flags(db(), doctor, patientId, parseInput(ZNews2Flags, { spo2Scale2: true }))).toEqual({
      id: patientId,
      pregnant: false,
      spo2Scale2: true,
    });
    expect((await record({ ...normal, spo2: 88 })).news2).toMatchObject({ scale: 2, subscores: { spo2: 0 } });
    await setNews2Flags(db(), doctor, patientId, parseInput(ZNews2Flags, { pregnant: true }));
    expect(await record(normal)).toMatchObject({ news2: null, news2Reason: "pregnant" });
    expect(await db().auditEvent.count({ where: { entity: "Patient", entityId: patientId, action: "UPDATE" } })).toBe(
      2,
    );
  });
});
