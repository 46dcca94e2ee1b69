import { z } from "zod";
import { ZDate } from "@/lib/scheduling/schemas";
import { env } from "@/lib/server/env";
import { MINOR_UNITS, parseMoney } from "./money";
import { E } from "@/lib/i18n/error-keys";
import type { Locale } from "@/lib/i18n";

const m = E.billing.errors;

/** An amount in minor units of the hospital's currency, above zero. */
export const ZAmount = z
  .number({ error: m.amount })
  .int(m.amount)
  .positive(m.amount)
  .max(1_000_000_000, m.amount)
  .describe(MINOR_UNITS);
const ZId = z.string({ error: E.errors.required }).trim().min(1, E.errors.required).max(100);

export const ZMethod = z.enum(["CASH", "CARD", "INSURANCE", "MOBILE_MONEY"], { error: m.method });

export const ZLine = z.object({
  description: z.string({ error: m.description }).trim().min(1, m.description).max(200, m.description),
  quantity: z.number({ error: m.quantity }).int(m.quantity).min(1, m.quantity).max(10_000, m.quantity),
  unitAmount: ZAmount,
});
export type LineInput = z.infer<typeof ZLine>;

export const ZLines = z.object({ lines: z.array(ZLine, { error: m.lines }).min(1, m.lines).max(50) });

/** `{ appointmentId } | { admissionId, upTo? } | { patientId, lines }`. */
export const ZCreateInvoice = z.union(
  [
    z.strictObject({ appointmentId: ZId }),
    // Without upTo: the final invoice of a discharged stay; with upTo (YYYY-MM-DD): an interim one up to that date's midnight (hospital time).
    z.strictObject({ admissionId: ZId, upTo: z.preprocess((v) => (v === "" ? undefined : v), ZDate.optional()) }),
    z.strictObject({ patientId: ZId, lines: ZLines.shape.lines }),
  ],
  { error: m.source },
);
export type CreateInvoiceInput = z.infer<typeof ZCreateInvoice>;

export const ZPayment = z.object({
  invoiceId: ZId,
  amount: ZAmount,
  method: ZMethod,
  reference: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((s) => s || undefined),
});
export type PaymentInput = z.infer<typeof ZPayment>;

export const ZRefund = z.object({
  amount: ZAmount,
  reason: z.string({ error: m.reason }).trim().min(3, m.reason).max(500, m.reason),
});
export type RefundInput = z.infer<typeof ZRefund>;

export const ZVoid = z.object({ reason: z.string({ error: m.reason }).trim().min(3, m.reason).max(500, m.reason) });

export const INVOICE_STATUSES = ["open", "paid", "void"] as const;
export const ZInvoiceFilters = z.object({
  status: z.enum(INVOICE_STATUSES).optional().catch(undefined),
  patientId: z.string().max(100).optional(),
});

// Forms: amounts typed as decimal text in the hospital's currency ("12.50"), turned into minor units,
// read as the caller writes them: in French the comma is always the decimal mark ("12,50"; "45,555"
// is refused, never read as 45 555). Each is given the caller's language when the action runs.
const moneyText = (locale: Locale) =>
  z.string({ error: m.amount }).transform((s, ctx) => {
    const v = parseMoney(s, env().HOSPITAL_CURRENCY, locale);
    if (v === null || v <= 0) {
      ctx.addIssue({ code: "custom", message: m.amount });
      return z.NEVER;
    }
    return v;
  });

export const paymentForm = (locale: Locale) => ZPayment.extend({ amount: moneyText(locale) });
export const refundForm = (locale: Locale) => ZRefund.extend({ paymentId: ZId, amount: moneyText(locale) });
export const lineForm = (locale: Locale) => ZLine.extend({ invoiceId: ZId, unitAmount: moneyText(locale) });
export const ZVoidAction = ZVoid.extend({ invoiceId: ZId });
