import { createHash, createSecretKey, type KeyObject } from "node:crypto";
import { SignJWT, jwtVerify } from "jose";
import type { Role } from "@/lib/generated/prisma/enums";
import { authSecret, env } from "./env";
import { clock } from "./clock";

// API bearer tokens: HS256 JWTs carrying the user's session version, so that deactivation or a
// password change (which bump the version) refuses every token issued before.

const ISSUER = "hospital";
const AUDIENCE = "hospital-api";

let cached: { secret: string; key: KeyObject } | undefined;

/**
 * Derived from, not equal to, the session secret: a token is never a valid session cookie. A
 * KeyObject made once per secret, so verifying a token does not import the key every time.
 */
function key(): KeyObject {
  const secret = authSecret();
  if (cached?.secret !== secret)
    cached = { secret, key: createSecretKey(createHash("sha256").update(`api-token:${secret}`).digest()) };
  return cached.key;
}

export type TokenClaims = { userId: string; role: Role; sessionVersion: number };

export async function issueApiToken(
  claims: TokenClaims,
  now = clock.now(),
): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(now.getTime() + env().API_TOKEN_TTL_MINUTES * 60_000);
  const token = await new SignJWT({ role: claims.role, sv: claims.sessionVersion })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key());
  return { token, expiresAt };
}

/** The claims of a valid, unexpired token, or null. The caller still checks the user is live. */
export async function verifyApiToken(token: string): Promise<TokenClaims | null> {
  try {
    const { payload } = await jwtVerify(token, key(), { issuer: ISSUER, audience: AUDIENCE, algorithms: ["HS256"] });
    if (typeof payload.sub !== "string" || typeof payload.sv !== "number" || typeof payload.role !== "string")
      return null;
    return { userId: payload.sub, role: payload.role as Role, sessionVersion: payload.sv };
  } catch {
    return null;
  }
}
