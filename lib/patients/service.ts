import type { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";
import type { Ctx } from "@/lib/server/session";
import type { RegisterPatientInput, UpdateOwnContactInput, UpdatePatientInput } from "./schemas";
import { recordDuplicatePairs } from "./duplicates";
import { findMatches, type Identity, type Level, type MatchReason } from "./matching";
import { assertMayWriteFields, patientScope } from "./scope";
import { clock } from "@/lib/server/clock";
import { E } from "@/lib/i18n/error-keys";

const m = E.patients.errors;
const day = (s: string) => new Date(`${s}T00:00:00Z`);

export type DuplicateCandidate = {
  id: string;
  mrn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  nationalId: string | null;
  score: number;
  level: Level;
  reasons: MatchReason[];
};

/** Likely existing records of the same person, by the one matcher (lib/patients/matching.ts): POSSIBLE or above, best first. */
export async function findLikelyDuplicates(prisma: Db, p: Identity): Promise<DuplicateCandidate[]> {
  const matches = await findMatches(prisma, p, { limit: 5 });
  return matches.map((m) => ({
    id: m.patientId,
    mrn: m.mrn,
    firstName: m.firstName,
    lastName: m.lastName,
    dateOfBirth: m.dateOfBirth,
    nationalId: m.nationalId,
    score: m.score,
    level: m.level,
    reasons: m.reasons,
  }));
}

function lists(input: Pick<UpdatePatientInput, "allergies" | "conditions">) {
  return {
    allergies: input.allergies ? { create: input.allergies } : undefined,
    conditions: input.conditions
      ? { create: input.conditions.map((c) => ({ text: c.text, code: c.code })) }
      : undefined,
  };
}

/**
 * Registers a patient. A likely duplicate (the matcher's POSSIBLE or CERTAIN) stops the registration
 * (DUPLICATE, with the scored candidates) until the user confirms; the record is then created and its
 * pairs stored for the possible-duplicates worklist. The MRN comes from a database sequence.
 */
export async function registerPatient(prisma: Db, ctx: Ctx, input: RegisterPatientInput) {
  assertMayWriteFields(ctx.actor, input, "create");
  const { confirmDuplicate, allergies, conditions, dateOfBirth, ...fields } = input;
  if (!confirmDuplicate) {
    const candidates = await findLikelyDuplicates(prisma, input);
    if (candidates.length) throw new AppError("DUPLICATE", m.duplicate, { details: { candidates } });
  }
  return prisma.$transaction(async (tx) => {
    const patient = await tx.patient.create({
      data: {
        ...fields,
        dateOfBirth: day(dateOfBirth),
        createdById: ctx.actor.id,
        ...lists({ allergies, conditions }),
      } as Prisma.PatientUncheckedCreateInput,
      select: { id: true, mrn: true },
    });
    await audit(tx, ctx, {
      action: "CREATE",
      entity: "Patient",
      entityId: patient.id,
      patientId: patient.id,
      details: { duplicateConfirmed: !!confirmDuplicate },
    });
    // Registered anyway beside a possible match: the pair goes to the records officers' worklist.
    await recordDuplicatePairs(tx as unknown as Db, patient.id, input);
    return patient;
  });
}

async function scopedId(prisma: Db, ctx: Ctx, id: string): Promise<string> {
  const found = await prisma.patient.findFirst({ where: { id, ...patientScope(ctx.actor) }, select: { id: true } });
  if (!found) throw notFound("patient");
  return found.id;
}

/**
 * Staff edit; allergy and condition lists, when given, replace the stored ones. Clinical fields only
 * by a role that sees them (a records officer's edit naming one is refused whole, 403 with the
 * fields named, after the record is found: a missing record stays a 404).
 */
export async function updatePatient(prisma: Db, ctx: Ctx, id: string, input: UpdatePatientInput) {
  const patientId = await scopedId(prisma, ctx, id);
  assertMayWriteFields(ctx.actor, input, "update");
  const { allergies, conditions, dateOfBirth, ...fields } = input;
  return prisma.$transaction(async (tx) => {
    if (allergies) await tx.allergy.deleteMany({ where: { patientId } });
    if (conditions) await tx.condition.deleteMany({ where: { patientId } });
    const patient = await tx.patient.update({
      where: { id: patientId },
      data: {
        ...fields,
        ...(dateOfBirth ? { dateOfBirth: day(dateOfBirth) } : {}),
        ...lists({ allergies, conditions }),
      } as Prisma.PatientUncheckedUpdateInput,
      select: { id: true, mrn: true },
    });
    await audit(tx, ctx, {
      action: "UPDATE",
      entity: "Patient",
      entityId: patientId,
      patientId,
      details: { fields: Object.keys(input) },
    });
    return patient;
  });
}

/** A patient edits their own contact details, nothing clinical. */
export async function updateOwnContact(prisma: Db, ctx: Ctx, input: UpdateOwnContactInput) {
  const own = await prisma.patient.findUnique({ where: { userId: ctx.actor.id }, select: { id: true } });
  if (!own) throw notFound("patient record");
  return prisma.$transaction(async (tx) => {
    await tx.patient.update({ where: { id: own.id }, data: input });
    await audit(tx, ctx, {
      action: "UPDATE",
      entity: "Patient",
      entityId: own.id,
      patientId: own.id,
      details: { fields: Object.keys(input), self: true },
    });
    return { id: own.id };
  });
}

/** Soft delete: the record leaves lists and searches; its history stays. */
export async function deactivatePatient(prisma: Db, ctx: Ctx, id: string, reason: string) {
  const patientId = await scopedId(prisma, ctx, id);
  await prisma.$transaction(async (tx) => {
    await tx.patient.update({
      where: { id: patientId },
      data: { active: false, deactivatedAt: clock.now(), deactivationReason: reason },
    });
    await audit(tx, ctx, { action: "DELETE", entity: "Patient", entityId: patientId, patientId, details: { reason } });
  });
}
