import { createHash, randomBytes } from "node:crypto";
import type { TokenPurpose } from "@/lib/generated/prisma/enums";
import { localeOf } from "@/lib/i18n";
import { queueEmail } from "@/lib/notifications/mail";
import { audit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { appUrl } from "@/lib/server/env";
import { AppError } from "@/lib/server/errors";
import { hashPassword } from "@/lib/server/password";
import { staffEn } from "@/lib/i18n/staff.en";

export const TOKEN_TTL_MINUTES: Record<TokenPurpose, number> = { INVITE: 72 * 60, RESET: 60 };
// A soft cap on reset emails per account, so the form cannot be used to flood someone's inbox.
const MAX_RESETS_PER_HOUR = 3;

/** Only the hash is stored: a database leak does not hand out working links. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const setPasswordUrl = (token: string) => `${appUrl()}/set-password/${token}`;

/** Creates a one-time token and returns it in clear, for the link; the database keeps its sha256. */
export async function issuePasswordToken(tx: Pick<Db, "passwordToken">, userId: string, purpose: TokenPurpose): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + TOKEN_TTL_MINUTES[purpose] * 60_000);
  await tx.passwordToken.create({ data: { userId, tokenHash: hashToken(token), purpose, expiresAt } });
  return token;
}

/** Whose link this is, for the set-password page; null when it is unknown, used, expired or the account is off. */
export async function describePasswordToken(prisma: Db, token: string): Promise<{ name: string; purpose: TokenPurpose } | null> {
  const row = await prisma.passwordToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { purpose: true, usedAt: true, expiresAt: true, user: { select: { name: true, active: true } } },
  });
  if (!row || row.usedAt || row.expiresAt <= new Date() || !row.user.active) return null;
  return { name: row.user.name, purpose: row.purpose };
}

export const invalidLink = () => new AppError("NOT_FOUND", staffEn.setPassword.invalid);

/**
 * Sets a password through a one-time link. The token is consumed by one conditional UPDATE, so of
 * two concurrent uses exactly one wins; the password change ends every older session and token.
 */
export async function setPasswordWithToken(prisma: Db, input: { token: string; password: string }, ip: string | null): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await prisma.$transaction(async (tx) => {
    const consumed = await tx.$queryRaw<{ userId: string; purpose: TokenPurpose }[]>`
      UPDATE "PasswordToken" SET "usedAt" = now()
      WHERE "tokenHash" = ${hashToken(input.token)} AND "usedAt" IS NULL AND "expiresAt" > now()
      RETURNING "userId", purpose`;
    if (consumed.length === 0) throw invalidLink();
    const { userId, purpose } = consumed[0];
    const user = await tx.user.updateManyAndReturn({
      where: { id: userId, active: true },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { id: true, role: true },
    });
    // A deactivated account's links die with it; throwing rolls the consumption back too.
    if (user.length === 0) throw invalidLink();
    // Any other outstanding link of this account is now pointless and would be a way back in.
    await tx.passwordToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
    await audit(tx, { actor: { id: userId, role: user[0].role }, ip }, { action: "UPDATE", entity: "User", entityId: userId, details: { field: "password", via: purpose } });
  });
}

/**
 * Queues a reset link for an active account with this email. Returns the email's outbox id, or null
 * when nothing was sent; callers must answer the same either way and deliver after responding, so
 * neither the answer nor its timing tells whether the account exists.
 */
export async function requestPasswordReset(prisma: Db, input: { email: string }, ip: string | null): Promise<string | null> {
  const user = await prisma.user.findUnique({ where: { email: input.email.trim().toLowerCase() }, select: { id: true, name: true, email: true, role: true, active: true, language: true } });
  if (!user?.active) return null;
  const since = new Date(Date.now() - 60 * 60_000);
  if ((await prisma.passwordToken.count({ where: { userId: user.id, purpose: "RESET", createdAt: { gt: since } } })) >= MAX_RESETS_PER_HOUR) return null;
  return prisma.$transaction(async (tx) => {
    const token = await issuePasswordToken(tx, user.id, "RESET");
    await audit(tx, { actor: null, ip }, { action: "UPDATE", entity: "User", entityId: user.id, details: { passwordLink: "RESET" } });
    return queueEmail(tx, { to: user.email, locale: localeOf(user.language), template: "passwordReset", data: { name: user.name, url: setPasswordUrl(token), expiresInMinutes: TOKEN_TTL_MINUTES.RESET } });
  });
}
