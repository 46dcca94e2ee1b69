import { z } from "zod";
import { ZNewPassword } from "./schemas";
import { E } from "@/lib/i18n/error-keys";

export const ZSetPassword = z
  .object({
    token: z.string().min(1).max(100),
    password: ZNewPassword,
    confirmPassword: z.string({ error: E.password.mismatch }),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: E.password.mismatch });

export const ZForgotPassword = z.object({
  email: z
    .string({ error: E.staff.staff.enterEmail })
    .trim()
    .pipe(z.email(E.staff.staff.enterEmail))
    .pipe(z.string().max(320)),
});
