import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import type { Role } from "@/lib/generated/prisma/enums";
import { authOptions } from "./auth";
import { db } from "./db";
import { clientIp } from "./request";
import { verifyApiToken } from "./tokens";

export type Actor = { id: string; role: Role; name: string; email: string };

/** The request's actor and address: what services need to scope and audit. */
export type Ctx = { actor: Actor; ip: string | null };

/**
 * The user behind a session or token, if that user is still active and the credential carries the
 * current session version (deactivation and password changes bump it). One primary-key read.
 */
async function liveActor(userId: string, sessionVersion: number): Promise<Actor | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, name: true, email: true, active: true, sessionVersion: true },
  });
  if (!user || !user.active || user.sessionVersion !== sessionVersion) return null;
  return { id: user.id, role: user.role, name: user.name, email: user.email };
}

/** The signed-in actor from the bearer token if one is sent, else from the session cookie. */
export async function currentCtx(): Promise<{ actor: Actor | null; ip: string | null }> {
  const h = await headers();
  const ip = clientIp(h);
  const authz = h.get("authorization");
  if (authz?.toLowerCase().startsWith("bearer ")) {
    const claims = await verifyApiToken(authz.slice(7).trim());
    return { actor: claims ? await liveActor(claims.userId, claims.sessionVersion) : null, ip };
  }
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return { actor: null, ip };
  return { actor: await liveActor(session.user.id, session.user.sv), ip };
}
