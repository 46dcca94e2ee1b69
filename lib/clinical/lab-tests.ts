import { audit } from "@/lib/server/audit";
import { changedFields } from "@/lib/server/changes";
import type { Db } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";
import type { Ctx } from "@/lib/server/session";
import type { LabTestUpdateInput } from "./schemas";
import { E } from "@/lib/i18n/error-keys";

const m = E.clinical.errors;

const LAB_TEST_COLUMNS = {
  id: true,
  code: true,
  name: true,
  specimen: true,
  unit: true,
  refLow: true,
  refHigh: true,
  price: true,
  active: true,
} as const;

/**
 * Edits a lab catalogue entry: name, specimen, unit, reference range, price, active. The row is
 * locked, the range checked against the stored ends it keeps, and the changed fields audited as an
 * UPDATE of the LabTest with from → to; nothing changed writes nothing.
 */
export async function updateLabTest(prisma: Db, ctx: Ctx, id: string, input: LabTestUpdateInput) {
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "LabTest" WHERE id = ${id} FOR UPDATE`;
    if (locked.length === 0) throw notFound("lab test");
    const {
      id: _id,
      code: _code,
      ...before
    } = await tx.labTest.findUniqueOrThrow({ where: { id }, select: LAB_TEST_COLUMNS });
    const refLow = input.refLow === undefined ? before.refLow : input.refLow;
    const refHigh = input.refHigh === undefined ? before.refHigh : input.refHigh;
    if (refLow !== null && refHigh !== null && refLow > refHigh)
      throw new AppError("VALIDATION_FAILED", m.refRange, { fields: { refHigh: m.refRange } });
    const changes = changedFields(before, input);
    if (Object.keys(changes).length > 0) {
      const data = Object.fromEntries(Object.keys(changes).map((k) => [k, changes[k].to]));
      await tx.labTest.update({ where: { id }, data });
      await audit(tx, ctx, { action: "UPDATE", entity: "LabTest", entityId: id, details: { changes } });
    }
    return tx.labTest.findUniqueOrThrow({ where: { id }, select: LAB_TEST_COLUMNS });
  });
}
