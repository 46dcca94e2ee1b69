import { z } from "zod";
import { PAGING, defineOperation, listOf, queryOf, zIso } from "@/lib/server/contract";
import { ZCreateInvoice, ZLines, ZPayment, ZRefund, ZVoid } from "./schemas";

// The success bodies of its GETs (JSON as sent: dates are ISO strings).
/** An invoice as listed; the detail adds its lines and payments. */
const ZInvoiceSummary = z.object({
  id: z.string(),
  number: z.string(),
  status: z.string(),
  currency: z.string(),
  issuedAt: zIso,
  patient: z.object({
    id: z.string(),
    name: z.string(),
    mrn: z.string(),
  }),
  total: z.number().int(),
  paid: z.number().int(),
  balance: z.number().int(),
});

const getInvoicesByIdResponse = ZInvoiceSummary.extend({
  dueAt: zIso,
  appointmentId: z.string().nullable(),
  admissionId: z.string().nullable(),
  voidReason: z.string().nullable(),
  lines: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      description: z.string(),
      quantity: z.number().int(),
      unitAmount: z.number().int(),
      amount: z.number().int(),
    }),
  ),
  payments: z.array(
    z.object({
      id: z.string(),
      receiptNumber: z.string(),
      amount: z.number().int(),
      method: z.string(),
      reference: z.string().nullable(),
      reason: z.string().nullable(),
      refundOfId: z.string().nullable().describe("Set on a refund: the payment it refunds."),
      receivedAt: zIso,
      receivedBy: z.string(),
      refundable: z.number().int().describe("For a payment: what can still be refunded."),
    }),
  ),
});

const getInvoicesResponse = listOf(ZInvoiceSummary);

/** A payment (amount > 0) or a refund (amount < 0), in minor units. */
const ZPaymentRow = z.object({
  id: z.string(),
  receiptNumber: z.string(),
  invoiceId: z.string(),
  invoiceNumber: z.string(),
  patientId: z.string(),
  amount: z.number().int(),
  method: z.string(),
  reference: z.string().nullable(),
  reason: z.string().nullable(),
  refundOfId: z.string().nullable(),
  receivedAt: zIso,
});
const getPaymentsResponse = listOf(ZPaymentRow);

/** A created invoice: its id and number (GET /invoices/{id} for the rest). */
const ZInvoiceCreated = z.object({ id: z.string(), number: z.string() });
/** A payment or refund taken: its id and receipt number (GET /payments/{id}/receipt prints it). */
const ZPaymentTaken = z.object({ id: z.string(), receiptNumber: z.string() });

// The billing operations of /api/v1 (issue 18: one contract per operation; lib/server/contract.ts).
export const ops = {
  postInvoicesByIdLines: defineOperation({
    response: getInvoicesByIdResponse,
    errors: [409],
    method: "POST",
    path: "/invoices/{id}/lines",
    idempotent: true,
    tag: "invoices",
    summary: "`{ lines: [{ description, quantity, unitAmount }] }`: staff lines (kind OTHER) on an open invoice.",
    permission: "billing.manage",
    body: ZLines,
  }),
  getInvoicesByIdPdf: defineOperation({
    produces: ["application/pdf"],
    method: "GET",
    path: "/invoices/{id}/pdf",
    tag: "invoices",
    summary: "The printable invoice.",
    permission: "billing.read",
  }),
  getInvoicesById: defineOperation({
    response: getInvoicesByIdResponse,
    method: "GET",
    path: "/invoices/{id}",
    tag: "invoices",
    summary: "One invoice with its lines, payments and refunds, total, paid and balance.",
    permission: "billing.read",
  }),
  postInvoicesByIdVoid: defineOperation({
    response: getInvoicesByIdResponse,
    errors: [409],
    method: "POST",
    path: "/invoices/{id}/void",
    tag: "invoices",
    summary: "`{ reason }`: voids an invoice without payments (`409 INVALID_TRANSITION` otherwise).",
    permission: "billing.manage",
    body: ZVoid,
  }),
  getInvoices: defineOperation({
    response: getInvoicesResponse,
    method: "GET",
    path: "/invoices",
    tag: "invoices",
    summary:
      "`?q=&status=open|paid|void&patientId=&page=&pageSize=`, newest first, with derived total, paid and balance.",
    permission: "billing.read",
    query: queryOf([...PAGING, "status", "patientId"]),
    list: true,
  }),
  postInvoices: defineOperation({
    response: ZInvoiceCreated,
    errors: [409],
    method: "POST",
    path: "/invoices",
    idempotent: true,
    tag: "invoices",
    summary:
      "`{ appointmentId } | { admissionId, upTo? } | { patientId, lines }` (amounts in minor units). A stay is invoiced once discharged, or with `upTo` (YYYY-MM-DD) as an interim invoice up to that date's midnight in the hospital's zone; nights are counted one per hospital midnight passed (a stay passing none: 0 nights); `409 DUPLICATE` when already invoiced (no night is billed twice), `409 INVALID_TRANSITION` for a stay still in without `upTo`.",
    permission: "billing.manage",
    body: ZCreateInvoice,
    status: 201,
  }),
  getPaymentsByIdReceipt: defineOperation({
    produces: ["application/pdf"],
    method: "GET",
    path: "/payments/{id}/receipt",
    tag: "payments",
    summary: "The receipt of a payment or refund.",
    permission: "billing.read",
  }),
  postPaymentsByIdRefund: defineOperation({
    response: ZPaymentTaken,
    errors: [409],
    method: "POST",
    path: "/payments/{id}/refund",
    idempotent: true,
    tag: "payments",
    summary: "`{ amount, reason }`: a refund of at most what remains of the payment.",
    permission: "billing.manage",
    body: ZRefund,
    status: 201,
  }),
  getPayments: defineOperation({
    response: getPaymentsResponse,
    method: "GET",
    path: "/payments",
    tag: "payments",
    summary: "`?invoiceId=&page=&pageSize=`: payments (positive) and refunds (negative), newest first.",
    permission: "billing.read",
    query: queryOf([...PAGING, "invoiceId"]),
    list: true,
  }),
  postPayments: defineOperation({
    response: ZPaymentTaken,
    method: "POST",
    path: "/payments",
    idempotent: true,
    tag: "payments",
    summary: "`{ invoiceId, amount, method, reference? }`, amount in minor units, at most the balance.",
    permission: "billing.manage",
    body: ZPayment,
    status: 201,
  }),
};
