import { z } from "zod";
import { en } from "@/lib/i18n/en";
import { E } from "@/lib/i18n/error-keys";

const m = en.password;

export const ZNewPassword = z.string({ error: m.enterNew }).min(10, m.tooShort).max(200, m.tooLong);

export const ZChangePassword = z
  .object({
    currentPassword: z.string({ error: m.enterCurrent }).min(1, m.enterCurrent),
    newPassword: ZNewPassword,
    confirmPassword: z.string({ error: m.mismatch }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: m.mismatch })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: m.sameAsOld });
export type ChangePasswordInput = z.infer<typeof ZChangePassword>;

export const ZTokenRequest = z.object({
  email: z.string({ error: E.login.enterEmail }).trim().min(1, E.login.enterEmail).max(320),
  password: z.string({ error: E.login.enterPassword }).min(1, E.login.enterPassword).max(200),
});
