import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ensureDrugCatalogue } from "@/lib/pharmacy/catalogue";
import { clock } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/validation";
import type { Ctx } from "@/lib/server/session";
import { seedPatient, seedUser } from "@/prisma/builders";
import { resetDatabase } from "@/tests/reset";
import { updateStaff } from "@/lib/staff/service";
import { ZStaffUpdate } from "@/lib/staff/schemas";
import { pdfText } from "@/tests/pdf-text";
import { renderPrescriptionPdf } from "./pdf";
import { getPrescription, listPrescriptions, openPrescriptionsChart } from "./queries";
import { ZPrescribe } from "./schemas";
import { prescribe, revokePrescription } from "./service";
import { verifyPrescription } from "./verify";

const PW = "pw-0123456789";
const ctxOf = (u: { id: string; email: string }, role: Ctx["actor"]["role"], name: string = role): Ctx => ({
  actor: { id: u.id, role, name, email: u.email },
  ip: "10.1.2.3",
});
const err = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => e,
  );

let doctor: Ctx, doctor2: Ctx, pharmacist: Ctx, patientCtx: Ctx, otherPatientCtx: Ctx;
let patientId: string, otherPatientId: string;
const drugs = new Map<string, string>();

const line = (name: string, extra: Record<string, unknown> = {}) => ({
  drugId: drugs.get(name)!,
  dose: "1 tablet",
  route: "oral",
  frequency: "twice daily",
  durationDays: 5,
  ...extra,
});
const rx = async (ctx: Ctx, body: Record<string, unknown>) => prescribe(db(), ctx, parseInput(ZPrescribe, body));

