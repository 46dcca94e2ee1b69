import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import type { Ctx } from "@/lib/server/session";
import { parseInput } from "@/lib/server/validation";
import { seedPatient, seedUser } from "@/prisma/builders";
import { resetDatabase } from "@/tests/reset";
import { listConsultations } from "./queries";
import { ZConsultationCreate } from "./schemas";
import { createConsultation, signConsultation } from "./service";

const PW = "pw-0123456789";
const ctxOf = (u: { id: string; email: string; name: string }, role: Ctx["actor"]["role"]): Ctx => ({
  actor: { id: u.id, role, name: u.name, email: u.email },
  ip: null,
});
const page = { skip: 0, take: 20 };

describe("listConsultations for /consultations: a doctor's own, filtered by status and patient, audited per patient", () => {
  let doctor: Ctx, colleague: Ctx;
  let jane: { id: string; mrn: string }, omar: { id: string; mrn: string };
  let janeDraft: string, janeSigned: string, omarDraft: string, colleagues: string;

  beforeEach(async () => {
    await resetDatabase();
    doctor = ctxOf(await seedUser(db(), { email: "d@h.org", name: "Dr Who", role: "DOCTOR", password: PW }), "DOCTOR");
    colleague = ctxOf(
      await seedUser(db(), { email: "c@h.org", name: "Dr Other", role: "DOCTOR", password: PW }),
      "DOCTOR",
    );
    jane = await seedPatient(db(), { firstName: "Jane", lastName: "Doe", dateOfBirth: "1980-01-01", sex: "female" });
    omar = await seedPatient(db(), { firstName: "Omar", lastName: "Haddad", dateOfBirth: "1970-02-02", sex: "male" });
    const write = async (ctx: Ctx, patientId: string) =>
      (await createConsultation(db(), ctx, parseInput(ZConsultationCreate, { patientId, assessment: "Cough" }))).id;
    janeDraft = await write(doctor, jane.id);
    janeSigned = await write(doctor, jane.id);
    await signConsultation(db(), doctor, janeSigned);
    omarDraft = await write(doctor, omar.id);
    colleagues = await write(colleague, jane.id);
  });

  const ids = (r: { items: { id: string }[] }) => r.items.map((c) => c.id).sort();
  const views = () =>
    db().auditEvent.findMany({
      where: { action: "VIEW", entity: "Consultation" },
      select: { patientId: true, actorId: true },
    });

  it("lists the doctor's own, names each patient, and writes one VIEW row per patient shown", async () => {
    const all = await listConsultations(db(), doctor, {}, page);
    expect(ids(all)).toEqual([janeDraft, janeSigned, omarDraft].sort());
    expect(ids(all)).not.toContain(colleagues);
    expect(all.items.find((c) => c.id === omarDraft)?.patient).toEqual({
      id: omar.id,
      mrn: omar.mrn,
      name: "Omar Haddad",
    });
    const rows = await views();
    expect(rows.map((r) => r.patientId).sort()).toEqual([jane.id, omar.id].sort());
    expect(rows.every((r) => r.actorId === doctor.actor.id)).toBe(true);
  });

  it("filters drafts and signed notes, and by patient name or MRN", async () => {
    expect(ids(await listConsultations(db(), doctor, { status: "draft" }, page))).toEqual(
      [janeDraft, omarDraft].sort(),
    );
    expect(ids(await listConsultations(db(), doctor, { status: "signed" }, page))).toEqual([janeSigned]);
    expect(ids(await listConsultations(db(), doctor, { patient: "hadd" }, page))).toEqual([omarDraft]);
    expect(ids(await listConsultations(db(), doctor, { patient: jane.mrn, status: "draft" }, page))).toEqual([
      janeDraft,
    ]);
    expect(ids(await listConsultations(db(), doctor, { patient: "jane doe" }, page))).toEqual(
      [janeDraft, janeSigned].sort(),
    );
    expect((await listConsultations(db(), doctor, { patient: "nobody" }, page)).total).toBe(0);
  });
});
