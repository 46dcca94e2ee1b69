import type { Prisma } from "@/lib/generated/prisma/client";
import type { PrescriptionStatus } from "@/lib/generated/prisma/enums";
import { audit } from "@/lib/server/audit";
import { clock } from "@/lib/server/clock";
import type { Db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { AppError, notFound } from "@/lib/server/errors";
import { isUniqueViolation } from "@/lib/server/errors-map";
import { effectiveStatus } from "@/lib/prescriptions/status";
import type { Ctx } from "@/lib/server/session";
import { allocateFefo, dayOf } from "./fefo";
import type { AdjustBatchInput, DispenseInput, DrugCreateInput, DrugUpdateInput, ReceiveBatchInput } from "./schemas";
import { E } from "@/lib/i18n/error-keys";
import { en } from "@/lib/i18n/en";
import type { Msg } from "@/lib/i18n/message";

const m = E.pharmacy.errors;
const p = E.pharmacy.phrases;

/** Today in the hospital's time zone, as a `@db.Date` value: batches expiring today are still usable. */
export const pharmacyToday = () => dayOf(clock.now(), env().HOSPITAL_TIMEZONE);

const drugLabel = (d: { genericName: string; strength: string; form: string }) =>
  en.pharmacy.phrases.drugLabel(d.genericName, d.strength, d.form);

/** A unique-index refusal as a conflict on the field the person can change. */
const duplicateOn =
  (field: string, message: Msg) =>
  (err: unknown): never => {
    if (isUniqueViolation(err)) throw new AppError("DUPLICATE", message, { fields: { [field]: message } });
    throw err;
  };

export async function createDrug(prisma: Db, ctx: Ctx, input: DrugCreateInput) {
  return prisma
    .$transaction(async (tx) => {
      const drug = await tx.drug.create({ data: input });
      await audit(tx, ctx, { action: "CREATE", entity: "Drug", entityId: drug.id, details: { ...input } });
      return drug;
    })
    .catch(duplicateOn("genericName", m.drugTaken));
}

/** Edits a drug; `active: false` withdraws it. Drugs are never deleted (prescriptions refer to them). */
export async function updateDrug(prisma: Db, ctx: Ctx, id: string, input: DrugUpdateInput) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.drug.findUnique({ where: { id } });
    if (!before) throw notFound("drug");
    const drug = await tx.drug.update({ where: { id }, data: input }).catch(duplicateOn("genericName", m.drugTaken));
    const changed = Object.fromEntries(
      Object.entries(input).filter(([k, v]) => before[k as keyof typeof before] !== v),
    );
    await audit(tx, ctx, {
      action: "UPDATE",
      entity: "Drug",
      entityId: id,
      details: changed as Prisma.InputJsonObject,
    });
    return drug;
  });
}

/** Records a delivery: a new batch (lot unique per drug, expiry not already past). */
export async function receiveBatch(prisma: Db, ctx: Ctx, drugId: string, input: ReceiveBatchInput) {
  const expiresOn = new Date(`${input.expiresOn}T00:00:00Z`);
  if (expiresOn < pharmacyToday())
    throw new AppError("VALIDATION_FAILED", m.expiredAlready, { fields: { expiresOn: m.expiredAlready } });
  return prisma
    .$transaction(async (tx) => {
      const drug = await tx.drug.findUnique({ where: { id: drugId }, select: { id: true } });
      if (!drug) throw notFound("drug");
      const batch = await tx.stockBatch.create({
        data: { drugId, lot: input.lot, expiresOn, quantity: input.quantity },
      });
      await audit(tx, ctx, {
        action: "CREATE",
        entity: "StockBatch",
        entityId: batch.id,
        details: { drugId, lot: input.lot, expiresOn: input.expiresOn, quantity: input.quantity },
      });
      return batch;
    })
    .catch(duplicateOn("lot", m.lotTaken));
}

const isStockCheckViolation = (err: unknown) =>
  `${(err as Error)?.message ?? ""} ${JSON.stringify((err as { cause?: unknown })?.cause ?? {})}`.includes(
    "StockBatch_quantity_nonnegative",
  );

/**
 * Adds or removes units of one batch with a reason (breakage, loss, count correction), audited.
 * Never below zero: refused here, and the database's CHECK has the last word under concurrency.
 */
