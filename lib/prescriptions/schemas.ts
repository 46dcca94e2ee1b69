import { z } from "zod";
import { E } from "@/lib/i18n/error-keys";

const m = E.prescriptions.errors;
const text = (message: string, max = 200) => z.string({ error: message }).trim().min(1, message).max(max, message);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined);

export const ZPrescriptionItem = z.object({
  drugId: text(m.drug, 100),
  dose: text(m.dose, 100),
  route: text(m.route, 50),
  frequency: text(m.frequency, 100),
  durationDays: z.number({ error: m.duration }).int(m.duration).min(1, m.duration).max(365, m.duration),
  // Omitted: computed from dose, frequency and days (lib/prescriptions/quantity.ts).
  quantity: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.number({ error: m.quantity }).int(m.quantity).min(1, m.quantity).max(10_000, m.quantity).optional(),
  ),
  instructions: optionalText(500),
});
export type PrescriptionItemInput = z.infer<typeof ZPrescriptionItem>;

export const ZPrescribe = z.object({
  patientId: text(m.patient, 100),
  consultationId: optionalText(100),
  items: z.array(ZPrescriptionItem, { error: m.items }).min(1, m.items).max(20, m.tooMany),
  // Given: the safety findings are accepted, stored with the prescription and audited.
  overrideReason: z
    .string()
    .trim()
    .max(1000)
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || v.length >= 5, m.reason),
});
export type PrescribeInput = z.infer<typeof ZPrescribe>;

export const ZRevoke = z.object({ reason: z.string({ error: m.reason }).trim().min(5, m.reason).max(1000, m.reason) });
export const ZRevokeAction = z.object({ id: z.string().min(1) }).and(ZRevoke);

export const PRESCRIPTION_STATUSES = ["ACTIVE", "PARTIALLY_DISPENSED", "DISPENSED", "REVOKED", "EXPIRED"] as const;

/** List filters, shared by GET /prescriptions and the list page. `status` is the effective status. */
export const ZPrescriptionFilters = z.object({
  status: z.enum(PRESCRIPTION_STATUSES).optional(),
  patientId: z.string().min(1).max(100).optional(),
});
export type PrescriptionFilters = z.infer<typeof ZPrescriptionFilters>;
export const PRESCRIPTION_FILTER_KEYS = ["status", "patientId"] as const;

export const ZDrugLookup = z.object({ q: z.string().trim().min(2).max(100) });
export const ZPaper = z.enum(["A4", "LETTER"]).default("A4");
