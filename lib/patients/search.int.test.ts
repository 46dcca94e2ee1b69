import { beforeEach, describe, expect, it } from "vitest";
import { seedPatient } from "@/prisma/builders";
import { db } from "@/lib/server/db";
import { resetDatabase } from "@/tests/reset";
import { listPatients, TOTAL_CAP, type PatientSort } from "./queries";

// Patient search served from the derived tables PatientName and PatientConditionKey (migration
// patient_search_derived): the triggers keep them in step with every write, and search reads them.

const query = (
  q = "",
  extra: { condition?: string; sort?: PatientSort; dir?: "asc" | "desc"; skip?: number; take?: number } = {},
) => ({
  q,
  page: 1,
  pageSize: extra.take ?? 20,
  skip: extra.skip ?? 0,
  take: extra.take ?? 20,
  sort: { field: extra.sort ?? ("lastName" as const), dir: extra.dir ?? ("asc" as const) },
  condition: extra.condition,
});
const names = (r: { items: { firstName: string; lastName: string }[] }) =>
  r.items.map((p) => `${p.firstName} ${p.lastName}`);
const patient = (firstName: string, lastName: string, dateOfBirth = "1990-01-01") =>
  seedPatient(db(), { firstName, lastName, dateOfBirth, sex: "female" });
const nameCounts = async () =>
  Object.fromEntries(
    (await db().patientName.findMany({ where: { patients: { not: 0 } } })).map((n) => [
      `${n.part}:${n.key}`,
      n.patients,
    ]),
  );

describe("patient search tables", () => {
  beforeEach(resetDatabase);

  it("count active patients per name and follow renames, deactivation, reactivation and deletion", async () => {
    const a = await patient("Amina", "Diallo");
    await patient("amina", "Koné");
    expect(await nameCounts()).toEqual({ "first:amina": 2, "last:diallo": 1, "last:koné": 1 });
    await db().patient.update({ where: { id: a.id }, data: { lastName: "Traoré" } });
    expect(await nameCounts()).toEqual({ "first:amina": 2, "last:traoré": 1, "last:koné": 1 });
    await db().patient.update({ where: { id: a.id }, data: { active: false } });
    expect(await nameCounts()).toEqual({ "first:amina": 1, "last:koné": 1 });
    await db().patient.update({ where: { id: a.id }, data: { active: true } });
    expect(await nameCounts()).toEqual({ "first:amina": 2, "last:traoré": 1, "last:koné": 1 });
    await db().patient.delete({ where: { id: a.id } });
    expect(await nameCounts()).toEqual({ "first:amina": 1, "last:koné": 1 });
  });

  it("keep one condition row per condition of an active patient, with the patient's current names", async () => {
    const p = await patient("Moussa", "Diallo");
    const c = await db().condition.create({ data: { patientId: p.id, text: "Asthma" } });
    const rows = () =>
      db().patientConditionKey.findMany({
        orderBy: { text: "asc" },
        select: { text: true, lastKey: true, firstKey: true },
      });
    expect(await rows()).toEqual([{ text: "Asthma", lastKey: "diallo", firstKey: "moussa" }]);
    await db().patient.update({ where: { id: p.id }, data: { firstName: "Mamadou" } });
    await db().condition.update({ where: { id: c.id }, data: { text: "Asthma, severe" } });
    await db().condition.create({ data: { patientId: p.id, text: "Epilepsy" } });
    expect(await rows()).toEqual([
      { text: "Asthma, severe", lastKey: "diallo", firstKey: "mamadou" },
      { text: "Epilepsy", lastKey: "diallo", firstKey: "mamadou" },
    ]);
    await db().patient.update({ where: { id: p.id }, data: { active: false } });
    expect(await rows()).toEqual([]);
    await db().patient.update({ where: { id: p.id }, data: { active: true } });
    await db().condition.deleteMany({ where: { text: "Epilepsy" } });
    expect(await rows()).toEqual([{ text: "Asthma, severe", lastKey: "diallo", firstKey: "mamadou" }]);
    await db().patient.delete({ where: { id: p.id } });
    expect(await rows()).toEqual([]);
  });

  it("stay exact under concurrent writes", async () => {
    // Twelve registrations of the same names at once, each in its own transaction with a condition.
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        db().$transaction(async (tx) => {
          const p = await tx.patient.create({
            data: {
              firstName: "Fatou",
              lastName: i % 2 ? "Sow" : "Bah",
              dateOfBirth: new Date("1990-01-01"),
              sex: "female",
            },
          });
          await tx.condition.create({ data: { patientId: p.id, text: "Asthma" } });
        }),
      ),
    );
    expect(await nameCounts()).toEqual({ "first:fatou": 12, "last:sow": 6, "last:bah": 6 });
    // A rename racing conditions being added: every condition row ends with the final name.
    const p = await patient("Awa", "Touré");
    await Promise.all([
      ...Array.from({ length: 6 }, (_, i) =>
        db().condition.create({ data: { patientId: p.id, text: `Condition ${i}` } }),
      ),
      db().patient.update({ where: { id: p.id }, data: { lastName: "Keïta" } }),
    ]);
    const keys = await db().patientConditionKey.findMany({ where: { patientId: p.id } });
    expect(keys.map((k) => k.lastKey)).toEqual(Array(6).fill("keïta"));
    expect((await listPatients(db(), query("keï", { condition: "condition" }))).total).toBe(1);
  });
});

