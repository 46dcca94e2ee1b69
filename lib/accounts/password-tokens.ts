import { randomUUID } from "node:crypto";
import type { TokenPurpose } from "@/lib/generated/prisma/enums";
import { localeOf } from "@/lib/i18n";
import { hashLinkToken, linkToken, maskedLink } from "@/lib/notifications/links";
import { queueEmail } from "@/lib/notifications/mail";
import { audit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { hashPassword } from "@/lib/server/password";
import { assertAcceptablePassword } from "./password-policy";
import { clock } from "@/lib/server/clock";
import { E } from "@/lib/i18n/error-keys";

export const TOKEN_TTL_MINUTES: Record<TokenPurpose, number> = { INVITE: 72 * 60, RESET: 60, CONFIRM_EMAIL: 24 * 60 };
/** Where each kind of link leads; the token follows as the last path segment. */
export const LINK_PATH: Record<TokenPurpose, string> = {
  INVITE: "/set-password",
  RESET: "/set-password",
  CONFIRM_EMAIL: "/register/confirm",
};
/** The links that set a password (an email confirmation never does). */
const PASSWORD_PURPOSES: TokenPurpose[] = ["INVITE", "RESET"];

// A soft cap on reset emails per account, so the form cannot be used to flood someone's inbox.
const MAX_RESETS_PER_HOUR = 3;

/** Only the hash is stored: a database leak does not hand out working links. */
export const hashToken = hashLinkToken;

/**
 * Creates a one-time link for an email. Returns its row id (the email's `linkTokenId`) and the link
 * with its token masked, for the email's body: the working token is rebuilt from the id only when
 * the email is handed to SMTP (lib/notifications/links.ts), and the database keeps its hash.
 */
export async function issueLink(
  tx: Pick<Db, "passwordToken">,
  userId: string,
  purpose: TokenPurpose,
): Promise<{ tokenId: string; url: string }> {
  const id = randomUUID();
  const expiresAt = new Date(clock.now().getTime() + TOKEN_TTL_MINUTES[purpose] * 60_000);
  await tx.passwordToken.create({ data: { id, userId, tokenHash: hashLinkToken(linkToken(id)), purpose, expiresAt } });
  return { tokenId: id, url: maskedLink(LINK_PATH[purpose]) };
}

/** Whose password link this is, for the set-password page; null when it is unknown, used, expired or the account is off. */
export async function describePasswordToken(
  prisma: Db,
  token: string,
): Promise<{ name: string; purpose: TokenPurpose } | null> {
  const row = await prisma.passwordToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { purpose: true, usedAt: true, expiresAt: true, user: { select: { name: true, active: true } } },
  });
  if (
    !row ||
    !PASSWORD_PURPOSES.includes(row.purpose) ||
    row.usedAt ||
    row.expiresAt <= clock.now() ||
    !row.user.active
  )
    return null;
  return { name: row.user.name, purpose: row.purpose };
}

export const invalidLink = () => new AppError("NOT_FOUND", E.staff.setPassword.invalid);

/**
 * Sets a password through a one-time link. The token is consumed by one conditional UPDATE, so of
 * two concurrent uses exactly one wins; the password change ends every older session and token.
 * The person chose this password themselves and the link proved they read the address's mail, so
 * no forced change or email confirmation is left to do.
 */
export async function setPasswordWithToken(
  prisma: Db,
  input: { token: string; password: string },
  ip: string | null,
): Promise<void> {
  const owner = await prisma.passwordToken.findUnique({
    where: { tokenHash: hashToken(input.token) },
    select: { purpose: true, user: { select: { name: true, email: true } } },
  });
  if (!owner || !PASSWORD_PURPOSES.includes(owner.purpose)) throw invalidLink();
  assertAcceptablePassword(input.password, "password", [owner.user.email, owner.user.name]);
  const passwordHash = await hashPassword(input.password);
  await prisma.$transaction(async (tx) => {
    const consumed = await tx.$queryRaw<{ userId: string; purpose: TokenPurpose }[]>`
      UPDATE "PasswordToken" SET "usedAt" = now()
      WHERE "tokenHash" = ${hashToken(input.token)} AND purpose IN ('INVITE', 'RESET') AND "usedAt" IS NULL AND "expiresAt" > now()
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
    await tx.user.updateMany({
      where: { id: userId, requiredAction: { in: ["UPDATE_PASSWORD", "VERIFY_EMAIL"] } },
      data: { requiredAction: null },
    });
    // Any other outstanding link of this account is now pointless and would be a way back in.
    await tx.passwordToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: clock.now() } });
    await audit(
      tx,
      { actor: { id: userId, role: user[0].role }, ip },
      { action: "UPDATE", entity: "User", entityId: userId, details: { field: "password", via: purpose } },
    );
  });
}

/**
 * Queues a reset link for an active account with this email. Returns the email's outbox id, or null
 * when nothing was sent. Runs in the worker (job `account.passwordReset`), never while a visitor
 * waits: the request only queues the job, the same for every address, so neither the answer nor
 * its timing tells whether the account exists.
 */
export async function requestPasswordReset(
  prisma: Db,
  input: { email: string },
  ip: string | null,
): Promise<string | null> {
  const user = await prisma.user.findUnique({
    where: { email: input.email.trim().toLowerCase() },
    select: { id: true, name: true, email: true, role: true, active: true, language: true },
  });
  if (!user?.active) return null;
  const since = new Date(clock.now().getTime() - 60 * 60_000);
  if (
    (await prisma.passwordToken.count({ where: { userId: user.id, purpose: "RESET", createdAt: { gt: since } } })) >=
    MAX_RESETS_PER_HOUR
  )
    return null;
  return prisma.$transaction(async (tx) => {
    const link = await issueLink(tx, user.id, "RESET");
    await audit(
      tx,
      { actor: null, ip },
      { action: "UPDATE", entity: "User", entityId: user.id, details: { passwordLink: "RESET" } },
    );
    return queueEmail(tx, {
      to: user.email,
      locale: localeOf(user.language),
      template: "passwordReset",
      data: { name: user.name, url: link.url, expiresInMinutes: TOKEN_TTL_MINUTES.RESET },
      linkTokenId: link.tokenId,
    });
  });
}
