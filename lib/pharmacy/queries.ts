import { Prisma } from "@/lib/generated/prisma/client";
import type { PrescriptionStatus } from "@/lib/generated/prisma/enums";
import { audit, auditedRead, auditViews } from "@/lib/server/audit";
import { clock } from "@/lib/server/clock";
import type { Db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import type { Finding } from "@/lib/prescriptions/safety";
import { effectiveStatus } from "@/lib/prescriptions/status";
import type { Ctx } from "@/lib/server/session";
import { isExpired } from "./fefo";
import type { DrugFilters } from "./schemas";
import { pharmacyToday } from "./service";
import { escapeLike } from "@/lib/server/like";

// Reads for the pharmacy pages and API: the catalogue with stock on hand, batches, the low-stock
// and expiring lists, prescriptions waiting and one prescription as the dispensing desk sees it.

export type DrugRow = {
  id: string;
  genericName: string;
  brandName: string | null;
  form: string;
  strength: string;
  drugClass: string;
  reorderLevel: number;
  active: boolean;
  onHand: number;
  lowStock: boolean;
};

const iso = (d: Date) => d.toISOString().slice(0, 10);
const drugName = (d: { genericName: string; strength: string; form: string }) =>
  `${d.genericName} ${d.strength} ${d.form}`;
const like = (s: string) => `%${escapeLike(s)}%`;
const daysBetween = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / 86_400_000);

/** Units on hand per drug: the sum of its unexpired batches. */
const onHandSql = (today: Date) =>
  Prisma.sql`(SELECT "drugId", sum(quantity)::int AS on_hand FROM "StockBatch" WHERE "expiresOn" >= ${today}::date GROUP BY "drugId")`;

