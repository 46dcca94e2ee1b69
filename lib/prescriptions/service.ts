import type { Prisma } from "@/lib/generated/prisma/client";
import { catalog, localeOf } from "@/lib/i18n";
import { notify } from "@/lib/notifications/service";
import { audit } from "@/lib/server/audit";
import { clock } from "@/lib/server/clock";
import type { Db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { AppError, notFound } from "@/lib/server/errors";
import type { Ctx } from "@/lib/server/session";
import { defaultQuantity } from "./quantity";
import { getPrescription } from "./queries";
import { checkSafety, type Finding } from "./safety";
import type { PrescribeInput } from "./schemas";
import { effectiveStatus, LIVE_STATUSES } from "./status";
import { issueRxToken } from "./token";
import { E } from "@/lib/i18n/error-keys";
import type { Msg } from "@/lib/i18n/message";

const m = E.prescriptions.errors;
type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** The drugs of the lines, all active catalogue drugs; else VALIDATION_FAILED on the line's drug. */
async function lineDrugs(tx: Tx, input: PrescribeInput) {
  const ids = [...new Set(input.items.map((i) => i.drugId))];
  const drugs = new Map(
    (
      await tx.drug.findMany({
        where: { id: { in: ids }, active: true },
        select: { id: true, genericName: true, brandName: true, drugClass: true, strength: true },
      })
    ).map((d) => [d.id, d]),
  );
  const fields: Record<string, Msg> = {};
  input.items.forEach((item, i) => {
    if (!drugs.has(item.drugId)) fields[`items.${i}.drugId`] = m.drugInactive;
  });
  if (Object.keys(fields).length) throw new AppError("VALIDATION_FAILED", E.errors.fixFields, { fields });
  return input.items.map((item) => drugs.get(item.drugId)!);
}

/** Each line's quantity: as given, or the default from dose × frequency × days (quantity.ts). */
function quantities(input: PrescribeInput, drugs: { strength: string }[]): number[] {
  const fields: Record<string, Msg> = {};
  const out = input.items.map((item, i) => {
    const q = item.quantity ?? defaultQuantity(item, drugs[i].strength);
    if (q === null) fields[`items.${i}.quantity`] = E.prescriptions.phrases.quantityNeeded;
    return q ?? 0;
  });
  if (Object.keys(fields).length) throw new AppError("VALIDATION_FAILED", E.errors.fixFields, { fields });
  return out;
}

/**
 * Issues a prescription (doctors only, by permission). In one transaction: locks the patient row
 * (so two prescriptions for the same patient are checked one after the other and cannot both miss
 * each other), runs the safety check against the patient's allergies and live prescriptions, and
 * either refuses with 409 SAFETY_CHECK listing the findings, or, when there are none or an
 * override reason is given, writes the prescription with its findings and reason, audited.
 */
export async function prescribe(prisma: Db, ctx: Ctx, input: PrescribeInput) {
  const id = await prisma.$transaction(async (tx) => {
    const [patient] = await tx.$queryRaw<{ id: string; userId: string | null; language: string | null }[]>`
      SELECT p.id, p."userId", (SELECT u.language FROM "User" u WHERE u.id = p."userId") AS language FROM "Patient" p WHERE p.id = ${input.patientId} AND p.active FOR UPDATE OF p`;
    if (!patient) throw notFound("patient");
    if (input.consultationId) {
      const c = await tx.consultation.findFirst({
        where: { id: input.consultationId, patientId: patient.id },
        select: { id: true },
      });
      if (!c)
        throw new AppError("VALIDATION_FAILED", E.errors.fixFields, { fields: { consultationId: m.consultation } });
    }
    const drugs = await lineDrugs(tx, input);
    const quantity = quantities(input, drugs);
    const now = clock.now();
    const [allergies, live, catalogue] = await Promise.all([
      tx.allergy.findMany({
        where: { patientId: patient.id },
        select: { substance: true, drugClass: true, severity: true },
      }),
      tx.prescriptionItem.findMany({
        where: { prescription: { patientId: patient.id, status: { in: [...LIVE_STATUSES] }, expiresAt: { gt: now } } },
        select: { drug: { select: { genericName: true, brandName: true, drugClass: true } } },
      }),
      tx.drug.findMany({ select: { genericName: true, brandName: true, drugClass: true } }),
    ]);
    const findings = checkSafety({ allergies, lines: drugs, live: live.map((l) => l.drug), catalogue });
    if (findings.length > 0 && !input.overrideReason)
      throw new AppError("SAFETY_CHECK", m.safety, { details: { findings } });
    const rx = await tx.prescription.create({
      data: {
        patientId: patient.id,
        prescriberId: ctx.actor.id,
        consultationId: input.consultationId ?? null,
        findings: findings as unknown as Prisma.InputJsonValue,
        overrideReason: findings.length > 0 ? input.overrideReason : null,
        token: issueRxToken(),
        issuedAt: now,
        expiresAt: new Date(now.getTime() + env().PRESCRIPTION_VALID_DAYS * 86_400_000),
        items: {
          create: input.items.map((item, i) => ({
            drugId: item.drugId,
            dose: item.dose,
            route: item.route,
            frequency: item.frequency,
            durationDays: item.durationDays,
            quantity: quantity[i],
            instructions: item.instructions ?? null,
            position: i,
          })),
        },
      },
      select: { id: true },
    });
    await audit(tx, ctx, {
      action: "CREATE",
      entity: "Prescription",
      entityId: rx.id,
      patientId: patient.id,
      details: {
        drugs: drugs.map((d) => d.genericName),
        ...(findings.length > 0
          ? { findings: findings as unknown as Prisma.InputJsonValue, overrideReason: input.overrideReason ?? null }
          : {}),
      },
    });
    if (patient.userId)
      await notify(tx, patient.userId, {
        title: catalog(localeOf(patient.language)).prescriptions.notify.created,
        body: `${ctx.actor.name}: ${drugs.map((d) => d.genericName).join(", ")}`,
        link: `/prescriptions/${rx.id}`,
      });
    return rx.id;
  });
  return getPrescription(prisma, ctx, id, "after-create");
}

/**
 * Revokes a prescription: only its prescriber, never once fully dispensed (INVALID_TRANSITION).
 * The row is locked so a dispense and a revocation cannot interleave.
 */
export async function revokePrescription(prisma: Db, ctx: Ctx, id: string, reason: string) {
  await prisma.$transaction(async (tx) => {
    const [rx] = await tx.$queryRaw<
      {
        id: string;
        patientId: string;
        prescriberId: string;
        status: Prisma.PrescriptionCreateInput["status"];
        expiresAt: Date;
      }[]
    >`
      SELECT id, "patientId", "prescriberId", status, "expiresAt" FROM "Prescription" WHERE id = ${id} FOR UPDATE`;
    if (!rx) throw notFound("prescription");
    if (rx.prescriberId !== ctx.actor.id) throw new AppError("FORBIDDEN", m.notYours);
    const status = effectiveStatus({ status: rx.status ?? "ACTIVE", expiresAt: rx.expiresAt }, clock.now());
    if (status === "DISPENSED") throw new AppError("INVALID_TRANSITION", m.dispensed);
    if (status === "REVOKED") throw new AppError("INVALID_TRANSITION", m.alreadyRevoked);
    await tx.prescription.update({
      where: { id },
      data: { status: "REVOKED", revokedAt: clock.now(), revokedById: ctx.actor.id, revokeReason: reason },
    });
    await audit(tx, ctx, {
      action: "UPDATE",
      entity: "Prescription",
      entityId: id,
      patientId: rx.patientId,
      details: { change: "revoke", from: status, reason },
    });
  });
  return getPrescription(prisma, ctx, id, "after-revoke");
}

export type { Finding };
