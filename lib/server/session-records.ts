import { Prisma } from "@/lib/generated/prisma/client";
import type { RequiredAction, Role } from "@/lib/generated/prisma/enums";
import { isLocale } from "@/lib/i18n";
import { clock } from "./clock";
import type { Db } from "./db";
import { env } from "./env";
import type { Actor } from "./ctx";

// Server-side session records. next-auth's JWT cookie alone cannot be taken back: signing out only
// deleted the cookie, a copy kept working, and every read of /api/auth/session renewed it. Now the
// cookie carries a session id, and every request checks that session's row (OWASP ASVS 3.3: sign-out
// invalidates the session server-side; absolute and idle timeouts enforced by the server).

/** Why a session cookie no longer signs anyone in. "revoked": signed out, or the user deactivated or their password changed. */
export type SessionEnd = "idle" | "expired" | "revoked";

export type SessionCheck = { actor: Actor; ended?: undefined } | { actor: null; ended?: SessionEnd };

/** lastSeenAt is written at most this often: a request within a minute of the last one writes nothing. */
export const TOUCH_EVERY_MS = 60_000;

// The user's columns every request reads (of "User" u, in both statements below), their row, and the
// actor they make: a column the request needs (say, a forced password change) is added here, once.
const ACTOR_COLUMNS = Prisma.sql`u.id, u.role::text AS role, u.name, u.email, u.language, u."requiredAction"::text AS "requiredAction"`;
type ActorRow = {
  id: string;
  role: Role;
  name: string;
  email: string;
  language: string;
  requiredAction: RequiredAction | null;
};
const toActor = (u: ActorRow): Actor => ({
  id: u.id,
  role: u.role,
  name: u.name,
  email: u.email,
  language: isLocale(u.language) ? u.language : undefined,
  requiredAction: u.requiredAction,
});

/**
 * The user behind an API bearer token, if still active with the token's session version
 * (deactivation and password changes bump it). One primary-key read, as plain SQL.
 */
export async function liveActor(prisma: Db, userId: string, sessionVersion: number): Promise<Actor | null> {
  const [user] = await prisma.$queryRaw<ActorRow[]>`
    SELECT ${ACTOR_COLUMNS} FROM "User" u
    WHERE u.id = ${userId} AND u.active AND u."sessionVersion" = ${sessionVersion}`;
  return user ? toActor(user) : null;
}

/** A user agent as stored: printable, at most 300 characters (it is the client's to choose). */
const cleanUserAgent = (ua: string | null | undefined) => ua?.replace(/[\p{Cc}\p{Cs}]/gu, "").slice(0, 300) || null;

/**
 * Opens a session at sign-in and returns its id, which the session cookie carries. The user's
 * sessions that ended more than a day ago are removed at the same time, so rows do not pile up.
 */
export async function startSession(
  prisma: Db,
  input: { userId: string; ip: string | null; userAgent?: string | null },
  now = clock.now(),
): Promise<string> {
  const expiresAt = new Date(now.getTime() + env().SESSION_MAX_HOURS * 3_600_000);
  const [, session] = await prisma.$transaction([
    prisma.session.deleteMany({
      where: { userId: input.userId, expiresAt: { lt: new Date(now.getTime() - 86_400_000) } },
    }),
    prisma.session.create({
      data: {
        userId: input.userId,
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
        ip: input.ip,
        userAgent: cleanUserAgent(input.userAgent),
      },
      select: { id: true },
    }),
  ]);
  return session.id;
}

/**
 * The user behind a session cookie, in one statement: the session must be open (not revoked), within
 * its absolute lifetime and its idle timeout, and its user active with the cookie's session version.
 * With `touch`, a live session's lastSeenAt moves to now when it is older than TOUCH_EVERY_MS (in the
 * same statement; most requests write nothing). Without it (next-auth's /api/auth/session, which
 * the browser may poll) the session is checked but not kept alive.
 */
export async function liveSession(
  prisma: Db,
  credential: { sessionId: string; userId: string; sessionVersion: number },
  options: { touch: boolean },
  now = clock.now(),
): Promise<SessionCheck> {
  const idleSince = new Date(now.getTime() - env().SESSION_IDLE_MINUTES * 60_000);
  const touchBefore = new Date(now.getTime() - TOUCH_EVERY_MS);
  const [row] = await prisma.$queryRaw<
    (Partial<ActorRow> & { sid: string; revoked: boolean; expired: boolean; idle: boolean; stale: boolean })[]
  >`
    WITH s AS (
      SELECT s.id AS sid, s."revokedAt" IS NOT NULL AS revoked, s."expiresAt" <= ${now}::timestamp AS expired,
             s."lastSeenAt" <= ${idleSince}::timestamp AS idle, s."lastSeenAt" < ${touchBefore}::timestamp AS stale,
             ${ACTOR_COLUMNS}
      FROM "Session" s
      LEFT JOIN "User" u ON u.id = s."userId" AND u.active AND u."sessionVersion" = ${credential.sessionVersion}
      WHERE s.id = ${credential.sessionId} AND s."userId" = ${credential.userId}
    ), touched AS (
      UPDATE "Session" t SET "lastSeenAt" = ${now}::timestamp FROM s
      WHERE t.id = s.sid AND ${options.touch}::boolean AND s.stale AND s.id IS NOT NULL AND NOT (s.revoked OR s.expired OR s.idle)
    )
    SELECT * FROM s`;
  if (!row) return { actor: null };
  if (row.revoked || !row.id) return { actor: null, ended: "revoked" };
  if (row.expired) return { actor: null, ended: "expired" };
  if (row.idle) return { actor: null, ended: "idle" };
  return { actor: toActor(row as ActorRow) };
}

/** Sign-out: the session is over for every copy of its cookie. */
export async function revokeSession(prisma: Db, sessionId: string, now = clock.now()): Promise<void> {
  await prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}
