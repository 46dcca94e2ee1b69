import { beforeEach, describe, expect, it } from "vitest";
import { seedDepartment, seedPatient, seedUser } from "@/prisma/builders";
import { db } from "@/lib/server/db";
import { resetDatabase } from "@/tests/reset";
import { getHospitalStats } from "./queries";

describe("hospital stats", () => {
  beforeEach(resetDatabase);

  it("counts active patients, active staff by role, active departments, appointments by status and beds by state", async () => {
    await seedDepartment(db(), "Cardiology");
    for (const [email, role] of [
      ["a@h", "ADMIN"],
      ["d1@h", "DOCTOR"],
      ["d2@h", "DOCTOR"],
      ["n@h", "NURSE"],
      ["p@h", "PATIENT"],
    ] as const) {
      await seedUser(db(), { email, name: email, role, password: "pw-0123456789" });
    }
    await seedUser(db(), { email: "gone@h", name: "gone", role: "DOCTOR", password: "pw-0123456789", active: false });
    const p = await seedPatient(db(), { firstName: "A", lastName: "B", dateOfBirth: "1990-01-01", sex: "female" });
    await seedPatient(db(), { firstName: "C", lastName: "D", dateOfBirth: "1991-01-01", sex: "male" });
    await db().patient.update({ where: { id: p.id }, data: { active: false } });
    const doctor = await db().user.findUniqueOrThrow({ where: { email: "d1@h" } });
    for (const [h, status] of [
      [1, "BOOKED"],
      [2, "COMPLETED"],
      [3, "COMPLETED"],
    ] as const) {
      const startsAt = new Date(Date.UTC(2026, 0, 5, 8 + h));
      await db().appointment.create({
        data: {
          patientId: p.id,
          doctorId: doctor.id,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 1_800_000),
          status,
        },
      });
    }
    const ward = await db().ward.create({
      data: { name: "W", type: "GENERAL", rooms: { create: { name: "R", type: "SHARED", capacity: 4 } } },
      include: { rooms: true },
    });
    for (const [label, state, active] of [
      ["A", "OCCUPIED", true],
      ["B", "FREE", true],
      ["C", "CLEANING", true],
      ["D", "OUT_OF_SERVICE", true],
      ["E", "FREE", false],
    ] as const) {
      await db().bed.create({ data: { roomId: ward.rooms[0].id, label, state, active } });
    }

    expect(await getHospitalStats(db())).toEqual({
      patients: { total: 2, active: 1 },
      staff: { total: 4, byRole: { ADMIN: 1, DOCTOR: 2, NURSE: 1, PHARMACIST: 0, RECORDS_OFFICER: 0 } },
      departments: 1,
      appointments: { byStatus: { BOOKED: 1, CHECKED_IN: 0, COMPLETED: 2, CANCELLED: 0, NO_SHOW: 0 } },
      beds: { total: 4, occupied: 1, free: 1, cleaning: 1, outOfService: 1 },
    });
  });

  it("gives MRNs from the database sequence, unique and in order", async () => {
    const a = await seedPatient(db(), { firstName: "A", lastName: "B", dateOfBirth: "1990-01-01", sex: "female" });
    const b = await seedPatient(db(), { firstName: "C", lastName: "D", dateOfBirth: "1990-01-01", sex: "male" });
    expect(a.mrn).toMatch(/^H-\d{6}$/);
    expect(Number(b.mrn.slice(2))).toBe(Number(a.mrn.slice(2)) + 1);
  });

  it("keeps MRNs unique past H-999999 (no truncation to six digits)", async () => {
    const [{ last }] = await db().$queryRaw<{ last: bigint }[]>`SELECT last_value AS last FROM patient_mrn_seq`;
    await db().$executeRaw`SELECT setval('patient_mrn_seq', 999998)`;
    try {
      const a = await seedPatient(db(), { firstName: "A", lastName: "B", dateOfBirth: "1990-01-01", sex: "female" });
      const b = await seedPatient(db(), { firstName: "C", lastName: "D", dateOfBirth: "1990-01-01", sex: "male" });
      expect([a.mrn, b.mrn]).toEqual(["H-999999", "H-1000000"]);
    } finally {
      await db().$executeRaw`SELECT setval('patient_mrn_seq', ${Number(last)})`;
    }
  });
});