export async function adjustBatch(prisma: Db, ctx: Ctx, drugId: string, input: AdjustBatchInput) {
  try {
    return await prisma.$transaction(async (tx) => {
      const [batch] = await tx.$queryRaw<{ id: string; quantity: number }[]>`
        SELECT id, quantity FROM "StockBatch" WHERE id = ${input.batchId} AND "drugId" = ${drugId} FOR UPDATE`;
      if (!batch) throw new AppError("VALIDATION_FAILED", m.batchNotFound, { fields: { batchId: m.batchNotFound } });
      if (batch.quantity + input.delta < 0) {
        throw new AppError("VALIDATION_FAILED", p.belowZero(batch.quantity), {
          fields: { delta: p.belowZero(batch.quantity) },
        });
      }
      const updated = await tx.stockBatch.update({
        where: { id: batch.id },
        data: { quantity: { increment: input.delta } },
      });
      await audit(tx, ctx, {
        action: "UPDATE",
        entity: "StockBatch",
        entityId: batch.id,
        details: { drugId, delta: input.delta, from: batch.quantity, to: updated.quantity, reason: input.reason },
      });
      return updated;
    });
  } catch (err) {
    if (isStockCheckViolation(err))
      throw new AppError("VALIDATION_FAILED", p.belowZero(0), { fields: { delta: p.belowZero(0) } });
    throw err;
  }
}

/**
 * Records that a pharmacist has read the safety findings and the prescriber's override reason of a
 * prescription signed despite them: who and when, audited, once per prescription (the first
 * acknowledgement stands; asking again returns it and writes nothing). The prescription row is
 * locked as dispensing locks it, so an acknowledgement and a dispense are decided one after the
 * other. A prescription without an override → 409 INVALID_TRANSITION.
 */
export async function acknowledgeOverride(prisma: Db, ctx: Ctx, prescriptionId: string) {
  return prisma.$transaction(async (tx) => {
    const [rx] = await tx.$queryRaw<
      {
        id: string;
        patientId: string;
        overrideReason: string | null;
        overrideAcknowledgedAt: Date | null;
        overrideAcknowledgedById: string | null;
      }[]
    >`
      SELECT id, "patientId", "overrideReason", "overrideAcknowledgedAt", "overrideAcknowledgedById" FROM "Prescription" WHERE id = ${prescriptionId} FOR UPDATE`;
    if (!rx) throw notFound("prescription");
    if (rx.overrideReason === null) throw new AppError("INVALID_TRANSITION", m.noOverride);
    if (rx.overrideAcknowledgedAt && rx.overrideAcknowledgedById) {
      return {
        prescriptionId,
        acknowledgedAt: rx.overrideAcknowledgedAt.toISOString(),
        acknowledgedBy: rx.overrideAcknowledgedById,
        created: false,
      };
    }
    const at = clock.now();
    await tx.prescription.update({
      where: { id: prescriptionId },
      data: { overrideAcknowledgedAt: at, overrideAcknowledgedById: ctx.actor.id },
    });
    await audit(tx, ctx, {
      action: "UPDATE",
      entity: "Prescription",
      entityId: prescriptionId,
      patientId: rx.patientId,
      details: { change: "override-acknowledged", overrideReason: rx.overrideReason },
    });
    return { prescriptionId, acknowledgedAt: at.toISOString(), acknowledgedBy: ctx.actor.id, created: true };
  });
}

type LockedItem = {
  id: string;
  drugId: string;
  quantity: number;
  dispensedQuantity: number;
  genericName: string;
  strength: string;
  form: string;
};
type LockedBatch = { id: string; drugId: string; expiresOn: Date; quantity: number; receivedAt: Date };

/**
 * Dispenses a prescription, fully or in part, in one transaction: the prescription and its lines
 * are locked, units come from unexpired batches earliest-expiry first (locked in id order, so two
 * pharmacists never deadlock), each batch is decremented only while it holds enough, and the
 * Dispense with its lines, the new status and the audit event are written together. Not enough on
 * hand → OUT_OF_STOCK and nothing written.
 */
