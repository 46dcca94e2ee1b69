import { beforeEach, describe, expect, it } from "vitest";
import { seedDepartment, seedPatient, seedUser } from "@/prisma/builders";
import { parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import type { Ctx } from "@/lib/server/session";
import { updateStaff } from "@/lib/staff/service";
import { resetDatabase } from "@/tests/reset";
import { saveRecord } from "./edit";
import { browsable, entityCounts, getRecord, listRecords, recordHistory } from "./queries";
import { REGISTRY } from "./registry";

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
const page = (qs: string, key: "departments" | "patients") => {
  const e = REGISTRY.get(key)!;
  return parseListQuery(new URLSearchParams(qs), e.sorts, e.defaultSort as `${string}`);
};

describe("the data browser", () => {
  let admin: Ctx, doctor: Ctx;
  beforeEach(async () => {
    await resetDatabase();
    const a = await seedUser(db(), { email: "admin@x.org", name: "Ada Admin", role: "ADMIN", password: PW });
    const d = await seedUser(db(), { email: "doc@x.org", name: "Dan Doctor", role: "DOCTOR", password: PW });
    admin = ctxOf(a, "ADMIN");
    doctor = ctxOf(d, "DOCTOR");
  });

  it("lists departments paged, searched, filtered and sorted, with their list columns only", async () => {
    for (const name of ["Cardiology", "Neurology", "Oncology", "Pediatrics"]) await seedDepartment(db(), name);
    await db().department.update({ where: { name: "Oncology" }, data: { active: false } });
    const e = REGISTRY.get("departments")!;
    const first = await listRecords(db(), admin, e, page("pageSize=2&page=2", "departments"), {});
    expect(first.total).toBe(4);
    expect(first.items.map((r) => r.label)).toEqual(["Oncology", "Pediatrics"]);
    expect(Object.keys(first.items[0].values).sort()).toEqual(["active", "createdAt", "description", "name"]);
    const searched = await listRecords(db(), admin, e, page("q=OLOG&sort=-name", "departments"), { active: "true" });
    expect(searched.items.map((r) => r.label)).toEqual(["Neurology", "Cardiology"]);
    expect(searched.total).toBe(2);
  });

  it("lists patients by sex and by a search on name, and shows references as labelled links", async () => {
    const amara = await seedPatient(db(), {
      firstName: "Amara",
      lastName: "Bello",
      dateOfBirth: "1990-01-01",
      sex: "female",
    });
    await seedPatient(db(), { firstName: "Bola", lastName: "Bello", dateOfBirth: "1980-01-01", sex: "male" });
    await seedPatient(db(), { firstName: "Chen", lastName: "Wu", dateOfBirth: "1970-01-01", sex: "female" });
    const e = REGISTRY.get("patients")!;
    const women = await listRecords(db(), admin, e, page("", "patients"), { sex: "female" });
    expect(women.items.map((r) => r.values.lastName)).toEqual(["Bello", "Wu"]);
    const bellos = await listRecords(db(), admin, e, page("q=bell&pageSize=1", "patients"), {});
    expect(bellos.total).toBe(2);
    expect(bellos.items).toHaveLength(1);
    expect(await listRecords(db(), admin, e, page("", "patients"), { sex: "not-a-sex" })).toMatchObject({ total: 3 });

    await db().allergy.create({ data: { patientId: amara.id, substance: "Penicillin", severity: "severe" } });
    const allergies = await listRecords(
      db(),
      admin,
      REGISTRY.get("allergies")!,
      parseListQuery(new URLSearchParams(""), ["createdAt"], "-createdAt"),
      { patientId: amara.id },
    );
    expect(allergies.items[0].links.patientId).toEqual({
      entity: "patients",
      id: amara.id,
      label: expect.stringContaining("Amara · Bello"),
    });
  });

  it("edits a department through its own schema and service, and the history shows the change with the admin's name", async () => {
    const dep = await seedDepartment(db(), "Dermatology", "Skin");
    await saveRecord(db(), admin, "departments", dep.id, {
      name: "Dermatology",
      description: "Skin and hair",
      active: true,
    });
    expect(await db().department.findUniqueOrThrow({ where: { id: dep.id } })).toMatchObject({
      description: "Skin and hair",
    });
    const e = browsable(admin, "departments");
    const record = await getRecord(db(), admin, e, dep.id);
    expect(record.values).toMatchObject({ name: "Dermatology", description: "Skin and hair", active: true });
    const history = await recordHistory(db(), e, record, { skip: 0, take: 20 });
    expect(history.total).toBe(1);
    expect(history.items[0]).toMatchObject({
      action: "UPDATE",
      actorName: "Ada Admin",
      details: { changes: { description: { from: "Skin", to: "Skin and hair" } } },
    });

    // Bad input: refused field by field, nothing written.
    const bad = await err(saveRecord(db(), admin, "departments", dep.id, { name: "  ", description: "x".repeat(501) }));
    expect(bad).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { name: "Enter a name", description: "Use at most 500 characters" },
    });
    expect((await db().department.findUniqueOrThrow({ where: { id: dep.id } })).name).toBe("Dermatology");
    // The service's own rules hold: a duplicate name is refused by the unique index.
    await seedDepartment(db(), "Cardiology");
    expect(await err(saveRecord(db(), admin, "departments", dep.id, { name: "Cardiology" }))).toMatchObject({
      code: "DUPLICATE",
      fields: { name: expect.any(String) },
    });
    expect(await db().auditEvent.count({ where: { entity: "Department", entityId: dep.id } })).toBe(1);
  });

  it("refuses non-admins, read-only entities and unknown ones", async () => {
    const dep = await seedDepartment(db(), "Dermatology");
    expect(await err(saveRecord(db(), doctor, "departments", dep.id, { name: "Skin" }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(() => browsable(doctor, "departments")).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect((await entityCounts(db(), doctor)).map((c) => c.key)).not.toContain("departments");
    const p = await seedPatient(db(), {
      firstName: "Amara",
      lastName: "Bello",
      dateOfBirth: "1990-01-01",
      sex: "female",
    });
    const allergy = await db().allergy.create({ data: { patientId: p.id, substance: "Penicillin" } });
    expect(await err(saveRecord(db(), admin, "allergies", allergy.id, { substance: "Latex" }))).toMatchObject({
      code: "FORBIDDEN",
      message: "This kind of record cannot be edited in the data browser.",
    });
    // Browsing is the admins': a doctor who may edit patients elsewhere still cannot through the browser.
    expect(await err(saveRecord(db(), doctor, "patients", p.id, { firstName: "Eve" }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await err(saveRecord(db(), admin, "nope", "x", {}))).toMatchObject({ code: "NOT_FOUND" });
    expect((await db().patient.findUniqueOrThrow({ where: { id: p.id } })).firstName).toBe("Amara");
    expect((await db().allergy.findUniqueOrThrow({ where: { id: allergy.id } })).substance).toBe("Penicillin");
    expect(await db().department.findUniqueOrThrow({ where: { id: dep.id } })).toMatchObject({ name: "Dermatology" });
  });

  it("counts each entity and audits a chart read as a VIEW of the patient", async () => {
    const p = await seedPatient(db(), {
      firstName: "Amara",
      lastName: "Bello",
      dateOfBirth: "1990-01-01",
      sex: "female",
    });
    const a = await db().allergy.create({ data: { patientId: p.id, substance: "Penicillin" } });
    const counts = Object.fromEntries((await entityCounts(db(), admin)).map((c) => [c.key, c]));
    expect(counts).toMatchObject({
      users: { count: 2, estimated: false },
      patients: { count: 1, estimated: false },
      allergies: { count: 1, estimated: false },
      departments: { count: 0, estimated: false },
    });
    await getRecord(db(), admin, browsable(admin, "allergies"), a.id);
    expect(
      await db().auditEvent.findMany({
        where: { action: "VIEW", patientId: p.id },
        select: { entity: true, entityId: true, actorId: true },
      }),
    ).toEqual([{ entity: "Patient", entityId: p.id, actorId: admin.actor.id }]);
    const user = await getRecord(db(), admin, browsable(admin, "users"), admin.actor.id);
    expect(Object.keys(user.values)).not.toContain("passwordHash");
  });

  it("counts a large table from PostgreSQL's estimate, labelled as such, and small ones exactly", async () => {
    await db().$executeRawUnsafe(
      `INSERT INTO "LabTest" (id, code, name) SELECT 'lt' || g, 'T' || g, 'Test ' || g FROM generate_series(1, 12000) g`,
    );
    await db().$executeRawUnsafe(`ANALYZE "LabTest"`);
    await seedDepartment(db(), "Cardiology");
    const counts = Object.fromEntries((await entityCounts(db(), admin)).map((c) => [c.key, c]));
    expect(counts["lab-tests"].estimated).toBe(true);
    expect(Math.abs(counts["lab-tests"].count - 12000)).toBeLessThan(600);
    expect(counts.departments).toEqual({ key: "departments", count: 1, estimated: false });
  });

  it("edits a staff member through the staff schema and service: the same audit as /admin/staff/[id], the same refusals", async () => {
    const cardio = await seedDepartment(db(), "Cardiology");
    const twin = await seedUser(db(), { email: "twin@x.org", name: "Nia Nurse", role: "NURSE", password: PW });
    const nurse = await seedUser(db(), { email: "nurse@x.org", name: "Nia Nurse", role: "NURSE", password: PW });
    const e = browsable(admin, "users");
    // The form starts from the staff profile.
    expect(await e.edit!.load!(db(), nurse.id, {})).toEqual({
      name: "Nia Nurse",
      role: "NURSE",
      departmentId: "",
      specialty: null,
      qualification: null,
      yearsOfExperience: null,
      consultationFee: null,
    });
    const change = {
      name: "Nia Nurse",
      role: "DOCTOR",
      departmentId: cardio.id,
      specialty: "Cardiology",
      qualification: null,
      yearsOfExperience: 4,
      consultationFee: 5000,
    };
    await saveRecord(db(), admin, "users", nurse.id, change);
    await updateStaff(db(), admin, twin.id, {
      name: "Nia Nurse",
      role: "DOCTOR",
      departmentId: cardio.id,
      specialty: "Cardiology",
      qualification: null,
      yearsOfExperience: 4,
      consultationFee: 5000,
    });
    const eventOf = (id: string) =>
      db().auditEvent.findFirstOrThrow({
        where: { entity: "User", entityId: id },
        select: { action: true, actorId: true, details: true },
      });
    const viaBrowser = await eventOf(nurse.id);
    expect(viaBrowser).toEqual(await eventOf(twin.id));
    expect(viaBrowser).toMatchObject({
      action: "UPDATE",
      actorId: admin.actor.id,
      details: {
        changes: {
          role: { from: "NURSE", to: "DOCTOR" },
          specialty: { from: null, to: "Cardiology" },
          consultationFee: { from: null, to: 5000 },
        },
      },
    });
    const history = await recordHistory(db(), e, await getRecord(db(), admin, e, nurse.id), { skip: 0, take: 20 });
    expect(history.items[0]).toMatchObject({ action: "UPDATE", actorName: "Ada Admin" });

    // The staff schema's rules, field by field; nothing written.
    const bad = await err(
      saveRecord(db(), admin, "users", nurse.id, { name: "", role: "PATIENT", yearsOfExperience: -1 }),
    );
    expect(bad).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { name: expect.any(String), role: expect.any(String), yearsOfExperience: expect.any(String) },
    });
    // The service's: a doctor needs a specialty; an admin does not demote themselves.
    expect(await err(saveRecord(db(), admin, "users", nurse.id, { specialty: null }))).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { specialty: expect.any(String) },
    });
    expect(await err(saveRecord(db(), admin, "users", admin.actor.id, { role: "NURSE" }))).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { role: expect.any(String) },
    });
    expect(await db().auditEvent.count({ where: { entity: "User", entityId: nurse.id } })).toBe(1);

    // A patient's sign-in account is not a staff account: no form, and the service refuses it.
    const pu = await seedUser(db(), { email: "pat@x.org", name: "Pat Patient", role: "PATIENT", password: PW });
    expect(await e.edit!.load!(db(), pu.id, {})).toBeNull();
    expect(await err(saveRecord(db(), admin, "users", pu.id, { name: "Someone" }))).toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("edits a patient through the patient schema and service, refusing bad input field by field", async () => {
    const p = await seedPatient(db(), {
      firstName: "Amara",
      lastName: "Bello",
      dateOfBirth: "1990-01-01",
      sex: "female",
      phone: "+2348000000001",
    });
    const e = browsable(admin, "patients");
    const record = await getRecord(db(), admin, e, p.id);
    expect(await e.edit!.load!(db(), p.id, record.values)).toMatchObject({
      firstName: "Amara",
      dateOfBirth: "1990-01-01",
      sex: "female",
      bloodGroup: null,
    });

    const bad = await err(
      saveRecord(db(), admin, "patients", p.id, {
        firstName: "",
        dateOfBirth: "1990-02-30",
        sex: "x",
        email: "not-an-email",
        phone: "abc",
        bloodGroup: "Z+",
      }),
    );
    expect(bad).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: {
        firstName: "Required",
        dateOfBirth: "Enter a valid date",
        sex: "Choose female, male, other or unknown",
        email: "Enter a valid email address",
        phone: expect.any(String),
        bloodGroup: expect.any(String),
      },
    });
    const future = await err(saveRecord(db(), admin, "patients", p.id, { dateOfBirth: "2999-01-01" }));
    expect(future).toMatchObject({ code: "VALIDATION_FAILED", fields: { dateOfBirth: expect.any(String) } });
    expect(
      await db().patient.findUniqueOrThrow({ where: { id: p.id }, select: { firstName: true, phone: true } }),
    ).toEqual({ firstName: "Amara", phone: "+2348000000001" });
    expect(await db().auditEvent.count({ where: { entity: "Patient", action: "UPDATE" } })).toBe(0);

    await saveRecord(db(), admin, "patients", p.id, {
      firstName: "Amara",
      lastName: "Bello-Okafor",
      dateOfBirth: "1990-01-02",
      sex: "female",
      phone: null,
      bloodGroup: "O_NEG",
      email: "amara@x.org",
    });
    expect(
      await db().patient.findUniqueOrThrow({
        where: { id: p.id },
        select: { lastName: true, dateOfBirth: true, phone: true, bloodGroup: true, email: true },
      }),
    ).toEqual({
      lastName: "Bello-Okafor",
      dateOfBirth: new Date("1990-01-02T00:00:00Z"),
      phone: null,
      bloodGroup: "O_NEG",
      email: "amara@x.org",
    });
    const history = await recordHistory(db(), e, record, { skip: 0, take: 20 });
    expect(history.items.map((h) => h.action)).toContain("UPDATE");
    expect(history.items.find((h) => h.action === "UPDATE")).toMatchObject({
      actorName: "Ada Admin",
      details: { fields: expect.arrayContaining(["lastName", "phone", "bloodGroup"]) },
    });
  });

  it("edits a lab test's price through the lab catalogue service, with its history", async () => {
    const t = await db().labTest.create({
      data: { code: "CRP", name: "C-reactive protein", unit: "mg/L", refHigh: 5, price: 1200 },
    });
    await saveRecord(db(), admin, "lab-tests", t.id, {
      name: "C-reactive protein",
      specimen: null,
      unit: "mg/L",
      refLow: null,
      refHigh: 5,
      price: 1800,
      active: true,
    });
    expect((await db().labTest.findUniqueOrThrow({ where: { id: t.id } })).price).toBe(1800);
    const e = browsable(admin, "lab-tests");
    const history = await recordHistory(db(), e, await getRecord(db(), admin, e, t.id), { skip: 0, take: 20 });
    expect(history.items).toHaveLength(1);
    expect(history.items[0]).toMatchObject({
      action: "UPDATE",
      actorName: "Ada Admin",
      details: { changes: { price: { from: 1200, to: 1800 } } },
    });
    expect(await err(saveRecord(db(), admin, "lab-tests", t.id, { price: -1 }))).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { price: "Enter a price of zero or more" },
    });
    expect(await err(saveRecord(db(), doctor, "lab-tests", t.id, { price: 1 }))).toMatchObject({ code: "FORBIDDEN" });
    expect((await db().labTest.findUniqueOrThrow({ where: { id: t.id } })).price).toBe(1800);
  });
});
