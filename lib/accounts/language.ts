import { z } from "zod";
import { LOCALES, type Locale } from "@/lib/i18n";
import { audit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import type { Ctx } from "@/lib/server/session";
import { E } from "@/lib/i18n/error-keys";

export const ZLanguage = z.object({ language: z.enum(LOCALES, { error: E.account.languageChoice }) });
export type LanguageInput = z.infer<typeof ZLanguage>;

/** The caller's own account as the API shows it. */
export async function getAccount(prisma: Db, ctx: Ctx) {
  // requiredAction: the step the account must take first (VERIFY_EMAIL, UPDATE_PASSWORD), or null.
  const user = await prisma.user.findUnique({
    where: { id: ctx.actor.id },
    select: { id: true, name: true, email: true, role: true, language: true, requiredAction: true },
  });
  if (!user) throw notFound("account");
  return user;
}

/** Sets the language the caller's pages, emails, PDFs and error messages use. */
export async function setLanguage(prisma: Db, ctx: Ctx, language: Locale) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: ctx.actor.id }, select: { language: true } });
    if (!before) throw notFound("account");
    const user = await tx.user.update({
      where: { id: ctx.actor.id },
      data: { language },
      select: { id: true, name: true, email: true, role: true, language: true },
    });
    if (before.language !== language) {
      await audit(tx, ctx, {
        action: "UPDATE",
        entity: "User",
        entityId: ctx.actor.id,
        details: { changes: { language: { from: before.language, to: language } } },
      });
    }
    return user;
  });
}
