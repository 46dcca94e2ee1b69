import { PAGING, defineOperation, queryOf } from "@/lib/server/contract";
import { ZCreateInvoice, ZLines, ZPayment, ZRefund, ZVoid } from "./schemas";

// The billing operations of /api/v1 (issue 18: one contract per operation; lib/server/contract.ts).
export const ops = {
  postInvoicesByIdLines: defineOperation({ method: "POST", path: "/invoices/{id}/lines", idempotent: true, tag: "invoices", summary: "`{ lines: [{ description, quantity, unitAmount }] }`: staff lines (kind OTHER) on an open invoice.", permission: "billing.manage", body: ZLines }),
  getInvoicesByIdPdf: defineOperation({ method: "GET", path: "/invoices/{id}/pdf", tag: "invoices", summary: "The printable invoice.", permission: "billing.read" }),
  getInvoicesById: defineOperation({ method: "GET", path: "/invoices/{id}", tag: "invoices", summary: "One invoice with its lines, payments and refunds, total, paid and balance.", permission: "billing.read" }),
  postInvoicesByIdVoid: defineOperation({ method: "POST", path: "/invoices/{id}/void", tag: "invoices", summary: "`{ reason }`: voids an invoice without payments (`409 INVALID_TRANSITION` otherwise).", permission: "billing.manage", body: ZVoid }),
  getInvoices: defineOperation({ method: "GET", path: "/invoices", tag: "invoices", summary: "`?q=&status=open|paid|void&patientId=&page=&pageSize=`, newest first, with derived total, paid and balance.", permission: "billing.read", query: queryOf([...PAGING,"status","patientId"]), list: true }),
  postInvoices: defineOperation({ method: "POST", path: "/invoices", idempotent: true, tag: "invoices", summary: "`{ appointmentId } | { admissionId, upTo? } | { patientId, lines }` (amounts in minor units). A stay is invoiced once discharged, or with `upTo` (YYYY-MM-DD) as an interim invoice up to that date's midnight in the hospital's zone; nights are counted one per hospital midnight passed (a stay passing none: 0 nights); `409 DUPLICATE` when already invoiced (no night is billed twice), `409 INVALID_TRANSITION` for a stay still in without `upTo`.", permission: "billing.manage", body: ZCreateInvoice, status: 201 }),
  getPaymentsByIdReceipt: defineOperation({ method: "GET", path: "/payments/{id}/receipt", tag: "payments", summary: "The receipt of a payment or refund.", permission: "billing.read" }),
  postPaymentsByIdRefund: defineOperation({ method: "POST", path: "/payments/{id}/refund", idempotent: true, tag: "payments", summary: "`{ amount, reason }`: a refund of at most what remains of the payment.", permission: "billing.manage", body: ZRefund, status: 201 }),
  getPayments: defineOperation({ method: "GET", path: "/payments", tag: "payments", summary: "`?invoiceId=&page=&pageSize=`: payments (positive) and refunds (negative), newest first.", permission: "billing.read", query: queryOf([...PAGING,"invoiceId"]), list: true }),
  postPayments: defineOperation({ method: "POST", path: "/payments", idempotent: true, tag: "payments", summary: "`{ invoiceId, amount, method, reference? }`, amount in minor units, at most the balance.", permission: "billing.manage", body: ZPayment, status: 201 }),
};
