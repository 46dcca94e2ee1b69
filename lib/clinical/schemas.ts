import { z } from "zod";
import { MINOR_UNITS } from "@/lib/billing/money";
import { ZDate, ZInstant } from "@/lib/scheduling/schemas";
import { icdByCode } from "./icd10cm";
import { CONSCIOUSNESS } from "./news2";
import { E } from "@/lib/i18n/error-keys";

const m = E.clinical.errors;

/** Empty strings (a cleared form field) count as absent. */
const blankAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const text = (max: number) => z.preprocess(blankAsUndefined, z.string().trim().max(max, m.tooLong(max)).optional());
const id = z.string({ error: m.required }).trim().min(1, m.required).max(64);

export const ZDiagnosis = z.object({
  code: z.preprocess(
    (v) => (typeof v === "string" ? blankAsUndefined(v.trim().toUpperCase()) : v),
    // A code of the shipped ICD-10-CM list only (lib/clinical/icd10cm-data.ts): the FHIR API codes a
    // diagnosis with that list's display, so a code outside it is refused (the words stay free text).
    z
      .string()
      .regex(/^[A-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$/, m.icdCode)
      .refine((c) => icdByCode(c) !== null, m.icdUnknown)
      .optional(),
  ),
  description: z.string({ error: m.diagnosis }).trim().min(1, m.diagnosis).max(300, m.tooLong(300)),
});

/** What a doctor writes; the version history keeps each earlier copy of exactly these fields. */
export const ZConsultationContent = z.object({
  hpi: text(10_000),
  exam: text(10_000),
  assessment: text(10_000),
  plan: text(10_000),
  treatment: text(10_000),
  nextVisitOn: z.preprocess(blankAsUndefined, ZDate.optional()),
  diagnoses: z.array(ZDiagnosis).max(30).default([]),
});
export type ConsultationContent = z.infer<typeof ZConsultationContent>;

/** From an appointment (the patient is the appointment's) or a walk-in for a patient. */
export const ZConsultationCreate = ZConsultationContent.extend({
  patientId: z.preprocess(blankAsUndefined, id.optional()),
  appointmentId: z.preprocess(blankAsUndefined, id.optional()),
}).refine((x) => !!x.patientId || !!x.appointmentId, { path: ["patientId"], message: m.oneOf });
export type ConsultationCreate = z.infer<typeof ZConsultationCreate>;

export const ZConsultationUpdate = ZConsultationContent;
export const ZAddendum = z.object({
  text: z.string({ error: m.addendumText }).trim().min(1, m.addendumText).max(5000, m.tooLong(5000)),
});

// Plausible ranges: the same bounds as the VitalSign_plausible CHECK in the migration.
function measure(label: string, low: number, high: number, unit: string, int: boolean) {
  let n = z.number({ error: m.number }).refine(Number.isFinite, m.number);
  if (int) n = n.refine(Number.isInteger, m.whole);
  const inRange = n.refine((x) => x >= low && x <= high, m.range(label, low, high, unit));
  // A number or nothing (null: not measured). Text is refused: the form sends numbers (formNumber).
  return z.preprocess((x) => (x === null ? undefined : x), inRange.optional());
}
export const VITAL_FIELDS = [
  "temperatureC",
  "pulse",
  "respiratoryRate",
  "systolic",
  "diastolic",
  "spo2",
  "weightKg",
  "heightCm",
  "painScore",
] as const;
export type VitalField = (typeof VITAL_FIELDS)[number];

export const ZVitals = z
  .object({
    temperatureC: measure("Temperature", 25, 45, "°C", false),
    pulse: measure("Pulse", 20, 300, "/min", true),
    respiratoryRate: measure("Respiratory rate", 4, 80, "/min", true),
    systolic: measure("Systolic pressure", 40, 300, "mmHg", true),
    diastolic: measure("Diastolic pressure", 20, 200, "mmHg", true),
    spo2: measure("SpO₂", 40, 100, "%", true),
    weightKg: measure("Weight", 0.1, 500, "kg", false),
    heightCm: measure("Height", 20, 260, "cm", false),
    painScore: measure("Pain", 0, 10, "", true),
    // For NEWS2 (with respiration, SpO2, systolic, pulse and temperature). Optional: a set without them
    // is recorded, unscored ("incomplete set"). Exact types: "A"…"U" and a JSON boolean, no coercion.
    consciousness: z.preprocess(
      (x) => (x === null || x === "" ? undefined : x),
      z.enum(CONSCIOUSNESS, m.consciousness).optional(),
    ),
    supplementalOxygen: z.preprocess(
      (x) => (x === null ? undefined : x),
      z.boolean({ error: m.supplementalOxygen }).optional(),
    ),
    takenAt: z.preprocess(blankAsUndefined, ZInstant.optional()),
    note: text(1000),
  })
  .superRefine((x, ctx) => {
    if (VITAL_FIELDS.every((f) => x[f] === undefined))
      ctx.addIssue({ code: "custom", path: ["_"], message: m.oneMeasurement });
    if (x.systolic !== undefined && x.diastolic !== undefined && x.diastolic >= x.systolic)
      ctx.addIssue({ code: "custom", path: ["diastolic"], message: m.diastolic });
  });
export type VitalsInput = z.infer<typeof ZVitals>;

/** A doctor's NEWS2 flags on a patient (PATCH semantics, JSON booleans): no score in pregnancy; SpO2 scale 2. */
export const ZNews2Flags = z
  .object({
    pregnant: z.boolean({ error: m.flagBoolean }).optional(),
    spo2Scale2: z.boolean({ error: m.flagBoolean }).optional(),
  })
  .strict()
  .refine((x) => x.pregnant !== undefined || x.spo2Scale2 !== undefined, { path: ["_"], message: m.flagBoolean });
export type News2FlagsInput = z.infer<typeof ZNews2Flags>;

export const SHIFTS = ["DAY", "EVENING", "NIGHT"] as const;
export const NOTE_CATEGORIES = ["ASSESSMENT", "MEDICATION", "CARE", "OBSERVATION", "HANDOVER", "OTHER"] as const;
export const ZNurseNote = z.object({
  shift: z.enum(SHIFTS, m.shift),
  category: z.enum(NOTE_CATEGORIES, m.category),
  text: z.string({ error: m.noteText }).trim().min(1, m.noteText).max(5000, m.tooLong(5000)),
});
export type NurseNoteInput = z.infer<typeof ZNurseNote>;

export const ZLabOrder = z.object({
  patientId: id,
  testIds: z.array(id, { error: m.tests }).min(1, m.tests).max(30),
  consultationId: z.preprocess(blankAsUndefined, id.optional()),
  notes: text(1000),
});
export type LabOrderInput = z.infer<typeof ZLabOrder>;

const optionalNumber = z.preprocess(
  (x) => (x === null ? undefined : x),
  z.number({ error: m.number }).refine(Number.isFinite, m.number).optional(),
);
export const ZLabResult = z
  .object({
    value: optionalNumber,
    valueText: text(500),
    unit: text(40),
    refLow: optionalNumber,
    refHigh: optionalNumber,
    flag: z.preprocess(blankAsUndefined, z.enum(["NORMAL", "ABNORMAL"], m.flag).optional()),
  })
  .refine((x) => x.value !== undefined || x.valueText !== undefined, { path: ["value"], message: m.valueOrText });
export type LabResultInput = z.infer<typeof ZLabResult>;

/** A corrected result: the new value (or text and flag) and why; unit and range stay the original's. */
export const ZLabAmendment = z
  .object({
    value: optionalNumber,
    valueText: text(500),
    flag: z.preprocess(blankAsUndefined, z.enum(["NORMAL", "ABNORMAL"], m.flag).optional()),
    reason: z.string({ error: m.amendReason }).trim().min(1, m.amendReason).max(1000, m.tooLong(1000)),
  })
  .refine((x) => x.value !== undefined || x.valueText !== undefined, { path: ["value"], message: m.valueOrText });
export type LabAmendmentInput = z.infer<typeof ZLabAmendment>;

export const ZLabOrderFilters = z.object({
  status: z.preprocess(blankAsUndefined, z.enum(["ORDERED", "RESULTED", "CANCELLED"]).optional()),
  patientId: z.preprocess(blankAsUndefined, id.optional()),
});

export const ZIcdQuery = z.object({ q: z.string().trim().max(100, m.tooLong(100)).default("") });

/** A blank form field clears an optional catalogue column (null); an absent one leaves it as it is. */
const clearable = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), schema.nullable().optional());
const rangeEnd = clearable(z.number({ error: m.number }).refine(Number.isFinite, m.number));

/** An admin's edit of a lab catalogue entry (PATCH semantics). The code and LOINC identify the test and stay. Price in minor units. */
export const ZLabTestUpdate = z
  .object({
    name: z.string({ error: m.required }).trim().min(1, m.required).max(200, m.tooLong(200)).optional(),
    specimen: clearable(z.string().trim().max(60, m.tooLong(60))),
    unit: clearable(z.string().trim().max(40, m.tooLong(40))),
    refLow: rangeEnd,
    refHigh: rangeEnd,
    price: clearable(
      z.number({ error: m.price }).int(m.whole).min(0, m.price).max(100_000_000, m.price).describe(MINOR_UNITS),
    ),
    active: z.boolean().optional(),
  })
  .refine((x) => x.refLow == null || x.refHigh == null || x.refLow <= x.refHigh, {
    path: ["refHigh"],
    message: m.refRange,
  });
export type LabTestUpdateInput = z.infer<typeof ZLabTestUpdate>;
