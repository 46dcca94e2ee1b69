import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { sessionCookieName } from "./auth-cookies";
import { db } from "./db";
import { authSecret } from "./env";
import { clientIp } from "./request";
import { liveActor, liveSession, type SessionEnd } from "./session-records";
import { isIntegrationToken, resolveToken } from "./integration-tokens";
import { verifyApiToken } from "./tokens";

export type { Actor, Ctx } from "./ctx";
import type { Actor } from "./ctx";

/**
 * The signed-in actor from the bearer token if one is sent, else from the session cookie. `ended`
 * says why a session cookie no longer signs anyone in (the sign-in page tells the user).
 * Once per request; the cookie costs one SQL statement (lib/server/session-records.ts liveSession).
 */
export const currentCtx = cache(async (): Promise<{ actor: Actor | null; ip: string | null; ended?: SessionEnd }> => {
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
    return { actor: claims ? await liveActor(db(), claims.userId, claims.sessionVersion) : null, ip };
  }
  // The cookie is decoded here rather than through getServerSession, which would also re-encrypt and
  // try to renew it on every request. No headers are passed: getToken would fall back to a bearer.
  const token = await getToken({
    req: { cookies: await cookies(), headers: {} } as never,
    secret: authSecret(),
    cookieName: sessionCookieName(),
  });
  if (!token?.uid || !token.sid || typeof token.sv !== "number") return { actor: null, ip };
  const check = await liveSession(
    db(),
    { sessionId: token.sid, userId: token.uid, sessionVersion: token.sv },
    { touch: true },
  );
  return { actor: check.actor, ip, ...(check.ended ? { ended: check.ended } : {}) };
});
