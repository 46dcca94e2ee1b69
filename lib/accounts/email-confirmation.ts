import { localeOf } from "@/lib/i18n";
import { deliverEmail, mailConfig, queueEmail, type MailConfig } from "@/lib/notifications/mail";
import { audit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { takeRate } from "@/lib/server/rate-limit";
import type { Ctx } from "@/lib/server/session";
import { hashToken, issueLink, TOKEN_TTL_MINUTES } from "./password-tokens";
import { clock } from "@/lib/server/clock";
import { E } from "@/lib/i18n/error-keys";

// Email confirmation of self-registered patients (User.requiredAction VERIFY_EMAIL). Until it is
// done the account signs in only to /register/confirm and the API refuses everything else with
// 403 EMAIL_UNCONFIRMED (lib/server/required-action.ts). Staff accounts and patients registered by
// staff never have this step.

const invalid = () => new AppError("NOT_FOUND", E.accounts.confirmLink.invalid);

/** Whether a confirmation link can still be used, for its page. */
export async function confirmationIsValid(prisma: Db, token: string): Promise<boolean> {
  const row = await prisma.passwordToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { purpose: true, usedAt: true, expiresAt: true, user: { select: { active: true } } },
  });
  return !!row && row.purpose === "CONFIRM_EMAIL" && !row.usedAt && row.expiresAt > clock.now() && row.user.active;
}

/**
 * Confirms the address behind a link: the token is spent by one conditional UPDATE (of two uses,
 * one wins) and the account's VERIFY_EMAIL step ends. The link is the proof; no session is needed,
 * and the person's live sessions see the change on their next request.
 */
export async function confirmEmail(prisma: Db, input: { token: string }, ip: string | null): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const spent = await tx.$queryRaw<{ userId: string }[]>`
      UPDATE "PasswordToken" SET "usedAt" = now()
      WHERE "tokenHash" = ${hashToken(input.token)} AND purpose = 'CONFIRM_EMAIL' AND "usedAt" IS NULL AND "expiresAt" > now()
      RETURNING "userId"`;
    if (spent.length === 0) throw invalid();
    const { userId } = spent[0];
    // Issue 17 will move a matching account on to its "pending link" step here instead of none.
    const user = await tx.user.findFirst({ where: { id: userId, active: true }, select: { role: true } });
    // A deactivated account's links die with it; throwing rolls the spending back too.
    if (!user) throw invalid();
    await tx.user.updateMany({ where: { id: userId, requiredAction: "VERIFY_EMAIL" }, data: { requiredAction: null } });
    await tx.passwordToken.updateMany({
      where: { userId, purpose: "CONFIRM_EMAIL", usedAt: null },
      data: { usedAt: clock.now() },
    });
    await audit(
      tx,
      { actor: { id: userId, role: user.role }, ip },
      { action: "UPDATE", entity: "User", entityId: userId, details: { emailConfirmed: true } },
    );
  });
}

/** Sends a new confirmation link to the signed-in, unconfirmed account (at most 3 an hour). */
export async function resendConfirmation(prisma: Db, ctx: Ctx, mail: MailConfig = mailConfig()): Promise<void> {
  const user = await prisma.user.findUnique({
    where: { id: ctx.actor.id },
    select: { id: true, name: true, email: true, language: true, requiredAction: true },
  });
  if (user?.requiredAction !== "VERIFY_EMAIL") return; // Already confirmed: nothing to send.
  await takeRate(prisma, "confirmationResend", `account:${user.id}`);
  const emailId = await prisma.$transaction(async (tx) => {
    const link = await issueLink(tx, user.id, "CONFIRM_EMAIL");
    return queueEmail(tx, {
      to: user.email,
      locale: localeOf(user.language),
      template: "confirmEmail",
      data: { name: user.name, url: link.url, expiresInHours: TOKEN_TTL_MINUTES.CONFIRM_EMAIL / 60 },
      linkTokenId: link.tokenId,
    });
  });
  await deliverEmail(prisma, emailId, mail);
}
