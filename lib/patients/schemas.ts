import { z } from "zod";
import { clock } from "@/lib/server/clock";
import { E } from "@/lib/i18n/error-keys";
import type { Msg } from "@/lib/i18n/message";

const m = E.patients.errors;

/**
 * The clinical fields of a patient record: the one list of them, read by the record query (which
 * leaves them out), the service (which refuses to write them: lib/patients/scope.ts), the list search
 * (the condition filter) and the patient form (which neither shows nor sends them) for a role without
 * clinical access. Allergies are not among them: records officers and pharmacists see them, because
 * registration and dispensing need them.
 */
export const CLINICAL_PATIENT_FIELDS = ["bloodGroup", "medicalHistory", "conditions"] as const;
export type ClinicalPatientField = (typeof CLINICAL_PATIENT_FIELDS)[number];

export const SEXES = ["female", "male", "other", "unknown"] as const;
export const SEVERITIES = ["mild", "moderate", "severe"] as const;
/** Blood groups as people write them, and the stored enum value. */
export const BLOOD_GROUPS = {
  "A+": "A_POS",
  "A-": "A_NEG",
  "B+": "B_POS",
  "B-": "B_NEG",
  "AB+": "AB_POS",
  "AB-": "AB_NEG",
  "O+": "O_POS",
  "O-": "O_NEG",
} as const;
export type BloodGroupLabel = keyof typeof BLOOD_GROUPS;
export const bloodGroupLabel = (v: string | null): BloodGroupLabel | null =>
  (Object.entries(BLOOD_GROUPS).find(([, e]) => e === v)?.[0] as BloodGroupLabel | undefined) ?? null;

const text = (max: number, required: string = m.required) =>
  z.string({ error: required }).trim().min(1, required).max(max, m.tooLong(max));
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, m.tooLong(max))
    .optional()
    .transform((v) => (v ? v : undefined));

/** YYYY-MM-DD, a real calendar day, not in the future, not before 1900. */
export const ZDateOfBirth = z
  .string({ error: m.dateFormat })
  .regex(/^\d{4}-\d{2}-\d{2}$/, m.dateFormat)
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, m.dateFormat)
  .refine((s) => s <= clock.now().toISOString().slice(0, 10), m.dateInFuture)
  .refine((s) => s >= "1900-01-01", m.dateTooOld);

const ZPhone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{6,20}$/, m.phone)
  .transform((s) => s.replace(/[ ()-]/g, ""))
  .optional()
  .or(z.literal("").transform(() => undefined));
const ZEmail = z
  .email(m.email)
  .trim()
  .toLowerCase()
  .optional()
  .or(z.literal("").transform(() => undefined));

export const ZAllergy = z.object({
  substance: text(100, m.substance),
  drugClass: optionalText(100),
  reaction: optionalText(200),
  severity: z.enum(SEVERITIES, m.severity).optional(),
});

export const ZCondition = z.union([
  text(200).transform((t) => ({ text: t, code: undefined as string | undefined })),
  z.object({ text: text(200), code: optionalText(10) }),
]);

const contact = {
  phone: ZPhone,
  email: ZEmail,
  address: optionalText(300),
  emergencyContactName: optionalText(120),
  emergencyContactPhone: ZPhone,
  emergencyContactRelation: optionalText(60),
};

const identity = {
  firstName: text(100),
  lastName: text(100),
  dateOfBirth: ZDateOfBirth,
  sex: z.enum(SEXES, m.sex),
  nationalId: optionalText(40),
  bloodGroup: z
    .union(
      [
        z.enum(Object.keys(BLOOD_GROUPS) as [BloodGroupLabel, ...BloodGroupLabel[]]),
        z.enum(Object.values(BLOOD_GROUPS) as [string, ...string[]]),
      ],
      { error: m.bloodGroup },
    )
    .optional()
    .or(z.literal("").transform(() => undefined))
    .transform((v) => (v ? ((BLOOD_GROUPS as Record<string, string>)[v] ?? v) : undefined)),
  medicalHistory: optionalText(5000),
};

export const ZRegisterPatient = z.object({
  ...identity,
  ...contact,
  allergies: z.array(ZAllergy).max(50).optional(),
  conditions: z.array(ZCondition).max(50).optional(),
  /** Set after the user has seen the likely duplicates and still wants a new record. */
  confirmDuplicate: z.boolean().optional(),
});
export type RegisterPatientInput = z.infer<typeof ZRegisterPatient>;

/** In an edit, an emptied optional field means "clear it" (null), not "leave it". */
const clearable = <S extends z.ZodType>(schema: S) =>
  z.union([z.literal("").transform(() => null), z.null(), schema]).optional();
const clearableContact = {
  phone: clearable(contact.phone),
  email: clearable(contact.email),
  address: clearable(contact.address),
  emergencyContactName: clearable(contact.emergencyContactName),
  emergencyContactPhone: clearable(contact.emergencyContactPhone),
  emergencyContactRelation: clearable(contact.emergencyContactRelation),
};

/** Staff edits: any field; lists given replace the stored ones; emptied optional fields are cleared. */
export const ZUpdatePatient = ZRegisterPatient.omit({ confirmDuplicate: true })
  .partial()
  .extend({
    ...clearableContact,
    nationalId: clearable(identity.nationalId),
    bloodGroup: clearable(identity.bloodGroup),
    medicalHistory: clearable(identity.medicalHistory),
  });
export type UpdatePatientInput = z.infer<typeof ZUpdatePatient>;

/** What patients may change themselves: contact details only. */
export const ZUpdateOwnContact = z.object(clearableContact);
export type UpdateOwnContactInput = z.infer<typeof ZUpdateOwnContact>;

export const ZDeactivatePatient = z.object({ reason: z.string({ error: m.reason }).trim().min(3, m.reason).max(500) });

export const ZSelfRegister = z.object({
  email: z.email(m.email).trim().toLowerCase(),
  password: z.string({ error: E.password.enterNew }).min(10, E.password.tooShort).max(200, E.password.tooLong),
  firstName: text(100),
  lastName: text(100),
  dateOfBirth: ZDateOfBirth,
  sex: z.enum(SEXES, m.sex),
  phone: ZPhone,
});
export type SelfRegisterInput = z.infer<typeof ZSelfRegister>;

const mm = E.merge;
const ZMergeId = (message: Msg) => z.string({ error: message }).trim().min(1, message).max(100, message);
/** POST /patients/{id}/merge: the record merged into {id}. */
export const ZMerge = z.object({ duplicateId: ZMergeId(mm.pickLabel) });
/** POST /patients/{id}/merge/undo: which merge into {id} to undo. */
export const ZMergeUndo = z.object({ mergeId: ZMergeId(E.errors.required) });
/** The merge page's picker: the duplicate's MRN, as typed (H-000041, h-41, 41). */
export const ZMergePick = z.object({
  mrn: z.string({ error: mm.pickLabel }).trim().min(1, mm.pickLabel).max(20, mm.pickLabel),
});
