import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { cache } from "react";
import type { RequiredAction, Role } from "@/lib/generated/prisma/enums";
import { isLocale, type Locale } from "@/lib/i18n";
import { authOptions } from "./auth";
import { db } from "./db";
import { clientIp } from "./request";
import { isIntegrationToken, resolveToken } from "@/lib/tokens/service";
import { verifyApiToken } from "./tokens";

/** `scopes` is set only for an integration token: "full" acts as the owner, others narrow it. */
export type Actor = { id: string; role: Role; name: string; email: string; scopes?: string[]; language?: Locale; requiredAction?: RequiredAction | null };

/** The request's actor and address: what services need to scope and audit. */
export type Ctx = { actor: Actor; ip: string | null };

/**
 * The user behind a session or token, if that user is still active and the credential carries the
 * current session version (deactivation and password changes bump it). Runs on every request: one
 * primary-key read of the shown columns, as plain SQL (no query planning in the ORM per request).
 */
async function liveActor(userId: string, sessionVersion: number): Promise<Actor | null> {
  const [user] = await db().$queryRaw<{ id: string; role: Role; name: string; email: string; language: string; requiredAction: RequiredAction | null }[]>`
    SELECT id, role::text AS role, name, email, language, "requiredAction"::text AS "requiredAction" FROM "User"
    WHERE id = ${userId} AND active AND "sessionVersion" = ${sessionVersion}`;
  if (!user) return null;
  return { id: user.id, role: user.role, name: user.name, email: user.email, language: isLocale(user.language) ? user.language : undefined, requiredAction: user.requiredAction };
}

/** The signed-in actor from the bearer token if one is sent, else from the session cookie. */
export const currentCtx = cache(async (): Promise<{ actor: Actor | null; ip: string | null }> => {
  const h = await headers();
  const ip = clientIp(h);
  const authz = h.get("authorization");
  if (authz?.toLowerCase().startsWith("bearer ")) {
    const bearer = authz.slice(7).trim();
    if (isIntegrationToken(bearer)) {
      const found = await resolveToken(db(), bearer);
      return { actor: found ? { ...found.actor, scopes: found.scopes } : null, ip };
    }
    const claims = await verifyApiToken(bearer);
    return { actor: claims ? await liveActor(claims.userId, claims.sessionVersion) : null, ip };
  }
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return { actor: null, ip };
  return { actor: await liveActor(session.user.id, session.user.sv), ip };
});
