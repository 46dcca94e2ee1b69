import { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import type { Ctx } from "@/lib/server/session";
import { escapeLike } from "@/lib/server/like";

// Reads of invoices and payments, scoped to the actor (a patient: only their own). Total, paid and
// balance are always derived from the lines and payments here, never stored.

export type InvoiceStatusView = "open" | "paid" | "void";

export type InvoiceSummary = {
  id: string;
  number: string;
  status: InvoiceStatusView;
  currency: string;
  issuedAt: string;
  patient: { id: string; name: string; mrn: string };
  total: number;
  paid: number;
  balance: number;
};

export type PaymentView = {
  id: string;
  receiptNumber: string;
  amount: number;
  method: string;
  reference: string | null;
  reason: string | null;
  refundOfId: string | null;
  receivedAt: string;
  receivedBy: string;
  /** For a payment: what can still be refunded. */
  refundable: number;
};

export type InvoiceDetail = InvoiceSummary & {
  /** Payment is due by then (INVOICE_DUE_DAYS after it was issued). */
  dueAt: string;
  appointmentId: string | null;
  admissionId: string | null;
  voidReason: string | null;
  lines: { id: string; kind: string; description: string; quantity: number; unitAmount: number; amount: number }[];
  payments: PaymentView[];
};

export const invoiceScope = (ctx: Ctx): Prisma.InvoiceWhereInput =>
  ctx.actor.role === "PATIENT" ? { patient: { userId: ctx.actor.id } } : {};

const statusOf = (status: string, total: number, paid: number): InvoiceStatusView =>
  status === "VOID" ? "void" : paid >= total && total > 0 ? "paid" : "open";

type Row = {
  id: string;
  number: string;
  status: string;
  currency: string;
  issuedAt: Date;
  patientId: string;
  firstName: string;
  lastName: string;
  mrn: string;
  total: number;
  paid: number;
};

const toSummary = (r: Row): InvoiceSummary => ({
  id: r.id,
  number: r.number,
  status: statusOf(r.status, r.total, r.paid),
  currency: r.currency,
  issuedAt: r.issuedAt.toISOString(),
  patient: { id: r.patientId, name: `${r.firstName} ${r.lastName}`, mrn: r.mrn },
  total: r.total,
  paid: r.paid,
  balance: r.total - r.paid,
});

/** Invoices with their derived totals: search by patient name, MRN or number; status open/paid/void; newest first. */
export async function listInvoices(
  prisma: Db,
  ctx: Ctx,
  f: { q?: string; status?: InvoiceStatusView; patientId?: string },
  page: { skip: number; take: number },
): Promise<{ items: InvoiceSummary[]; total: number }> {
  const where: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (ctx.actor.role === "PATIENT") where.push(Prisma.sql`p."userId" = ${ctx.actor.id}`);
  if (f.patientId) where.push(Prisma.sql`i."patientId" = ${f.patientId}`);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    where.push(
      Prisma.sql`(i.number ILIKE ${like} OR p.mrn ILIKE ${like} OR (p."firstName" || ' ' || p."lastName") ILIKE ${like})`,
    );
  }
  if (f.status === "void") where.push(Prisma.sql`i.status = 'VOID'`);
  if (f.status === "paid") where.push(Prisma.sql`i.status = 'OPEN' AND t.total > 0 AND t.paid >= t.total`);
  if (f.status === "open") where.push(Prisma.sql`i.status = 'OPEN' AND (t.total = 0 OR t.paid < t.total)`);
  const base = Prisma.sql`
    FROM "Invoice" i
    JOIN "Patient" p ON p.id = i."patientId"
    CROSS JOIN LATERAL (SELECT
      COALESCE((SELECT SUM(l.amount) FROM "InvoiceLine" l WHERE l."invoiceId" = i.id), 0)::int AS total,
      COALESCE((SELECT SUM(y.amount) FROM "Payment" y WHERE y."invoiceId" = i.id), 0)::int AS paid) t
    WHERE ${Prisma.join(where, " AND ")}`;
  const [rows, count] = await Promise.all([
    prisma.$queryRaw<
      Row[]
    >`SELECT i.id, i.number, i.status::text AS status, i.currency, i."issuedAt", p.id AS "patientId", p."firstName", p."lastName", p.mrn, t.total, t.paid ${base} ORDER BY i."issuedAt" DESC, i.number DESC LIMIT ${page.take} OFFSET ${page.skip}`,
    prisma.$queryRaw<{ n: number }[]>`SELECT COUNT(*)::int AS n ${base}`,
  ]);
  return { items: rows.map(toSummary), total: count[0]?.n ?? 0 };
}

