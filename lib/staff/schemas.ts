import { z } from "zod";
import { MINOR_UNITS } from "@/lib/billing/money";
import { ZDate } from "@/lib/scheduling/schemas";
import { ZNewPassword } from "@/lib/accounts/schemas";
import { E } from "@/lib/i18n/error-keys";

const m = E.staff.staff;
const tooLong = E.staff.phrases.tooLong;

/** Every role but PATIENT: patients get their accounts through registration, not from an admin. */
export const STAFF_ROLES = ["ADMIN", "DOCTOR", "NURSE", "PHARMACIST", "RECORDS_OFFICER"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

const text = (max: number, required: string) =>
  z.string({ error: required }).trim().min(1, required).max(max, tooLong(max));
const optionalText = (max: number) => z.string().trim().max(max, tooLong(max)).nullable().optional();
const count = (max: number) =>
  z.number({ error: m.wholeNumber }).int(m.wholeNumber).min(0, m.notNegative).max(max).nullable().optional();

export const ZStaffRole = z.enum(STAFF_ROLES, { error: m.chooseRole });

const staffFields = {
  name: text(200, m.enterName),
  role: ZStaffRole,
  departmentId: z.string().trim().min(1).max(64).nullable().optional(),
  specialty: optionalText(100),
  qualification: optionalText(200),
  registrationNumber: optionalText(60),
  yearsOfExperience: count(80),
  // Integer minor units (cents): money is never a float. The form converts what people type (45.00)
  // and sends text that is no amount as it is, refused with the money message.
  consultationFee: z
    .number({ error: m.money })
    .int(m.wholeNumber)
    .min(0, m.notNegative)
    .max(100_000_000)
    .describe(MINOR_UNITS)
    .nullable()
    .optional(),
};

/** Doctors are found by specialty, so a doctor needs one. */
function requireSpecialty(v: { role?: StaffRole; specialty?: string | null }, ctx: z.RefinementCtx) {
  if (v.role === "DOCTOR" && !v.specialty)
    ctx.addIssue({ code: "custom", path: ["specialty"], message: m.enterSpecialty });
}

export const ZStaffCreate = z
  .object({
    ...staffFields,
    email: z
      .string({ error: m.enterEmail })
      .trim()
      .toLowerCase()
      .pipe(z.email(m.enterEmail))
      .pipe(z.string().max(320, tooLong(320))),
    // Without one, the person is invited by email to choose it.
    password: ZNewPassword.optional(),
  })
  .superRefine(requireSpecialty);
export type StaffCreateInput = z.infer<typeof ZStaffCreate>;

/** PATCH semantics: absent fields stay as they are; null clears an optional one. */
export const ZStaffUpdate = z
  .object({
    name: staffFields.name.optional(),
    role: staffFields.role.optional(),
    departmentId: staffFields.departmentId,
    specialty: staffFields.specialty,
    qualification: staffFields.qualification,
    registrationNumber: staffFields.registrationNumber,
    yearsOfExperience: staffFields.yearsOfExperience,
    consultationFee: staffFields.consultationFee,
  })
  .superRefine(requireSpecialty);
export type StaffUpdateInput = z.infer<typeof ZStaffUpdate>;

export const ZDeactivate = z.object({
  reason: z.string({ error: m.enterReason }).trim().min(3, m.enterReason).max(500, tooLong(500)),
});

export const ZStaffFilters = z.object({
  role: ZStaffRole.optional(),
  departmentId: z.string().trim().min(1).max(64).optional(),
});
export type StaffFilters = z.infer<typeof ZStaffFilters>;

export const ZDoctorFilters = z.object({
  specialty: z.string().trim().min(1).max(100).optional(),
  departmentId: z.string().trim().min(1).max(64).optional(),
  /** Doctors who work that local date (weekly hours not closed by an exception, or extra hours). */
  availableOn: ZDate.optional(),
});
export type DoctorFilters = z.infer<typeof ZDoctorFilters>;