describe("prescribing", () => {
  beforeEach(async () => {
    await resetDatabase();
    await ensureDrugCatalogue(db());
    for (const d of await db().drug.findMany({ orderBy: { strength: "asc" } }))
      if (!drugs.has(d.genericName) || d.form === "tablet" || d.form === "capsule") drugs.set(d.genericName, d.id);
    const d = await seedUser(db(), { email: "d@h.org", name: "Dr House", role: "DOCTOR", password: PW });
    const d2 = await seedUser(db(), { email: "d2@h.org", name: "Dr Wilson", role: "DOCTOR", password: PW });
    const ph = await seedUser(db(), { email: "ph@h.org", name: "Pharma", role: "PHARMACIST", password: PW });
    const pu = await seedUser(db(), { email: "p@h.org", name: "Pat", role: "PATIENT", password: PW });
    const ou = await seedUser(db(), { email: "o@h.org", name: "Oth", role: "PATIENT", password: PW });
    doctor = ctxOf(d, "DOCTOR", "Dr House");
    doctor2 = ctxOf(d2, "DOCTOR", "Dr Wilson");
    pharmacist = ctxOf(ph, "PHARMACIST");
    patientCtx = ctxOf(pu, "PATIENT");
    otherPatientCtx = ctxOf(ou, "PATIENT");
    patientId = (
      await seedPatient(db(), {
        firstName: "Jane",
        lastName: "Doe",
        dateOfBirth: "1980-01-01",
        sex: "female",
        userId: pu.id,
      })
    ).id;
    otherPatientId = (
      await seedPatient(db(), {
        firstName: "Oth",
        lastName: "Er",
        dateOfBirth: "1981-01-01",
        sex: "male",
        userId: ou.id,
      })
    ).id;
    await db().allergy.create({
      data: { patientId, substance: "Penicillin", severity: "severe", reaction: "anaphylaxis" },
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it("issues a prescription: lines, default quantity, expiry, token, audit and a notification", async () => {
    vi.spyOn(clock, "now").mockReturnValue(new Date("2026-11-22T08:00:00Z"));
    const p = await rx(doctor, {
      patientId,
      items: [
        line("paracetamol", { dose: "1000 mg", frequency: "four times daily", durationDays: 3 }),
        line("omeprazole", { quantity: 14, instructions: "before breakfast" }),
      ],
    });
    expect(p).toMatchObject({
      status: "ACTIVE",
      findings: [],
      overrideReason: null,
      issuedAt: "2026-11-22T08:00:00.000Z",
      expiresAt: "2026-12-22T08:00:00.000Z",
    });
    expect(p.items.map((i) => [i.drug.genericName, i.quantity, i.instructions])).toEqual([
      ["paracetamol", 24, null],
      ["omeprazole", 14, "before breakfast"],
    ]);
    expect(p.verifyUrl).toMatch(/\/rx\/[A-Za-z0-9_-]{43}$/);
    expect(
      await db().auditEvent.count({ where: { action: "CREATE", entity: "Prescription", entityId: p.id, patientId } }),
    ).toBe(1);
    expect(
      await db().notification.count({ where: { userId: patientCtx.actor.id, link: `/prescriptions/${p.id}` } }),
    ).toBe(1);
  });

  it("refuses with 409 SAFETY_CHECK listing the findings, and writes nothing", async () => {
    const before = await db().auditEvent.count();
    const e = await err(rx(doctor, { patientId, items: [line("amoxicillin")] }));
    expect(e).toMatchObject({ code: "SAFETY_CHECK", status: 409 });
    expect(e.toBody().error.details.findings).toEqual([
      expect.objectContaining({ kind: "ALLERGY_CLASS", severity: "high", drugs: ["amoxicillin"] }),
    ]);
    expect(await db().prescription.count()).toBe(0);
    expect(await db().prescriptionItem.count()).toBe(0);
    expect(await db().auditEvent.count()).toBe(before);
  });

  it("stores the override reason and findings, and audits both", async () => {
    const p = await rx(doctor, {
      patientId,
      items: [line("amoxicillin")],
      overrideReason: "Tolerated amoxicillin in 2024 under observation",
    });
    expect(p.overrideReason).toBe("Tolerated amoxicillin in 2024 under observation");
    expect(p.findings).toEqual([expect.objectContaining({ kind: "ALLERGY_CLASS" })]);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "CREATE", entityId: p.id } });
    expect(event.details).toMatchObject({
      overrideReason: "Tolerated amoxicillin in 2024 under observation",
      findings: [expect.objectContaining({ kind: "ALLERGY_CLASS", drugs: ["amoxicillin"] })],
    });
  });

  it("checks interactions against the patient's other live prescriptions, not revoked or expired ones", async () => {
    const first = await rx(doctor, { patientId, items: [line("simvastatin")] });
    const e = await err(rx(doctor2, { patientId, items: [line("clarithromycin")] }));
    expect(e.details.findings).toEqual([
      expect.objectContaining({ kind: "INTERACTION", drugs: ["clarithromycin", "simvastatin"] }),
    ]);
    await revokePrescription(db(), doctor, first.id, "Switched to atorvastatin");
    await expect(rx(doctor2, { patientId, items: [line("clarithromycin")] })).resolves.toMatchObject({ findings: [] });
    // Another patient's prescriptions never count.
    await expect(rx(doctor, { patientId: otherPatientId, items: [line("simvastatin")] })).resolves.toMatchObject({
      findings: [],
    });
  });

  it("ignores expired prescriptions for interactions", async () => {
    const now = new Date("2026-11-22T08:00:00Z");
    const spy = vi.spyOn(clock, "now").mockReturnValue(now);
    await rx(doctor, { patientId, items: [line("warfarin")] });
    spy.mockReturnValue(new Date(now.getTime() + 31 * 86_400_000));
    await expect(rx(doctor, { patientId, items: [line("ibuprofen")] })).resolves.toMatchObject({ findings: [] });
    const [old] = (await listPrescriptions(db(), doctor, { status: "EXPIRED" }, { skip: 0, take: 10 })).items;
    expect(old.drugs).toEqual(["warfarin 5 mg"]);
  });

  it("two racing prescriptions for one patient cannot both miss each other", async () => {
    const results = await Promise.allSettled([
      rx(doctor, { patientId, items: [line("sildenafil")] }),
      rx(doctor2, { patientId, items: [line("isosorbide mononitrate")] }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({
      code: "SAFETY_CHECK",
    });
  });

  it("links a consultation of the same patient, and refuses another patient's", async () => {
    const own = await db().consultation.create({ data: { patientId, doctorId: doctor.actor.id } });
    const other = await db().consultation.create({ data: { patientId: otherPatientId, doctorId: doctor.actor.id } });
    await expect(
      rx(doctor, { patientId, consultationId: own.id, items: [line("paracetamol")] }),
    ).resolves.toMatchObject({ consultationId: own.id });
    expect(
      (await err(rx(doctor, { patientId, consultationId: other.id, items: [line("paracetamol")] }))).fields,
    ).toEqual({ consultationId: expect.any(String) });
  });

  it("validates input field by field and writes nothing", async () => {
    const e = await err(
      rx(doctor, { patientId, items: [{ drugId: "", dose: "", route: "oral", frequency: "daily", durationDays: 0 }] }),
    );
    expect(e).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(Object.keys(e.fields).sort()).toEqual(["items.0.dose", "items.0.drugId", "items.0.durationDays"]);
    const q = await err(rx(doctor, { patientId, items: [line("paracetamol", { frequency: "as needed" })] }));
    expect(q.fields).toEqual({ "items.0.quantity": expect.stringContaining("quantity") });
    const bad = await err(rx(doctor, { patientId, items: [line("paracetamol", { drugId: "no-such-drug" })] }));
    expect(bad.fields).toEqual({ "items.0.drugId": expect.any(String) });
    expect(await err(rx(doctor, { patientId: "nobody", items: [line("paracetamol")] }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db().prescription.count()).toBe(0);
  });

  it("scopes reads: a patient sees their own only (another's is NOT_FOUND); staff see all; views are audited", async () => {
    const mine = await rx(doctor, { patientId, items: [line("paracetamol")] });
    const theirs = await rx(doctor, { patientId: otherPatientId, items: [line("paracetamol")] });
    await expect(getPrescription(db(), patientCtx, mine.id)).resolves.toMatchObject({ id: mine.id });
    expect(await err(getPrescription(db(), patientCtx, theirs.id))).toMatchObject({ code: "NOT_FOUND" });
    expect((await listPrescriptions(db(), patientCtx, {}, { skip: 0, take: 10 })).items.map((p) => p.id)).toEqual([
      mine.id,
    ]);
    // Another patient's prescriptions: their chart does not open (not found, like a missing record).
    await expect(openPrescriptionsChart(db(), otherPatientCtx, patientId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listPrescriptions(db(), pharmacist, {}, { skip: 0, take: 10 })).total).toBe(2);
    expect(
      await db().auditEvent.count({
        where: { action: "VIEW", entity: "Prescription", entityId: mine.id, actorId: patientCtx.actor.id },
      }),
    ).toBe(1);
  });

  it("revokes: prescriber only, audited, the /rx view then says revoked; not twice, not when dispensed", async () => {
    const p = await rx(doctor, { patientId, items: [line("paracetamol")] });
    const token = p.verifyUrl.split("/rx/")[1];
    expect(await verifyPrescription(db(), token, { actor: null, ip: "192.0.2.1" })).toMatchObject({
      status: "ACTIVE",
      patientInitials: "J. D.",
      prescriber: "Dr House",
    });
    expect(await err(revokePrescription(db(), doctor2, p.id, "not mine to revoke"))).toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(revokePrescription(db(), doctor, p.id, "Wrong patient")).resolves.toMatchObject({
      status: "REVOKED",
      revokeReason: "Wrong patient",
    });
    expect(await db().auditEvent.count({ where: { action: "UPDATE", entityId: p.id } })).toBe(1);
    const view = await verifyPrescription(db(), token, { actor: null, ip: "192.0.2.1" });
    expect(view).toMatchObject({ status: "REVOKED" });
    expect(JSON.stringify(view)).not.toMatch(/Jane|Doe|mrn|Penicillin|1980/i);
    expect(
      await db().auditEvent.count({ where: { action: "VERIFY", entityId: p.id, ip: "192.0.2.1", patientId: null } }),
    ).toBe(2);
    expect(await err(revokePrescription(db(), doctor, p.id, "again"))).toMatchObject({ code: "INVALID_TRANSITION" });

    const done = await rx(doctor, { patientId, items: [line("cetirizine")] });
    await db().prescription.update({ where: { id: done.id }, data: { status: "DISPENSED" } });
    expect(await err(revokePrescription(db(), doctor, done.id, "too late now"))).toMatchObject({
      code: "INVALID_TRANSITION",
      status: 409,
    });
  });

  it("refuses forged and unknown tokens before or after lookup, without recording a view", async () => {
    expect(await verifyPrescription(db(), "not-a-token", { actor: null, ip: null })).toBeNull();
    const { issueRxToken } = await import("./token");
    expect(await verifyPrescription(db(), issueRxToken(), { actor: null, ip: null })).toBeNull();
    expect(await db().auditEvent.count({ where: { action: "VERIFY" } })).toBe(0);
  });

  it("renders a PDF on A4 and US Letter", async () => {
    const p = await rx(doctor, { patientId, items: [line("paracetamol"), line("cetirizine")] });
    for (const [paper, box] of [
      ["A4", [595.28, 841.89]],
      ["LETTER", [612, 792]],
    ] as const) {
      const pdf = await renderPrescriptionPdf(db(), doctor, p.id, paper, "en");
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      const m = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString("latin1"));
      expect(m && [Number(m[1]), Number(m[2])]).toEqual(box);
    }
    expect(await err(renderPrescriptionPdf(db(), otherPatientCtx, p.id, "A4", "en"))).toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("numbers prescriptions from a sequence and prints the number and the prescriber's registration", async () => {
    const admin = ctxOf(
      await seedUser(db(), { email: "a@h.org", name: "Admin", role: "ADMIN", password: PW }),
      "ADMIN",
    );
    await updateStaff(
      db(),
      admin,
      doctor.actor.id,
      parseInput(ZStaffUpdate, { role: "DOCTOR", specialty: "Internal medicine", registrationNumber: "GMC 7654321" }),
    );
    const first = await rx(doctor, { patientId, items: [line("paracetamol")] });
    const second = await rx(doctor, { patientId, items: [line("cetirizine")] });
    expect(first.number).toMatch(/^RX-\d{6,}$/);
    expect(Number(second.number.slice(3))).toBe(Number(first.number.slice(3)) + 1);
    expect((await getPrescription(db(), patientCtx, first.id)).number).toBe(first.number);
    const text = (await pdfText(await renderPrescriptionPdf(db(), doctor, first.id, "A4", "en"))).replace(/\s+/g, " ");
    expect(text).toContain(`No. ${first.number}`);
    expect(text).toContain("REGISTRATION NO. GMC 7654321");
  });
});