/** One invoice with lines, payments and refunds, audited as a view of the patient's record. */
export async function getInvoice(prisma: Db, ctx: Ctx, id: string): Promise<InvoiceDetail> {
  const inv = await prisma.invoice.findFirst({
    where: { id, ...invoiceScope(ctx) },
    include: {
      patient: { select: { id: true, firstName: true, lastName: true, mrn: true } },
      lines: { orderBy: [{ kind: "asc" }, { description: "asc" }] },
      payments: { orderBy: { receivedAt: "asc" } },
    },
  });
  if (!inv) throw notFound("invoice");
  const staff = await prisma.user.findMany({
    where: { id: { in: [...new Set(inv.payments.map((p) => p.receivedById))] } },
    select: { id: true, name: true },
  });
  const total = inv.lines.reduce((s, l) => s + l.amount, 0);
  const paid = inv.payments.reduce((s, p) => s + p.amount, 0);
  await audit(prisma, ctx, { action: "VIEW", entity: "Invoice", entityId: inv.id, patientId: inv.patientId });
  return {
    ...toSummary({
      ...inv,
      status: inv.status,
      patientId: inv.patient.id,
      firstName: inv.patient.firstName,
      lastName: inv.patient.lastName,
      mrn: inv.patient.mrn,
      total,
      paid,
    }),
    dueAt: inv.dueAt.toISOString(),
    appointmentId: inv.appointmentId,
    admissionId: inv.admissionId,
    voidReason: inv.voidReason,
    lines: inv.lines.map((l) => ({
      id: l.id,
      kind: l.kind,
      description: l.description,
      quantity: l.quantity,
      unitAmount: l.unitAmount,
      amount: l.amount,
    })),
    payments: inv.payments.map((p) => ({
      id: p.id,
      receiptNumber: p.receiptNumber,
      amount: p.amount,
      method: p.method,
      reference: p.reference,
      reason: p.reason,
      refundOfId: p.refundOfId,
      receivedAt: p.receivedAt.toISOString(),
      receivedBy: staff.find((s) => s.id === p.receivedById)?.name ?? "",
      refundable:
        p.amount > 0
          ? p.amount + inv.payments.filter((r) => r.refundOfId === p.id).reduce((s, r) => s + r.amount, 0)
          : 0,
    })),
  };
}

/** Payments and refunds, newest first, scoped like invoices; `invoiceId` narrows to one invoice. */
export async function listPayments(
  prisma: Db,
  ctx: Ctx,
  f: { invoiceId?: string },
  page: { skip: number; take: number },
) {
  const where: Prisma.PaymentWhereInput = {
    invoice: invoiceScope(ctx),
    ...(f.invoiceId ? { invoiceId: f.invoiceId } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.payment.findMany({
      where,
      orderBy: { receivedAt: "desc" },
      skip: page.skip,
      take: page.take,
      select: {
        id: true,
        receiptNumber: true,
        invoiceId: true,
        amount: true,
        method: true,
        reference: true,
        reason: true,
        refundOfId: true,
        receivedAt: true,
        invoice: { select: { number: true, patientId: true } },
      },
    }),
    prisma.payment.count({ where }),
  ]);
  return {
    items: rows.map(({ invoice, ...p }) => ({
      ...p,
      invoiceNumber: invoice.number,
      patientId: invoice.patientId,
      receivedAt: p.receivedAt.toISOString(),
    })),
    total,
  };
}

/** The latest completed visits without an invoice and stays without their final invoice (at most 100 each), for /billing/new. */
export async function uninvoiced(prisma: Db) {
  const [visitIds, stayIds] = await Promise.all([
    prisma.$queryRaw<
      { id: string }[]
    >`SELECT a.id FROM "Appointment" a WHERE a.status = 'COMPLETED' AND NOT EXISTS (SELECT 1 FROM "Invoice" i WHERE i."appointmentId" = a.id) ORDER BY a."startsAt" DESC LIMIT 100`,
    prisma.$queryRaw<
      { id: string }[]
    >`SELECT a.id FROM "Admission" a WHERE NOT EXISTS (SELECT 1 FROM "StayBillingPeriod" p WHERE p."admissionId" = a.id AND p.final) ORDER BY a."admittedAt" DESC LIMIT 100`,
  ]);
  const [appointments, admissions] = await Promise.all([
    prisma.appointment.findMany({
      where: { id: { in: visitIds.map((r) => r.id) } },
      orderBy: { startsAt: "desc" },
      select: {
        id: true,
        startsAt: true,
        patient: { select: { firstName: true, lastName: true, mrn: true } },
        doctor: { select: { name: true } },
      },
    }),
    prisma.admission.findMany({
      where: { id: { in: stayIds.map((r) => r.id) } },
      orderBy: { admittedAt: "desc" },
      select: {
        id: true,
        admittedAt: true,
        dischargedAt: true,
        reason: true,
        patient: { select: { firstName: true, lastName: true, mrn: true } },
      },
    }),
  ]);
  return { appointments, admissions };
}