export async function dispensePrescription(prisma: Db, ctx: Ctx, prescriptionId: string, input: DispenseInput) {
  return prisma.$transaction(
    async (tx) => {
      const [rx] = await tx.$queryRaw<
        {
          id: string;
          patientId: string;
          status: PrescriptionStatus;
          expiresAt: Date;
          overrideReason: string | null;
          overrideAcknowledgedAt: Date | null;
        }[]
      >`
        SELECT id, "patientId", status, "expiresAt", "overrideReason", "overrideAcknowledgedAt" FROM "Prescription" WHERE id = ${prescriptionId} FOR UPDATE`;
      if (!rx) throw notFound("prescription");
      const state = effectiveStatus(rx, clock.now());
      if (state === "REVOKED") throw new AppError("INVALID_TRANSITION", m.revoked);
      if (state === "EXPIRED") throw new AppError("INVALID_TRANSITION", m.expired);
      if (state === "DISPENSED") throw new AppError("INVALID_TRANSITION", m.fullyDispensed);
      // Read under the row lock that acknowledgeOverride also takes: the two cannot interleave.
      if (rx.overrideReason !== null && rx.overrideAcknowledgedAt === null)
        throw new AppError("OVERRIDE_NOT_ACKNOWLEDGED", m.overrideNotAcknowledged);

      const items = await tx.$queryRaw<LockedItem[]>`
        SELECT i.id, i."drugId", i.quantity, i."dispensedQuantity", d."genericName", d.strength, d.form
        FROM "PrescriptionItem" i JOIN "Drug" d ON d.id = i."drugId"
        WHERE i."prescriptionId" = ${prescriptionId}
        ORDER BY i.id
        FOR UPDATE OF i`;
      const byId = new Map(items.map((i) => [i.id, i]));
      const requested = input.items ?? items.map((i) => ({ itemId: i.id, quantity: i.quantity - i.dispensedQuantity }));
      const fields: Record<string, Msg> = {};
      requested.forEach((r, n) => {
        const item = byId.get(r.itemId);
        if (!item) fields[`items.${n}.itemId`] = m.itemNotFound;
        else if (r.quantity > item.quantity - item.dispensedQuantity)
          fields[`items.${n}.quantity`] = p.tooMany(item.quantity - item.dispensedQuantity);
      });
      if (Object.keys(fields).length) throw new AppError("VALIDATION_FAILED", E.errors.fixFields, { fields });
      const needs = requested
        .filter((r) => r.quantity > 0)
        .map((r) => ({ itemId: r.itemId, drugId: byId.get(r.itemId)!.drugId, quantity: r.quantity }));
      if (needs.length === 0) throw new AppError("INVALID_TRANSITION", m.fullyDispensed);

      const today = dayOf(clock.now(), env().HOSPITAL_TIMEZONE);
      const drugIds = [...new Set(needs.map((n) => n.drugId))];
      const batches = await tx.$queryRaw<LockedBatch[]>`
        SELECT id, "drugId", "expiresOn", quantity, "receivedAt" FROM "StockBatch"
        WHERE "drugId" = ANY(${drugIds}) AND "expiresOn" >= ${today}::date AND quantity > 0
        ORDER BY id
        FOR UPDATE`;
      const allocation = allocateFefo(needs, batches, today);
      if (!allocation.ok) {
        const names = allocation.shortDrugIds.map((id) => drugLabel(items.find((i) => i.drugId === id)!));
        throw new AppError("OUT_OF_STOCK", p.outOfStock(names.join(", ")), {
          details: { drugIds: allocation.shortDrugIds, drugs: names },
        });
      }

      const perBatch = new Map<string, number>();
      for (const t of allocation.takes) perBatch.set(t.batchId, (perBatch.get(t.batchId) ?? 0) + t.quantity);
      for (const [batchId, n] of [...perBatch].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const changed =
          await tx.$executeRaw`UPDATE "StockBatch" SET quantity = quantity - ${n} WHERE id = ${batchId} AND quantity >= ${n}`;
        if (changed !== 1) {
          const drugId = batches.find((b) => b.id === batchId)!.drugId;
          throw new AppError("OUT_OF_STOCK", p.outOfStock(drugLabel(items.find((i) => i.drugId === drugId)!)), {
            details: { drugIds: [drugId] },
          });
        }
      }
      for (const need of needs) {
        await tx.$executeRaw`UPDATE "PrescriptionItem" SET "dispensedQuantity" = "dispensedQuantity" + ${need.quantity} WHERE id = ${need.itemId}`;
      }
      const dispense = await tx.dispense.create({
        data: {
          prescriptionId,
          pharmacistId: ctx.actor.id,
          dispensedAt: clock.now(),
          lines: {
            create: allocation.takes.map((t) => ({ itemId: t.itemId, batchId: t.batchId, quantity: t.quantity })),
          },
        },
        include: { lines: true },
      });
      const dispensedNow = new Map(needs.map((n) => [n.itemId, n.quantity]));
      const complete = items.every((i) => i.dispensedQuantity + (dispensedNow.get(i.id) ?? 0) >= i.quantity);
      const status: PrescriptionStatus = complete ? "DISPENSED" : "PARTIALLY_DISPENSED";
      await tx.prescription.update({ where: { id: prescriptionId }, data: { status } });
      await audit(tx, ctx, {
        action: "CREATE",
        entity: "Dispense",
        entityId: dispense.id,
        patientId: rx.patientId,
        details: { prescriptionId, status, lines: allocation.takes.map((t) => ({ ...t })) },
      });
      return {
        id: dispense.id,
        prescriptionId,
        status,
        dispensedAt: dispense.dispensedAt,
        lines: dispense.lines.map((l) => ({ itemId: l.itemId, batchId: l.batchId, quantity: l.quantity })),
      };
    },
    { timeout: 20_000, maxWait: 20_000 },
  );
}
