import { beforeEach, describe, expect, it } from "vitest";
import { seedDepartment, seedPatient, seedUser } from "@/prisma/builders";
import { parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import type { Ctx } from "@/lib/server/session";
import { resetDatabase } from "@/tests/reset";
import { saveRecord } from "./edit";
import { browsable, entityCounts, getRecord, listRecords, recordHistory } from "./queries";
import { REGISTRY } from "./registry";

const PW = "pw-0123456789";
const ctxOf = (u: { id: string; email: string; name: string }, role: Ctx["actor"]["role"]): Ctx => ({ actor: { id: u.id, role, name: u.name, email: u.email }, ip: null });
const err = (p: Promise<unknown>) => p.then(() => null, (e) => e);
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
    const first = await listRecords(db(), e, page("pageSize=2&page=2", "departments"), {});
    expect(first.total).toBe(4);
    expect(first.items.map((r) => r.label)).toEqual(["Oncology", "Pediatrics"]);
    expect(Object.keys(first.items[0].values).sort()).toEqual(["active", "createdAt", "description", "name"]);
    const searched = await listRecords(db(), e, page("q=OLOG&sort=-name", "departments"), { active: "true" });
    expect(searched.items.map((r) => r.label)).toEqual(["Neurology", "Cardiology"]);
    expect(searched.total).toBe(2);
  });

  it("lists patients by sex and by a search on name, and shows references as labelled links", async () => {
    const amara = await seedPatient(db(), { firstName: "Amara", lastName: "Bello", dateOfBirth: "1990-01-01", sex: "female" });
    await seedPatient(db(), { firstName: "Bola", lastName: "Bello", dateOfBirth: "1980-01-01", sex: "male" });
    await seedPatient(db(), { firstName: "Chen", lastName: "Wu", dateOfBirth: "1970-01-01", sex: "female" });
    const e = REGISTRY.get("patients")!;
    const women = await listRecords(db(), e, page("", "patients"), { sex: "female" });
    expect(women.items.map((r) => r.values.lastName)).toEqual(["Bello", "Wu"]);
    const bellos = await listRecords(db(), e, page("q=bell&pageSize=1", "patients"), {});
    expect(bellos.total).toBe(2);
    expect(bellos.items).toHaveLength(1);
    expect(await listRecords(db(), e, page("", "patients"), { sex: "not-a-sex" })).toMatchObject({ total: 3 });

    await db().allergy.create({ data: { patientId: amara.id, substance: "Penicillin", severity: "severe" } });
    const allergies = await listRecords(db(), REGISTRY.get("allergies")!, parseListQuery(new URLSearchParams(""), ["createdAt"], "-createdAt"), { patientId: amara.id });
    expect(allergies.items[0].links.patientId).toEqual({ entity: "patients", id: amara.id, label: expect.stringContaining("Amara · Bello") });
  });

  it("edits a department through its own schema and service, and the history shows the change with the admin's name", async () => {
    const dep = await seedDepartment(db(), "Dermatology", "Skin");
    await saveRecord(db(), admin, "departments", dep.id, { name: "Dermatology", description: "Skin and hair", active: true });
    expect(await db().department.findUniqueOrThrow({ where: { id: dep.id } })).toMatchObject({ description: "Skin and hair" });
    const e = browsable(admin, "departments");
    const record = await getRecord(db(), admin, e, dep.id);
    expect(record.values).toMatchObject({ name: "Dermatology", description: "Skin and hair", active: true });
    const history = await recordHistory(db(), e, record, { skip: 0, take: 20 });
    expect(history.total).toBe(1);
    expect(history.items[0]).toMatchObject({ action: "UPDATE", actorName: "Ada Admin", details: { changes: { description: { from: "Skin", to: "Skin and hair" } } } });

    // Bad input: refused field by field, nothing written.
    const bad = await err(saveRecord(db(), admin, "departments", dep.id, { name: "  ", description: "x".repeat(501) }));
    expect(bad).toMatchObject({ code: "VALIDATION_FAILED", fields: { name: "Enter a name", description: "Use at most 500 characters" } });
    expect((await db().department.findUniqueOrThrow({ where: { id: dep.id } })).name).toBe("Dermatology");
    // The service's own rules hold: a duplicate name is refused by the unique index.
    await seedDepartment(db(), "Cardiology");
    expect(await err(saveRecord(db(), admin, "departments", dep.id, { name: "Cardiology" }))).toMatchObject({ code: "DUPLICATE", fields: { name: expect.any(String) } });
    expect(await db().auditEvent.count({ where: { entity: "Department", entityId: dep.id } })).toBe(1);
  });

  it("refuses non-admins, read-only entities and unknown ones", async () => {
    const dep = await seedDepartment(db(), "Dermatology");
    expect(await err(saveRecord(db(), doctor, "departments", dep.id, { name: "Skin" }))).toMatchObject({ code: "FORBIDDEN" });
    expect(() => browsable(doctor, "departments")).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect((await entityCounts(db(), doctor)).map((c) => c.key)).not.toContain("departments");
    const p = await seedPatient(db(), { firstName: "Amara", lastName: "Bello", dateOfBirth: "1990-01-01", sex: "female" });
    expect(await err(saveRecord(db(), admin, "patients", p.id, { firstName: "Eve" }))).toMatchObject({ code: "FORBIDDEN", message: "This kind of record cannot be edited in the data browser." });
    expect(await err(saveRecord(db(), admin, "nope", "x", {}))).toMatchObject({ code: "NOT_FOUND" });
    expect((await db().patient.findUniqueOrThrow({ where: { id: p.id } })).firstName).toBe("Amara");
    expect(await db().department.findUniqueOrThrow({ where: { id: dep.id } })).toMatchObject({ name: "Dermatology" });
  });

  it("counts each entity and audits a chart read as a VIEW of the patient", async () => {
    const p = await seedPatient(db(), { firstName: "Amara", lastName: "Bello", dateOfBirth: "1990-01-01", sex: "female" });
    const a = await db().allergy.create({ data: { patientId: p.id, substance: "Penicillin" } });
    const counts = Object.fromEntries((await entityCounts(db(), admin)).map((c) => [c.key, c.count]));
    expect(counts).toMatchObject({ users: 2, patients: 1, allergies: 1, departments: 0 });
    await getRecord(db(), admin, browsable(admin, "allergies"), a.id);
    expect(await db().auditEvent.findMany({ where: { action: "VIEW", patientId: p.id }, select: { entity: true, entityId: true, actorId: true } })).toEqual([{ entity: "Patient", entityId: p.id, actorId: admin.actor.id }]);
    const user = await getRecord(db(), admin, browsable(admin, "users"), admin.actor.id);
    expect(Object.keys(user.values)).not.toContain("passwordHash");
  });
});
