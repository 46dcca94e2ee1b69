import { z } from "zod";
import { LOCALES } from "@/lib/i18n";
import { SEXES } from "@/lib/patients/schemas";

/** What the `account.register` job carries: the registration as typed, the password already hashed. */
export const ZRegistrationJob = z.object({
  email: z.string().min(3).max(320),
  passwordHash: z.string().min(20),
  firstName: z.string().min(1).max(100),
  lastName: z.string().min(1).max(100),
  dateOfBirth: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  sex: z.enum(SEXES),
  phone: z.string().max(40).optional(),
  locale: z.enum(LOCALES),
  ip: z.string().max(100).nullable(),
});
export type RegistrationJob = z.infer<typeof ZRegistrationJob>;

/** What the `account.passwordReset` job carries. */
export const ZPasswordResetJob = z.object({ email: z.string().min(1).max(320), ip: z.string().max(100).nullable() });
export type PasswordResetJob = z.infer<typeof ZPasswordResetJob>;

export const ZConfirmEmail = z.object({ token: z.string().min(1).max(100) });
