import { beforeEach, describe, expect, it } from "vitest";
import { seedPatient, seedUser } from "@/prisma/builders";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/validation";
import type { Ctx } from "@/lib/server/session";
import { resetDatabase } from "@/tests/reset";
import { timeline } from "@/lib/clinical/queries";
import { openChart } from "./chart";
import { listPatients, readPatient, registrationsPerDay } from "./queries";
import { ZRegisterPatient, ZSelfRegister, ZUpdateOwnContact } from "./schemas";
import { deactivatePatient, registerPatient, updateOwnContact, updatePatient } from "./service";
import { completeRegistration, prepareRegistration } from "@/lib/accounts/registration";
import { renderMessage } from "@/lib/i18n/message";

const PW = "pw-0123456789";
let records: Ctx;
let doctor: Ctx;
let pharmacist: Ctx;

const query = (q = "", extra: { condition?: string; sort?: "lastName" | "createdAt" } = {}) => ({
  q,
  page: 1,
  pageSize: 20,
  skip: 0,
  take: 20,
  sort: { field: extra.sort ?? ("lastName" as const), dir: "asc" as const },
  condition: extra.condition,
});

describe("patients", () => {
  beforeEach(async () => {
    await resetDatabase();
    const mk = async (role: "RECORDS_OFFICER" | "DOCTOR" | "PHARMACIST") => {
      const u = await seedUser(db(), { email: `${role}@h.org`, name: role, role, password: PW });
      return { actor: { id: u.id, role, name: role, email: u.email }, ip: "10.1.1.1" } as Ctx;
    };
    records = await mk("RECORDS_OFFICER");
    doctor = await mk("DOCTOR");
    pharmacist = await mk("PHARMACIST");
  });

  const amina = () =>
    parseInput(ZRegisterPatient, {
      firstName: "Amina",
      lastName: "Diallo",
      dateOfBirth: "1990-05-17",
      sex: "female",
      phone: "+228 90 12 34 56",
      bloodGroup: "O+",
      allergies: [{ substance: "Penicillin", drugClass: "penicillins", reaction: "Rash", severity: "severe" }],
      conditions: ["Type 2 diabetes", { text: "Hypertension", code: "I10" }],
    });

  it("registers with a sequence MRN, allergies and conditions, and audits the creation", async () => {
    const p = await registerPatient(db(), doctor, amina());
    expect(p.mrn).toMatch(/^H-\d{6}$/);
    const record = await readPatient(db(), doctor, p.id);
    expect(record).toMatchObject({ firstName: "Amina", age: expect.any(Number), phone: "+22890123456" });
    expect(record.allergies).toEqual([expect.objectContaining({ substance: "Penicillin", severity: "severe" })]);
    expect(record.clinical).toMatchObject({
      bloodGroup: "O+",
      conditions: [{ text: "Type 2 diabetes" }, { text: "Hypertension", code: "I10" }],
    });
    expect(
      await db().auditEvent.count({ where: { patientId: p.id, action: "CREATE", actorId: doctor.actor.id } }),
    ).toBe(1);
  });

  it("stops a likely duplicate until confirmed, then registers a second record with a new MRN", async () => {
    const first = await registerPatient(db(), doctor, amina());
    const err = await registerPatient(db(), doctor, { ...amina(), firstName: "AMINA" }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe("DUPLICATE");
    expect(err.details.candidates).toEqual([expect.objectContaining({ id: first.id, mrn: first.mrn })]);
    expect(await db().patient.count()).toBe(1);
    const second = await registerPatient(db(), doctor, { ...amina(), confirmDuplicate: true });
    expect(second.mrn).not.toBe(first.mrn);
  });

  it("matches a duplicate by national id even with another name", async () => {
    await registerPatient(db(), doctor, { ...amina(), nationalId: "TG-123" });
    const err = await registerPatient(db(), doctor, { ...amina(), firstName: "Other", nationalId: "TG-123" }).catch(
      (e) => e,
    );
    expect(err.code).toBe("DUPLICATE");
  });

  it("refuses bad input field by field", () => {
    const result = ZRegisterPatient.safeParse({
      firstName: "",
      lastName: "X",
      dateOfBirth: "2999-01-01",
      sex: "robot",
      email: "nope",
      allergies: [{ severity: "deadly" }],
    });
    expect(result.success).toBe(false);
    const fields = Object.fromEntries(
      result.error!.issues.map((i) => [i.path.join("."), renderMessage(i.message, "en")]),
    );
    expect(fields).toMatchObject({
      firstName: "Required",
      dateOfBirth: "The date of birth cannot be in the future",
      sex: "Choose female, male, other or unknown",
      email: "Enter a valid email address",
      "allergies.0.substance": "Name the substance",
      "allergies.0.severity": "Choose mild, moderate or severe",
    });
    expect(
      renderMessage(
        ZRegisterPatient.safeParse({ ...amina(), dateOfBirth: "2023-02-30" }).error!.issues[0].message,
        "en",
      ),
    ).toBe("Enter a valid date");
  });

  it("shows records officers and pharmacists demographics and allergies, not clinical details", async () => {
    const p = await registerPatient(db(), doctor, amina());
    for (const ctx of [records, pharmacist]) {
      const r = await readPatient(db(), ctx, p.id);
      expect(r.clinical).toBeNull();
      expect(r.allergies).toHaveLength(1);
    }
  });

  it("audits every read of a chart", async () => {
    const p = await registerPatient(db(), doctor, amina());
    await readPatient(db(), doctor, p.id);
    await readPatient(db(), doctor, p.id);
    expect(await db().auditEvent.count({ where: { patientId: p.id, action: "VIEW", actorId: doctor.actor.id } })).toBe(
      2,
    );
  });

  it("replaces allergy and condition lists on edit and records which fields changed", async () => {
    const p = await registerPatient(db(), doctor, amina());
    await updatePatient(db(), doctor, p.id, {
      allergies: [],
      conditions: [{ text: "Asthma", code: "J45" }],
      phone: "+22899999999",
    });
    const r = await readPatient(db(), doctor, p.id);
    expect(r.allergies).toEqual([]);
    expect(r.clinical?.conditions).toEqual([expect.objectContaining({ text: "Asthma" })]);
    const ev = await db().auditEvent.findFirstOrThrow({ where: { patientId: p.id, action: "UPDATE" } });
    expect(ev.details).toEqual({ fields: ["allergies", "conditions", "phone"] });
  });

  it("deactivates with a reason: gone from lists, history kept", async () => {
    const p = await registerPatient(db(), doctor, amina());
    await deactivatePatient(db(), records, p.id, "Registered twice");
    expect((await listPatients(db(), query("Diallo"))).total).toBe(0);
    const history = await timeline(db(), await openChart(db(), doctor, p.id), {
      page: 1,
      pageSize: 20,
      oldestFirst: true,
    });
    expect(history.items.map((h) => h.kind)).toEqual([
      "registered",
      "allergy",
      "condition",
      "condition",
      "deactivated",
    ]);
  });

  describe("search", () => {
    beforeEach(async () => {
      await seedPatient(db(), {
        firstName: "Amina",
        lastName: "Diallo",
        dateOfBirth: "1990-01-01",
        sex: "female",
        phone: "+22890111111",
      });
      await seedPatient(db(), {
        firstName: "Moussa",
        lastName: "Diallo",
        dateOfBirth: "1980-01-01",
        sex: "male",
        phone: "+22890222222",
      });
      await seedPatient(db(), { firstName: "Léa", lastName: "Martin", dateOfBirth: "1970-01-01", sex: "female" });
    });

    it("finds by name prefix, several words, and a typo", async () => {
      expect((await listPatients(db(), query("dia"))).items.map((p) => p.firstName)).toEqual(["Amina", "Moussa"]);
      expect((await listPatients(db(), query("amina diallo"))).items.map((p) => p.firstName)).toEqual(["Amina"]);
      expect((await listPatients(db(), query("Dialo"))).total).toBe(2);
    });

    it("finds by MRN and by phone prefix", async () => {
      const martin = await db().patient.findFirstOrThrow({ where: { lastName: "Martin" } });
      expect((await listPatients(db(), query(martin.mrn))).items.map((p) => p.id)).toEqual([martin.id]);
      expect(
        (await listPatients(db(), query(martin.mrn.toLowerCase().replace("-", "")))).items.map((p) => p.id),
      ).toEqual([martin.id]);
      expect((await listPatients(db(), query("+2289022"))).items.map((p) => p.firstName)).toEqual(["Moussa"]);
    });

    it("filters by condition and treats LIKE wildcards as text", async () => {
      const p = await db().patient.findFirstOrThrow({ where: { firstName: "Moussa" } });
      await db().condition.create({ data: { patientId: p.id, text: "Chronic kidney disease" } });
      expect((await listPatients(db(), query("", { condition: "kidney" }))).items.map((x) => x.firstName)).toEqual([
        "Moussa",
      ]);
      expect((await listPatients(db(), query("%"))).total).toBe(0);
    });

    it("pages and sorts", async () => {
      const page = await listPatients(db(), { ...query(""), pageSize: 2, take: 2, skip: 2 });
      expect(page.total).toBe(3);
      expect(page.items.map((p) => p.lastName)).toEqual(["Martin"]);
    });
  });

  /** A self-registration as the page and the API do it: the request half, then the worker's. */
  async function selfRegister(raw: Record<string, string>, ip: string | null) {
    const job = await prepareRegistration(db(), parseInput(ZSelfRegister, raw), ip, "en");
    await completeRegistration(db(), job, { from: "x@h.org", hospitalName: "H" });
    const user = await db().user.findUniqueOrThrow({ where: { email: job.email }, include: { patient: true } });
    return { userId: user.id, id: user.patient!.id, mrn: user.patient!.mrn, user };
  }

  it("lets a patient self-register (to confirm by email), and a taken email creates nothing", async () => {
    const input = {
      email: "Sam@Mail.org",
      password: "a-long-password",
      firstName: "Sam",
      lastName: "Self",
      dateOfBirth: "2000-02-02",
      sex: "male",
    };
    const r = await selfRegister(input, "1.1.1.1");
    expect(r.mrn).toMatch(/^H-/);
    expect(r.user).toMatchObject({ role: "PATIENT", requiredAction: "VERIFY_EMAIL" });
    await selfRegister({ ...input, firstName: "Other" }, "1.1.1.2");
    expect(await db().patient.count()).toBe(1);
    expect((await db().user.findUniqueOrThrow({ where: { email: "sam@mail.org" } })).name).toBe("Sam Self");
  });

  it("keeps a patient to their own record and their own contact details", async () => {
    const me = await selfRegister(
      {
        email: "a@p.org",
        password: "a-long-password",
        firstName: "A",
        lastName: "P",
        dateOfBirth: "2000-02-02",
        sex: "male",
      },
      null,
    );
    const other = await registerPatient(db(), doctor, amina());
    const self: Ctx = { actor: { id: me.userId, role: "PATIENT", name: "A P", email: "a@p.org" }, ip: null };
    expect((await readPatient(db(), self, me.id)).id).toBe(me.id);
    await expect(readPatient(db(), self, other.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updatePatient(db(), self, other.id, { phone: "+22800000000" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await updateOwnContact(db(), self, parseInput(ZUpdateOwnContact, { phone: "+228 11 11 11 11", address: "Rue 1" }));
    expect(await db().patient.findUniqueOrThrow({ where: { id: me.id } })).toMatchObject({
      phone: "+22811111111",
      address: "Rue 1",
    });
    // Emptying a field clears it; a field not sent is left alone.
    await updateOwnContact(db(), self, parseInput(ZUpdateOwnContact, { address: "" }));
    expect(await db().patient.findUniqueOrThrow({ where: { id: me.id } })).toMatchObject({
      phone: "+22811111111",
      address: null,
    });
  });

  it("counts registrations per day for the dashboard chart", async () => {
    await registerPatient(db(), doctor, amina());
    const days = await registrationsPerDay(db(), 7);
    expect(days).toHaveLength(7);
    expect(days.at(-1)?.count).toBe(1);
  });
});
