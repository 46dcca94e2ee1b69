import { beforeEach, describe, expect, it } from "vitest";
import { seedDepartment, seedUser } from "@/prisma/builders";
import { parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { resetDatabase } from "@/tests/reset";
import { DOCTOR_SORTS, STAFF_SORTS, listSpecialties, listStaff, searchDoctors, staffHistory } from "./queries";

const P = "some-password-123";
const q = (s: string) => parseListQuery(new URLSearchParams(s), DOCTOR_SORTS);

describe("staff and doctor queries", () => {
  let cardiology: { id: string };
  beforeEach(async () => {
    await resetDatabase();
    cardiology = await seedDepartment(db(), "Cardiology");
    const neuro = await seedDepartment(db(), "Neurology");
    await seedUser(db(), {
      email: "a@x.org",
      name: "Dr. Ana Mendes",
      role: "DOCTOR",
      password: P,
      specialty: "Cardiology",
      departmentId: cardiology.id,
    });
    await seedUser(db(), {
      email: "b@x.org",
      name: "Dr. Ben Okafor",
      role: "DOCTOR",
      password: P,
      specialty: "Neurology",
      departmentId: neuro.id,
    });
    await seedUser(db(), {
      email: "c@x.org",
      name: "Dr. Carla Ana",
      role: "DOCTOR",
      password: P,
      specialty: "Cardiology",
      active: false,
    });
    await seedUser(db(), {
      email: "n@x.org",
      name: "Nurse Ana",
      role: "NURSE",
      password: P,
      departmentId: cardiology.id,
    });
    await seedUser(db(), { email: "p@x.org", name: "Patient Ana", role: "PATIENT", password: P });
  });

  it("finds active doctors by name (any case) and specialty, paged, with only the shown columns", async () => {
    const byName = await searchDoctors(db(), q("q=ANA"));
    expect(byName.items.map((d) => d.name)).toEqual(["Dr. Ana Mendes"]);
    expect(Object.keys(byName.items[0]).sort()).toEqual([
      "consultationFee",
      "department",
      "id",
      "name",
      "qualification",
      "specialty",
      "yearsOfExperience",
    ]);
    expect((await searchDoctors(db(), q(""), { specialty: "cardiology" })).items.map((d) => d.name)).toEqual([
      "Dr. Ana Mendes",
    ]);
    expect((await searchDoctors(db(), q(""), { departmentId: cardiology.id })).total).toBe(1);
    const paged = await searchDoctors(db(), q("pageSize=1&page=2"));
    expect(paged).toMatchObject({ total: 2, items: [{ name: "Dr. Ben Okafor" }] });
  });

  it("lists the specialties of active doctors once each", async () => {
    expect(await listSpecialties(db())).toEqual(["Cardiology", "Neurology"]);
  });

  it("lists staff (never patients) with role, department and text filters", async () => {
    const all = await listStaff(db(), parseListQuery(new URLSearchParams(""), STAFF_SORTS));
    expect(all.total).toBe(4);
    expect(
      (await listStaff(db(), parseListQuery(new URLSearchParams("q=ana"), STAFF_SORTS), { role: "DOCTOR" })).items.map(
        (s) => s.name,
      ),
    ).toEqual(["Dr. Ana Mendes", "Dr. Carla Ana"]);
    expect(
      (
        await listStaff(db(), parseListQuery(new URLSearchParams(""), STAFF_SORTS), { departmentId: cardiology.id })
      ).items.map((s) => s.email),
    ).toEqual(["a@x.org", "n@x.org"]);
  });

  it("shows an account's history with the actor's name, without sign-ins", async () => {
    const nurse = await db().user.findUniqueOrThrow({ where: { email: "n@x.org" } });
    const admin = await seedUser(db(), { email: "admin@x.org", name: "Ada Admin", role: "ADMIN", password: P });
    await db().auditEvent.create({ data: { action: "LOGIN", entity: "User", entityId: nurse.id, actorId: nurse.id } });
    await db().auditEvent.create({
      data: {
        action: "UPDATE",
        entity: "User",
        entityId: nurse.id,
        actorId: admin.id,
        details: { active: false, reason: "Left" },
      },
    });
    const history = await staffHistory(db(), nurse.id, { skip: 0, take: 10 });
    expect(history).toMatchObject({
      total: 1,
      items: [{ action: "UPDATE", actorName: "Ada Admin", details: { reason: "Left" } }],
    });
  });
});
