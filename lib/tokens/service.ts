import { randomBytes } from "node:crypto";
import { audit } from "@/lib/server/audit";
import { clock } from "@/lib/server/clock";
import type { Db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { AppError } from "@/lib/server/errors";
import type { Ctx } from "@/lib/server/ctx";
import { hashToken, TOKEN_PREFIX } from "@/lib/server/integration-tokens";
import type { TokenCreate } from "./schemas";
import { E } from "@/lib/i18n/error-keys";

// Integration tokens: "hms_" + 32 random bytes, shown once; only the SHA-256 hash is stored.
// Resolving a presented token to its owner is authentication: lib/server/integration-tokens.ts.

export { hashToken, isIntegrationToken, resolveToken, TOKEN_PREFIX } from "@/lib/server/integration-tokens";

const PUBLIC_FIELDS = {
  id: true,
  name: true,
  scopes: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

/**
 * Every token expires: after `expiresInDays`, else API_TOKEN_DEFAULT_DAYS, and never later than
 * API_TOKEN_MAX_DAYS (OWASP ASVS 3.5: credentials for services have a bounded life). Tokens made
 * before this rule keep working without expiry; the tokens page flags them for replacement.
 */
export async function createToken(prisma: Db, ctx: Ctx, input: TokenCreate) {
  const { API_TOKEN_DEFAULT_DAYS, API_TOKEN_MAX_DAYS } = env();
  const days = input.expiresInDays ?? Math.min(API_TOKEN_DEFAULT_DAYS, API_TOKEN_MAX_DAYS);
  if (days > API_TOKEN_MAX_DAYS) {
    throw new AppError("VALIDATION_FAILED", E.tokens.errors.atMostDays(API_TOKEN_MAX_DAYS), {
      fields: { expiresInDays: E.tokens.errors.atMostDays(API_TOKEN_MAX_DAYS) },
    });
  }
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const expiresAt = new Date(clock.now().getTime() + days * 86_400_000);
  const scopes = [...new Set(input.scopes)];
  const token = await prisma.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { name: input.name, ownerId: ctx.actor.id, tokenHash: hashToken(secret), scopes, expiresAt },
      select: PUBLIC_FIELDS,
    });
    await audit(tx, ctx, {
      action: "CREATE",
      entity: "ApiToken",
      entityId: row.id,
      details: { name: row.name, scopes, expiresAt: expiresAt.toISOString() },
    });
    return row;
  });
  return { token, secret };
}

export async function listTokens(prisma: Db) {
  return prisma.apiToken.findMany({
    select: { ...PUBLIC_FIELDS, owner: { select: { id: true, name: true, email: true } } },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
}

export async function revokeToken(prisma: Db, ctx: Ctx, id: string) {
  return prisma.$transaction(async (tx) => {
    const row = await tx.apiToken.findUnique({ where: { id }, select: { id: true, revokedAt: true } });
    if (!row) throw new AppError("NOT_FOUND", E.tokens.errors.notFound);
    if (row.revokedAt) return tx.apiToken.findUniqueOrThrow({ where: { id }, select: PUBLIC_FIELDS });
    const token = await tx.apiToken.update({ where: { id }, data: { revokedAt: clock.now() }, select: PUBLIC_FIELDS });
    await audit(tx, ctx, { action: "DELETE", entity: "ApiToken", entityId: id, details: { name: token.name } });
    return token;
  });
}
