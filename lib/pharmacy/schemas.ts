import { z } from "zod";
import { MINOR_UNITS } from "@/lib/billing/money";
import { ZQueryInt } from "@/lib/server/validation";
import { DRUG_CLASSES, DRUG_FORMS } from "./catalogue-data";
import { E } from "@/lib/i18n/error-keys";

const m = E.pharmacy.errors;

const ZDay = z
  .string({ error: m.expiresOn })
  .regex(/^\d{4}-\d{2}-\d{2}$/, m.expiresOn)
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    m.expiresOn,
  );

const drugFields = {
  genericName: z.string({ error: m.generic }).trim().toLowerCase().min(2, m.generic).max(120, m.generic),
  brandName: z
    .string({ error: m.brand })
    .trim()
    .max(120, m.brand)
    .nullish()
    .transform((v) => v || null),
  form: z.enum(DRUG_FORMS, m.form),
  strength: z.string({ error: m.strength }).trim().min(1, m.strength).max(60, m.strength),
  drugClass: z.enum(DRUG_CLASSES, m.drugClass),
  reorderLevel: z
    .number({ error: m.reorderLevel })
    .int(m.reorderLevel)
    .min(0, m.reorderLevel)
    .max(100000, m.reorderLevel),
  // Price per dispensed unit in minor units of HOSPITAL_CURRENCY; null: not billed.
  unitPrice: z
    .number({ error: m.unitPrice })
    .int(m.unitPrice)
    .min(0, m.unitPrice)
    .max(100_000_000)
    .describe(MINOR_UNITS)
    .nullable()
    .optional(),
};

export const ZDrugCreate = z.object(drugFields);
export type DrugCreateInput = z.infer<typeof ZDrugCreate>;

/** PATCH /drugs/{id}: any subset; `active: false` withdraws the drug (it is never deleted). */
export const ZDrugUpdate = z
  .object({ ...drugFields, active: z.boolean() })
  .partial()
  .strict();
export type DrugUpdateInput = z.infer<typeof ZDrugUpdate>;

/** GET /drugs filters. */
export const ZDrugFilters = z.object({
  drugClass: z.enum(DRUG_CLASSES, m.drugClass).optional(),
  lowStock: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
  active: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true")),
});
export type DrugFilters = z.infer<typeof ZDrugFilters>;
export const DRUG_FILTER_KEYS = ["drugClass", "lowStock", "active"] as const;

export const ZReceiveBatch = z.object({
  lot: z.string({ error: m.lot }).trim().min(1, m.lot).max(60, m.lot),
  expiresOn: ZDay,
  quantity: z.number({ error: m.quantity }).int(m.quantity).min(1, m.quantity).max(1_000_000, m.quantity),
});
export type ReceiveBatchInput = z.infer<typeof ZReceiveBatch>;

export const ZAdjustBatch = z.object({
  batchId: z.string({ error: m.batchNotFound }).min(1, m.batchNotFound),
  delta: z
    .number({ error: m.delta })
    .int(m.delta)
    .min(-1_000_000, m.delta)
    .max(1_000_000, m.delta)
    .refine((n) => n !== 0, m.delta),
  reason: z.string({ error: m.reason }).trim().min(3, m.reason).max(500, m.reason),
});
export type AdjustBatchInput = z.infer<typeof ZAdjustBatch>;

/** POST /drugs/{id}/stock: with `batchId` it adjusts that batch, without it receives a new one. */
export const stockChangeSchema = (body: unknown) =>
  body !== null && typeof body === "object" && "batchId" in body ? ZAdjustBatch : ZReceiveBatch;

export const ZExpiring = z.object({
  // A query parameter: parsed from its text, digits only (lib/server/validation.ts).
  days: ZQueryInt.pipe(z.number().max(3650, m.days)).default(60),
});

/** Omitted items: dispense everything that remains. Lines with quantity 0 are skipped. */
export const ZDispense = z.object({
  items: z
    .array(
      z.object({
        itemId: z.string({ error: m.itemNotFound }).min(1, m.itemNotFound),
        quantity: z
          .number({ error: m.dispenseQuantity })
          .int(m.dispenseQuantity)
          .min(0, m.dispenseQuantity)
          .max(100000, m.dispenseQuantity),
      }),
    )
    .max(100)
    .optional()
    .refine((items) => !items || new Set(items.map((i) => i.itemId)).size === items.length, m.itemTwice)
    .refine((items) => !items || items.some((i) => i.quantity > 0), m.nothingToDispense),
});
export type DispenseInput = z.infer<typeof ZDispense>;

/** The edit form's input: the drug's id with the fields it changes. */
export const ZDrugEdit = ZDrugUpdate.extend({ id: z.string().min(1) });