/** The catalogue, searched over generic and brand names, with on-hand stock; `lowStock` keeps active drugs at or under their reorder level. */
export async function listDrugs(
  prisma: Db,
  filters: Partial<DrugFilters> & { q: string },
  page: { skip: number; take: number },
): Promise<{ items: DrugRow[]; total: number }> {
  const today = pharmacyToday();
  const where: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filters.q)
    where.push(Prisma.sql`(d."genericName" ILIKE ${like(filters.q)} OR d."brandName" ILIKE ${like(filters.q)})`);
  if (filters.drugClass) where.push(Prisma.sql`d."drugClass" = ${filters.drugClass}`);
  if (filters.active !== undefined) where.push(Prisma.sql`d.active = ${filters.active}`);
  if (filters.lowStock) where.push(Prisma.sql`d.active AND coalesce(s.on_hand, 0) <= d."reorderLevel"`);
  const cond = Prisma.join(where, " AND ");
  const from = Prisma.sql`"Drug" d LEFT JOIN ${onHandSql(today)} s ON s."drugId" = d.id`;
  const [rows, [{ count }]] = await Promise.all([
    prisma.$queryRaw<Omit<DrugRow, "lowStock">[]>`
      SELECT d.id, d."genericName", d."brandName", d.form, d.strength, d."drugClass", d."reorderLevel", d.active, coalesce(s.on_hand, 0)::int AS "onHand"
      FROM ${from} WHERE ${cond}
      ORDER BY ${filters.lowStock ? Prisma.sql`coalesce(s.on_hand, 0)::float / greatest(d."reorderLevel", 1), ` : Prisma.empty} d."genericName", d.form, d.strength
      LIMIT ${page.take} OFFSET ${page.skip}`,
    prisma.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM ${from} WHERE ${cond}`,
  ]);
  return { items: rows.map((r) => ({ ...r, lowStock: r.active && r.onHand <= r.reorderLevel })), total: Number(count) };
}

export type BatchRow = {
  id: string;
  lot: string;
  expiresOn: string;
  quantity: number;
  receivedAt: string;
  expired: boolean;
};

/** One drug with its batches (newest expiry last) and its unexpired stock on hand. */
export async function getDrugStock(prisma: Db, id: string) {
  const drug = await prisma.drug.findUnique({
    where: { id },
    include: { batches: { orderBy: [{ expiresOn: "asc" }, { receivedAt: "asc" }] } },
  });
  if (!drug) throw notFound("drug");
  const today = pharmacyToday();
  const batches: BatchRow[] = drug.batches.map((b) => ({
    id: b.id,
    lot: b.lot,
    expiresOn: iso(b.expiresOn),
    quantity: b.quantity,
    receivedAt: b.receivedAt.toISOString(),
    expired: isExpired(b, today),
  }));
  const onHand = batches.filter((b) => !b.expired).reduce((n, b) => n + b.quantity, 0);
  const { id: drugId, genericName, brandName, form, strength, drugClass, reorderLevel, active } = drug;
  return {
    id: drugId,
    genericName,
    brandName,
    form,
    strength,
    drugClass,
    reorderLevel,
    active,
    onHand,
    lowStock: active && onHand <= reorderLevel,
    batches,
  };
}
export type DrugStock = Awaited<ReturnType<typeof getDrugStock>>;

export type ExpiringRow = {
  id: string;
  drugId: string;
  drug: string;
  lot: string;
  expiresOn: string;
  quantity: number;
  expired: boolean;
  daysLeft: number;
};

/** Batches with units left that expire within `days` days, expired ones included and marked; soonest first. */
export async function expiringBatches(
  prisma: Db,
  days: number,
  page: { skip: number; take: number },
): Promise<{ items: ExpiringRow[]; total: number }> {
  const today = pharmacyToday();
  const until = new Date(today.getTime() + days * 86_400_000);
  const where = { quantity: { gt: 0 }, expiresOn: { lte: until } };
  const [rows, total] = await Promise.all([
    prisma.stockBatch.findMany({
      where,
      orderBy: [{ expiresOn: "asc" }, { id: "asc" }],
      skip: page.skip,
      take: page.take,
      include: { drug: { select: { genericName: true, strength: true, form: true } } },
    }),
    prisma.stockBatch.count({ where }),
  ]);
  return {
    items: rows.map((b) => ({
      id: b.id,
      drugId: b.drugId,
      drug: drugName(b.drug),
      lot: b.lot,
      expiresOn: iso(b.expiresOn),
      quantity: b.quantity,
      expired: isExpired(b, today),
      daysLeft: daysBetween(today, b.expiresOn),
    })),
    total,
  };
}

/** `override`: signed despite safety findings, and whether a pharmacist has acknowledged them yet. */
export type WaitingRow = {
  id: string;
  issuedAt: string;
  expiresAt: string;
  status: PrescriptionStatus;
  patientId: string;
  patientName: string;
  mrn: string;
  prescriber: string;
  lines: number;
  override: "pending" | "acknowledged" | null;
};

/**
 * Prescriptions a pharmacist can still dispense (active or partly dispensed, not expired), newest
 * first (oldest first with `oldestFirst`, the queue's order); `q` over patient name and MRN. One
 * VIEW audit row per patient shown, written in the read's transaction.
 */
export async function waitingPrescriptions(
  prisma: Db,
  ctx: Ctx,
  q: string,
  page: { skip: number; take: number; oldestFirst?: boolean },
  view = "waiting",
): Promise<{ items: WaitingRow[]; total: number }> {
  const words = q.trim().split(/\s+/).filter(Boolean).slice(0, 4);
  const where: Prisma.PrescriptionWhereInput = {
    status: { in: ["ACTIVE", "PARTIALLY_DISPENSED"] },
    revokedAt: null,
    expiresAt: { gt: clock.now() },
    ...(words.length
      ? {
          patient: {
            AND: words.map((w) => ({
              OR: [
                { firstName: { contains: w, mode: "insensitive" as const } },
                { lastName: { contains: w, mode: "insensitive" as const } },
                { mrn: { equals: w.toUpperCase() } },
              ],
            })),
          },
        }
      : {}),
  };
  const dir = page.oldestFirst ? "asc" : "desc";
  const read = (db: Db) =>
    Promise.all([
      db.prescription.findMany({
        where,
        orderBy: [{ issuedAt: dir }, { id: dir }],
        skip: page.skip,
        take: page.take,
        select: {
          id: true,
          issuedAt: true,
          expiresAt: true,
          status: true,
          patientId: true,
          overrideReason: true,
          overrideAcknowledgedAt: true,
          patient: { select: { firstName: true, lastName: true, mrn: true } },
          prescriber: { select: { name: true } },
          _count: { select: { items: true } },
        },
      }),
      db.prescription.count({ where }),
    ]);
  const [rows, total] = await auditedRead(prisma, read, (tx, [shown]) =>
    auditViews(tx, ctx, { entity: "Prescription", details: { view } }, shown),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      issuedAt: r.issuedAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      status: r.status,
      patientId: r.patientId,
      patientName: `${r.patient.firstName} ${r.patient.lastName}`,
      mrn: r.patient.mrn,
      prescriber: r.prescriber.name,
      lines: r._count.items,
      override: r.overrideReason === null ? null : r.overrideAcknowledgedAt ? "acknowledged" : "pending",
    })),
    total,
  };
}

/** One prescription as the dispensing desk sees it: lines with what remains and what is on hand, and every dispense so far. Audited as a view of the patient's record. */
export async function dispensingView(prisma: Db, ctx: Ctx, id: string) {
  const rx = await prisma.prescription.findUnique({
    where: { id },
    include: {
      patient: {
        select: {
          id: true,
          firstName: true,
          lastName: true,
          mrn: true,
          dateOfBirth: true,
          allergies: { select: { substance: true, reaction: true, severity: true } },
        },
      },
      prescriber: { select: { name: true } },
      overrideAcknowledgedBy: { select: { name: true } },
      items: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        include: { drug: { select: { id: true, genericName: true, brandName: true, strength: true, form: true } } },
      },
      dispenses: {
        orderBy: { dispensedAt: "desc" },
        include: {
          pharmacist: { select: { name: true } },
          lines: {
            include: {
              batch: { select: { lot: true, expiresOn: true } },
              item: { select: { drug: { select: { genericName: true, strength: true, form: true } } } },
            },
          },
        },
      },
    },
  });
  if (!rx) throw notFound("prescription");
  await audit(prisma, ctx, {
    action: "VIEW",
    entity: "Prescription",
    entityId: rx.id,
    patientId: rx.patientId,
    details: { view: "dispensing" },
  });
  const today = pharmacyToday();
  const drugIds = [...new Set(rx.items.map((i) => i.drugId))];
  const stock = await prisma.stockBatch.groupBy({
    by: ["drugId"],
    where: { drugId: { in: drugIds }, expiresOn: { gte: today } },
    _sum: { quantity: true },
  });
  const onHand = new Map(stock.map((s) => [s.drugId, s._sum.quantity ?? 0]));
  return {
    id: rx.id,
    status: effectiveStatus(rx, clock.now()),
    issuedAt: rx.issuedAt.toISOString(),
    expiresAt: rx.expiresAt.toISOString(),
    revokeReason: rx.revokeReason,
    prescriber: rx.prescriber.name,
    findings: rx.findings as Finding[],
    override:
      rx.overrideReason === null
        ? null
        : {
            reason: rx.overrideReason,
            acknowledged:
              rx.overrideAcknowledgedAt && rx.overrideAcknowledgedBy
                ? { at: rx.overrideAcknowledgedAt.toISOString(), by: rx.overrideAcknowledgedBy.name }
                : null,
          },
    patient: {
      id: rx.patient.id,
      name: `${rx.patient.firstName} ${rx.patient.lastName}`,
      mrn: rx.patient.mrn,
      dateOfBirth: iso(rx.patient.dateOfBirth),
      allergies: rx.patient.allergies,
    },
    items: rx.items.map((i) => ({
      id: i.id,
      drugId: i.drugId,
      drug: drugName(i.drug),
      brandName: i.drug.brandName,
      dose: i.dose,
      route: i.route,
      frequency: i.frequency,
      durationDays: i.durationDays,
      instructions: i.instructions,
      quantity: i.quantity,
      dispensed: i.dispensedQuantity,
      remaining: i.quantity - i.dispensedQuantity,
      onHand: onHand.get(i.drugId) ?? 0,
    })),
    dispenses: rx.dispenses.map((d) => ({
      id: d.id,
      at: d.dispensedAt.toISOString(),
      pharmacist: d.pharmacist.name,
      lines: d.lines.map((l) => ({
        drug: drugName(l.item.drug),
        lot: l.batch.lot,
        expiresOn: iso(l.batch.expiresOn),
        quantity: l.quantity,
      })),
    })),
  };
}
export type DispensingView = Awaited<ReturnType<typeof dispensingView>>;