describe("patient search by name keys", () => {
  beforeEach(async () => {
    await resetDatabase();
    for (const [first, last] of [
      ["Amina", "Diallo"],
      ["Amir", "Zongo"],
      ["Moussa", "Amadou"],
      ["Koffi", "Koffi"],
      ["Léa", "Martin"],
      ["Ama", "Bah"],
    ])
      await patient(first, last);
  });

  it("lists a first-name prefix with last-name prefixes in name order, each patient once", async () => {
    expect(names(await listPatients(db(), query("am")))).toEqual([
      "Moussa Amadou",
      "Ama Bah",
      "Amina Diallo",
      "Amir Zongo",
    ]);
    expect(names(await listPatients(db(), query("am", { dir: "desc" })))).toEqual([
      "Amir Zongo",
      "Amina Diallo",
      "Ama Bah",
      "Moussa Amadou",
    ]);
    expect(names(await listPatients(db(), query("am", { skip: 1, take: 2 })))).toEqual(["Ama Bah", "Amina Diallo"]);
    const koffi = await listPatients(db(), query("koffi"));
    expect([names(koffi), koffi.total]).toEqual([["Koffi Koffi"], 1]);
    expect(names(await listPatients(db(), query("zongo ami")))).toEqual(["Amir Zongo"]);
    expect(names(await listPatients(db(), query("am am")))).toEqual([
      "Moussa Amadou",
      "Ama Bah",
      "Amina Diallo",
      "Amir Zongo",
    ]);
  });

  it("falls back to typos when the words resolve to names but no patient has them together", async () => {
    // "amina" and "martin" are both names, never of one patient; "Martn" resembles Martin.
    expect((await listPatients(db(), query("amina martin"))).total).toBe(0);
    expect(names(await listPatients(db(), query("Martn")))).toEqual(["Léa Martin"]);
  });

  it("filters by condition with a name, counting a patient with two matching conditions once", async () => {
    const amina = await db().patient.findFirstOrThrow({ where: { firstName: "Amina" } });
    const amir = await db().patient.findFirstOrThrow({ where: { firstName: "Amir" } });
    await db().condition.createMany({
      data: [
        { patientId: amina.id, text: "Type 2 diabetes mellitus" },
        { patientId: amina.id, text: "Type 1 diabetes mellitus" },
        { patientId: amina.id, text: "Type 1 diabetes mellitus" },
        { patientId: amir.id, text: "Diabetes insipidus" },
      ],
    });
    const all = await listPatients(db(), query("", { condition: "diabetes" }));
    expect([names(all), all.total]).toEqual([["Amina Diallo", "Amir Zongo"], 2]);
    expect(names(await listPatients(db(), query("am", { condition: "diabetes", dir: "desc" })))).toEqual([
      "Amir Zongo",
      "Amina Diallo",
    ]);
    expect(names(await listPatients(db(), query("amina dia", { condition: "mellitus" })))).toEqual(["Amina Diallo"]);
    expect((await listPatients(db(), query("ama", { condition: "diabetes" }))).total).toBe(0);
    expect((await listPatients(db(), query("", { condition: "%" }))).total).toBe(0);
  });

  it("caps the total the same way from the name counts and from counting ranges", async () => {
    const many = Array.from({ length: TOTAL_CAP + 5 }, () => ({
      firstName: "Yao",
      lastName: "Mensah",
      dateOfBirth: new Date("1990-01-01"),
      sex: "male" as const,
    }));
    await db().patient.createMany({ data: many });
    const ids = await db().patient.findMany({ where: { lastName: "Mensah" }, select: { id: true } });
    await db().condition.createMany({ data: ids.map((p) => ({ patientId: p.id, text: "Asthma" })) });
    for (const [q, condition] of [
      ["mensah", undefined],
      ["yao men", undefined],
      ["", "asthma"],
      ["mens", "asthma"],
    ] as const) {
      const r = await listPatients(db(), query(q, { condition }));
      expect([q, condition, r.total, r.totalCapped, r.items.length]).toEqual([q, condition, TOTAL_CAP, true, 20]);
    }
    expect(await listPatients(db(), query("ama"))).toMatchObject({ total: 2, totalCapped: false });
  });
});
