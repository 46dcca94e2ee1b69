import type { InvoiceLineKind } from "@/lib/generated/prisma/enums";
import { en } from "@/lib/i18n/en";
import { audit } from "@/lib/server/audit";
import { clock } from "@/lib/server/clock";
import type { Db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { isUniqueViolation } from "@/lib/server/errors-map";
import { localDate, startOfLocalDay } from "@/lib/scheduling/time";
import { AppError, notFound } from "@/lib/server/errors";
import type { Ctx } from "@/lib/server/session";
import { nightsPerWard } from "./nights";
import type { CreateInvoiceInput, LineInput, PaymentInput, RefundInput } from "./schemas";
import { E } from "@/lib/i18n/error-keys";

const m = E.billing.errors;
const p = en.billing.phrases;
type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export type DraftLine = {
  kind: InvoiceLineKind;
  description: string;
  quantity: number;
  unitAmount: number;
  sourceId: string | null;
  doctorId?: string | null;
};

const alreadyInvoiced = () => new AppError("DUPLICATE", m.alreadyInvoiced);
/** The exclusion constraint on a stay's billed periods refused a write (PostgreSQL's verdict on overlapping nights). */
const nightsOverlap = (err: unknown) =>
  `${(err as Error)?.message ?? ""} ${JSON.stringify((err as { cause?: unknown })?.cause ?? {})}`.includes(
    "StayBillingPeriod_no_overlap",
  );

/** The billable items of a set of consultations: the doctor's fee, lab tests ordered, medicines dispensed. */
async function consultationLines(
  tx: Tx,
  consultationIds: string[],
  feeSource: (c: { id: string; appointmentId: string | null }) => string,
): Promise<DraftLine[]> {
  if (!consultationIds.length) return [];
  const [consultations, labOrders, dispensed] = await Promise.all([
    tx.consultation.findMany({
      where: { id: { in: consultationIds } },
      select: {
        id: true,
        appointmentId: true,
        doctorId: true,
        doctor: { select: { name: true, staffProfile: { select: { consultationFee: true } } } },
      },
    }),
    tx.labOrder.findMany({
      where: { consultationId: { in: consultationIds }, status: { not: "CANCELLED" }, test: { price: { not: null } } },
      select: { id: true, test: { select: { name: true, price: true } } },
      orderBy: { orderedAt: "asc" },
    }),
    tx.dispenseLine.findMany({
      where: {
        item: { prescription: { consultationId: { in: consultationIds } }, drug: { unitPrice: { not: null } } },
      },
      select: {
        id: true,
        quantity: true,
        item: { select: { drug: { select: { genericName: true, strength: true, form: true, unitPrice: true } } } },
      },
      orderBy: { dispense: { dispensedAt: "asc" } },
    }),
  ]);
  return [
    ...consultations
      .filter((c) => c.doctor.staffProfile?.consultationFee != null)
      .map(
        (c): DraftLine => ({
          kind: "CONSULTATION",
          description: p.consultation(c.doctor.name),
          quantity: 1,
          unitAmount: c.doctor.staffProfile!.consultationFee!,
          sourceId: feeSource(c),
          doctorId: c.doctorId,
        }),
      ),
    ...labOrders.map(
      (o): DraftLine => ({
        kind: "LAB_TEST",
        description: p.labTest(o.test.name),
        quantity: 1,
        unitAmount: o.test.price!,
        sourceId: o.id,
      }),
    ),
    ...dispensed.map((d): DraftLine => {
      const drug = d.item.drug;
      return {
        kind: "DRUG",
        description: p.drug(`${drug.genericName} ${drug.strength} ${drug.form}`),
        quantity: d.quantity,
        unitAmount: drug.unitPrice!,
        sourceId: d.id,
      };
    }),
  ];
}

/** Lines for a completed visit: the consultation fee (even without a written consultation) and what the consultation ordered. */
async function visitLines(tx: Tx, appointmentId: string) {
  const appt = await tx.appointment.findUnique({
    where: { id: appointmentId },
    select: {
      id: true,
      status: true,
      patientId: true,
      doctorId: true,
      doctor: { select: { name: true, staffProfile: { select: { consultationFee: true } } } },
      consultation: { select: { id: true } },
    },
  });
  if (!appt) throw notFound("appointment");
  if (appt.status !== "COMPLETED")
    throw new AppError("INVALID_TRANSITION", m.notCompleted, { fields: { appointmentId: m.notCompleted } });
  const fee = appt.doctor.staffProfile?.consultationFee;
  const lines = appt.consultation
    ? await consultationLines(tx, [appt.consultation.id], (c) => c.appointmentId ?? c.id)
    : fee != null
      ? [
          {
            kind: "CONSULTATION" as const,
            description: p.consultation(appt.doctor.name),
            quantity: 1,
            unitAmount: fee,
            sourceId: appt.id,
            doctorId: appt.doctorId,
          },
        ]
      : [];
  return { patientId: appt.patientId, lines };
}

/**
 * The next part of a stay to bill, under the admission's row lock: from where the last invoice of
 * the stay stopped (or the admission) to the discharge (final), or to a hospital midnight (interim,
 * `upTo` 00:00). The rest stays billable later; nothing is billed twice.
 */
async function stayPeriod(tx: Tx, admissionId: string, upTo: string | undefined) {
  const [adm] = await tx.$queryRaw<{ id: string; patientId: string; admittedAt: Date; dischargedAt: Date | null }[]>`
    SELECT id, "patientId", "admittedAt", "dischargedAt" FROM "Admission" WHERE id = ${admissionId} FOR UPDATE`;
  if (!adm) throw notFound("admission");
  const last = await tx.stayBillingPeriod.findFirst({
    where: { admissionId },
    orderBy: { toAt: "desc" },
    select: { toAt: true, final: true },
  });
  if (last?.final) throw alreadyInvoiced();
  const from = last?.toAt ?? adm.admittedAt;
  const zone = env().HOSPITAL_TIMEZONE;
  let to: Date;
  if (upTo === undefined) {
    if (!adm.dischargedAt)
      throw new AppError("INVALID_TRANSITION", m.stillAdmitted, { fields: { upTo: m.stillAdmitted } });
    to = adm.dischargedAt;
  } else {
    const cut = startOfLocalDay(upTo, zone);
    if (cut > clock.now()) throw new AppError("VALIDATION_FAILED", m.upToFuture, { fields: { upTo: m.upToFuture } });
    to = adm.dischargedAt && adm.dischargedAt < cut ? adm.dischargedAt : cut;
  }
  if (to <= from)
    throw new AppError("DUPLICATE", m.billedTo(localDate(from, zone)), {
      fields: { upTo: m.billedTo(localDate(from, zone)) },
    });
  return { adm, from, to, final: adm.dischargedAt !== null && to.getTime() === adm.dischargedAt.getTime() };
}

/** Lines for a part of a stay: nights per ward by the midnight rule (lib/billing/nights.ts) and the consultations written by its end. */
async function stayLines(tx: Tx, admissionId: string, upTo: string | undefined) {
  const period = await stayPeriod(tx, admissionId, upTo);
  const { adm, from, to } = period;
  const assignments = await tx.bedAssignment.findMany({
    where: { admissionId, startsAt: { lt: to }, OR: [{ endsAt: null }, { endsAt: { gt: from } }] },
    select: {
      startsAt: true,
      endsAt: true,
      bed: { select: { room: { select: { ward: { select: { id: true, name: true, bedDayRate: true } } } } } },
    },
    orderBy: { startsAt: "asc" },
  });
  const wards = nightsPerWard(
    assignments.map((a) => ({ startsAt: a.startsAt, endsAt: a.endsAt, ward: a.bed.room.ward })),
    from,
    to,
    env().HOSPITAL_TIMEZONE,
  );
  const nights = wards.reduce((n, w) => n + w.nights, 0);
  const beds: DraftLine[] = wards
    .filter((w) => w.ward.bedDayRate != null && w.nights > 0)
    .map(({ ward, nights: n }) => ({
      kind: "BED_DAY",
      description: p.bedDays(ward.name),
      quantity: n,
      unitAmount: ward.bedDayRate!,
      sourceId: `${adm.id}:${ward.id}:${from.toISOString()}`,
    }));
  const consultations = await tx.consultation.findMany({
    where: { patientId: adm.patientId, createdAt: { gte: adm.admittedAt, lte: to } },
    select: { id: true },
  });
  const care = await consultationLines(
    tx,
    consultations.map((c) => c.id),
    (c) => c.appointmentId ?? c.id,
  );
  return {
    patientId: adm.patientId,
    lines: [...beds, ...care],
    period: { admissionId, fromAt: from, toAt: to, nights, final: period.final },
  };
}

/** Drops lines whose source is already on an invoice (a stay's consultation billed with its visit). */
async function unbilled(tx: Tx, lines: DraftLine[]): Promise<DraftLine[]> {
  const ids = lines.map((l) => l.sourceId).filter((s): s is string => !!s);
  if (!ids.length) return lines;
  const billed = await tx.invoiceLine.findMany({
    where: { sourceId: { in: ids } },
    select: { kind: true, sourceId: true },
  });
  return lines.filter((l) => !billed.some((b) => b.kind === l.kind && b.sourceId === l.sourceId));
}

const lineData = (invoiceId: string, l: DraftLine) => ({
  invoiceId,
  kind: l.kind,
  description: l.description,
  quantity: l.quantity,
  unitAmount: l.unitAmount,
  amount: l.quantity * l.unitAmount,
  sourceId: l.sourceId,
  doctorId: l.doctorId ?? null,
});

/**
 * Creates an invoice for a completed visit, a stay, or a patient with staff-entered lines. Each
 * source (visit, stay, lab order, dispense line) is billed once: a second attempt is 409 DUPLICATE.
 */
export async function createInvoice(
  prisma: Db,
  ctx: Ctx,
  input: CreateInvoiceInput,
): Promise<{ id: string; number: string }> {
  try {
    return await prisma.$transaction(async (tx) => {
      let patientId: string;
      let lines: DraftLine[];
      let period: Awaited<ReturnType<typeof stayLines>>["period"] | null = null;
      if ("appointmentId" in input) {
        if (await tx.invoice.findUnique({ where: { appointmentId: input.appointmentId }, select: { id: true } }))
          throw alreadyInvoiced();
        ({ patientId, lines } = await visitLines(tx, input.appointmentId));
        lines = await unbilled(tx, lines);
      } else if ("admissionId" in input) {
        ({ patientId, lines, period } = await stayLines(tx, input.admissionId, input.upTo));
        lines = await unbilled(tx, lines);
      } else {
        const patient = await tx.patient.findUnique({ where: { id: input.patientId }, select: { id: true } });
        if (!patient) throw notFound("patient");
        patientId = patient.id;
        lines = input.lines.map((l) => ({ kind: "OTHER", ...l, sourceId: null }));
      }
      const now = clock.now();
      const invoice = await tx.invoice.create({
        data: {
          patientId,
          appointmentId: "appointmentId" in input ? input.appointmentId : null,
          admissionId: "admissionId" in input ? input.admissionId : null,
          currency: env().HOSPITAL_CURRENCY,
          createdById: ctx.actor.id,
          issuedAt: now,
          dueAt: new Date(now.getTime() + env().INVOICE_DUE_DAYS * 86_400_000),
        },
        select: { id: true, number: true },
      });
      if (lines.length) await tx.invoiceLine.createMany({ data: lines.map((l) => lineData(invoice.id, l)) });
      if (period) await tx.stayBillingPeriod.create({ data: { ...period, invoiceId: invoice.id } });
      const billed = period
        ? {
            from: period.fromAt.toISOString(),
            to: period.toAt.toISOString(),
            nights: period.nights,
            final: period.final,
          }
        : {};
      await audit(tx, ctx, {
        action: "CREATE",
        entity: "Invoice",
        entityId: invoice.id,
        patientId,
        details: {
          number: invoice.number,
          lines: lines.length,
          total: lines.reduce((s, l) => s + l.quantity * l.unitAmount, 0),
          ...billed,
        },
      });
      return invoice;
    });
  } catch (err) {
    // A racing invoice of the same visit or the same nights of a stay: the database refused the second.
    if (isUniqueViolation(err) || nightsOverlap(err)) throw alreadyInvoiced();
    throw err;
  }
}

type Locked = { id: string; patientId: string; status: string; total: number; paid: number };

/** Locks the invoice row (SELECT … FOR UPDATE) and reads its derived total and paid under the lock. */
async function lockInvoice(tx: Tx, id: string): Promise<Locked> {
  const rows = await tx.$queryRaw<
    { id: string; patientId: string; status: string }[]
  >`SELECT id, "patientId", status::text AS status FROM "Invoice" WHERE id = ${id} FOR UPDATE`;
  if (!rows[0]) throw notFound("invoice");
  const [sums] = await tx.$queryRaw<{ total: number; paid: number }[]>`
    SELECT COALESCE((SELECT SUM(amount) FROM "InvoiceLine" WHERE "invoiceId" = ${id}), 0)::int AS total,
           COALESCE((SELECT SUM(amount) FROM "Payment" WHERE "invoiceId" = ${id}), 0)::int AS paid`;
  return { ...rows[0], ...sums };
}

/** Adds staff-entered OTHER lines to an open invoice without payments in excess. */
export async function addLines(prisma: Db, ctx: Ctx, invoiceId: string, lines: LineInput[]): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const inv = await lockInvoice(tx, invoiceId);
    if (inv.status === "VOID") throw new AppError("INVALID_TRANSITION", m.invoiceVoid);
    await tx.invoiceLine.createMany({
      data: lines.map((l) => lineData(invoiceId, { kind: "OTHER", ...l, sourceId: null })),
    });
    await audit(tx, ctx, {
      action: "UPDATE",
      entity: "Invoice",
      entityId: invoiceId,
      patientId: inv.patientId,
      details: { added: lines.map((l) => ({ description: l.description, amount: l.quantity * l.unitAmount })) },
    });
  });
}

