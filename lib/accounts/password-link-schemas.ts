import { z } from "zod";
import { en } from "@/lib/i18n/en";
import { ZNewPassword } from "./schemas";

export const ZSetPassword = z
  .object({
    token: z.string().min(1).max(100),
    password: ZNewPassword,
    confirmPassword: z.string({ error: en.password.mismatch }),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: en.password.mismatch });

export const ZForgotPassword = z.object({
  email: z.string({ error: en.staff.staff.enterEmail }).trim().pipe(z.email(en.staff.staff.enterEmail)).pipe(z.string().max(320)),
});
