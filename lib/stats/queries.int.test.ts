import { beforeEach, describe, expect, it } from "vitest";
import { seedDepartment, seedPatient, seedUser } from "@/prisma/builders";
import { db } from "@/lib/server/db";
import { resetDatabase } from "@/tests/reset";
import { getHospitalStats } from "./queries";

describe("hospital stats", () => {
  beforeEach(resetDatabase);

  it("counts active patients, active staff by role and active departments", async () => {
    await seedDepartment(db(), "Cardiology");
    for (const [email, role] of [["a@h", "ADMIN"], ["d1@h", "DOCTOR"], ["d2@h", "DOCTOR"], ["n@h", "NURSE"], ["p@h", "PATIENT"]] as const) {
      await seedUser(db(), { email, name: email, role, password: "pw-0123456789" });
    }
    await seedUser(db(), { email: "gone@h", name: "gone", role: "DOCTOR", password: "pw-0123456789", active: false });
    const p = await seedPatient(db(), { firstName: "A", lastName: "B", dateOfBirth: "1990-01-01", sex: "female" });
    await seedPatient(db(), { firstName: "C", lastName: "D", dateOfBirth: "1991-01-01", sex: "male" });
    await db().patient.update({ where: { id: p.id }, data: { active: false } });

    expect(await getHospitalStats(db())).toEqual({
      patients: { total: 2, active: 1 },
      staff: { total: 4, byRole: { ADMIN: 1, DOCTOR: 2, NURSE: 1, PHARMACIST: 0, RECORDS_OFFICER: 0 } },
      departments: 1,
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