/** Takes a payment of at most the balance, under the invoice's row lock: concurrent payments never exceed the total. */
export async function takePayment(
  prisma: Db,
  ctx: Ctx,
  input: PaymentInput,
): Promise<{ id: string; receiptNumber: string }> {
  return prisma.$transaction(async (tx) => {
    const inv = await lockInvoice(tx, input.invoiceId);
    if (inv.status === "VOID") throw new AppError("INVALID_TRANSITION", m.invoiceVoid);
    if (input.amount > inv.total - inv.paid)
      throw new AppError("VALIDATION_FAILED", m.overBalance, { fields: { amount: m.overBalance } });
    const payment = await tx.payment.create({
      data: {
        invoiceId: inv.id,
        amount: input.amount,
        method: input.method,
        reference: input.reference ?? null,
        receivedById: ctx.actor.id,
        receivedAt: clock.now(),
      },
      select: { id: true, receiptNumber: true },
    });
    await audit(tx, ctx, {
      action: "CREATE",
      entity: "Payment",
      entityId: payment.id,
      patientId: inv.patientId,
      details: { invoiceId: inv.id, amount: input.amount, method: input.method, receipt: payment.receiptNumber },
    });
    return payment;
  });
}

/** Refunds part or all of a payment: a negative payment, never more than what remains of it. */
export async function refundPayment(
  prisma: Db,
  ctx: Ctx,
  paymentId: string,
  input: RefundInput,
): Promise<{ id: string; receiptNumber: string }> {
  const original = await prisma.payment.findUnique({ where: { id: paymentId }, select: { invoiceId: true } });
  if (!original) throw notFound("payment");
  return prisma.$transaction(async (tx) => {
    const inv = await lockInvoice(tx, original.invoiceId);
    const payment = await tx.payment.findUniqueOrThrow({
      where: { id: paymentId },
      select: { id: true, amount: true, method: true, receiptNumber: true, refunds: { select: { amount: true } } },
    });
    if (payment.amount <= 0) throw new AppError("INVALID_TRANSITION", m.notRefundable);
    const remaining = payment.amount + payment.refunds.reduce((s, r) => s + r.amount, 0);
    if (input.amount > remaining)
      throw new AppError("VALIDATION_FAILED", m.overRefund, { fields: { amount: m.overRefund } });
    const refund = await tx.payment.create({
      data: {
        invoiceId: inv.id,
        amount: -input.amount,
        method: payment.method,
        refundOfId: payment.id,
        reason: input.reason,
        receivedById: ctx.actor.id,
        receivedAt: clock.now(),
      },
      select: { id: true, receiptNumber: true },
    });
    await audit(tx, ctx, {
      action: "CREATE",
      entity: "Payment",
      entityId: refund.id,
      patientId: inv.patientId,
      details: { refundOf: payment.receiptNumber, amount: -input.amount, reason: input.reason },
    });
    return refund;
  });
}

/** Voids an invoice that has no payments; its lines stay as a record (and stay billed). */
export async function voidInvoice(prisma: Db, ctx: Ctx, invoiceId: string, reason: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const inv = await lockInvoice(tx, invoiceId);
    if (inv.status === "VOID") throw new AppError("INVALID_TRANSITION", m.invoiceVoid);
    if (await tx.payment.count({ where: { invoiceId } })) throw new AppError("INVALID_TRANSITION", m.hasPayments);
    await tx.invoice.update({
      where: { id: invoiceId },
      data: { status: "VOID", voidedAt: clock.now(), voidReason: reason },
    });
    await audit(tx, ctx, {
      action: "UPDATE",
      entity: "Invoice",
      entityId: invoiceId,
      patientId: inv.patientId,
      details: { status: "VOID", reason },
    });
  });
}
