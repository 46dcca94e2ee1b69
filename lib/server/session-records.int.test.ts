import NextAuth from "next-auth";
import { encode } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { seedUser } from "@/prisma/builders";
import { resetDatabase } from "@/tests/reset";
import { authOptions } from "./auth";
import { sessionCookieName } from "./auth-cookies";
import { clock } from "./clock";
import { db } from "./db";
import { authSecret } from "./env";
import { liveSession, revokeSession, startSession, TOUCH_EVERY_MS } from "./session-records";

// The session lifecycle: sign-out revokes, an idle session ends after SESSION_IDLE_MINUTES (30) and
// any session after SESSION_MAX_HOURS (12), and next-auth's GET /api/auth/session renews only a live
// one. Before server-side sessions, a cookie lived as long as its JWT and every read renewed it.

const T0 = new Date("2027-03-01T08:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

let userId: string;

async function open(at = T0) {
  const sessionId = await startSession(db(), { userId, ip: "10.1.2.3", userAgent: "Firefox\u0000 on a ward PC" }, at);
  return { sessionId, userId, sessionVersion: 0 };
}

/** A request at `at` with the session's cookie: who it signs in, or why not. */
async function request(credential: Awaited<ReturnType<typeof open>>, at: Date) {
  return liveSession(db(), credential, { touch: true }, at);
}

/**
 * GET /api/auth/session through next-auth's own handler (its Node request/response form), with the
 * given cookie: its JSON body, and whether it set a renewed session cookie or cleared it.
 */
async function nextAuthSessionWith(cookie: string) {
  const out: { body?: unknown; cookies: string[] } = { cookies: [] };
  const res = {
    status: () => res,
    getHeader: (k: string) => (k.toLowerCase() === "set-cookie" ? out.cookies : undefined),
    setHeader: (k: string, v: string | string[]) => {
      if (k.toLowerCase() === "set-cookie") out.cookies = ([] as string[]).concat(v);
      return res;
    },
    send: (b: unknown) => void (out.body = b),
    json: (b: unknown) => void (out.body = b),
    end: () => undefined,
  };
  const req = {
    query: { nextauth: ["session"] },
    method: "GET",
    cookies: { [sessionCookieName()]: cookie },
    headers: { host: "localhost:3000" },
  };
  await (NextAuth as unknown as (req: unknown, res: unknown, options: unknown) => Promise<void>)(req, res, authOptions);
  const set = out.cookies.find((c) => c.startsWith(`${sessionCookieName()}=`));
  const value = set?.slice(sessionCookieName().length + 1).split(";")[0] ?? "";
  return {
    body: out.body as Record<string, unknown>,
    renewed: value !== "",
    cleared: set !== undefined && value === "",
  };
}

/** GET /api/auth/session at `at`, with a cookie for the session. */
async function nextAuthSession(credential: Awaited<ReturnType<typeof open>>, at: Date) {
  vi.spyOn(clock, "now").mockReturnValue(at);
  const cookie = await encode({
    token: {
      uid: credential.userId,
      role: "DOCTOR",
      sv: credential.sessionVersion,
      sid: credential.sessionId,
      name: "Doc",
      email: "doc@example.org",
    },
    secret: authSecret(),
  });
  return nextAuthSessionWith(cookie);
}

beforeEach(async () => {
  await resetDatabase();
  userId = (
    await seedUser(db(), { email: "doc@example.org", name: "Doc", role: "DOCTOR", password: "correct-horse-battery" })
  ).id;
});
afterEach(() => vi.restoreAllMocks());

describe("server-side sessions", () => {
  it("records where a sign-in came from, and signs its cookie in", async () => {
    const s = await open();
    expect(await db().session.findUniqueOrThrow({ where: { id: s.sessionId } })).toMatchObject({
      userId,
      ip: "10.1.2.3",
      userAgent: "Firefox on a ward PC",
      createdAt: T0,
      lastSeenAt: T0,
      expiresAt: minutes(12 * 60),
      revokedAt: null,
    });
    expect(await request(s, minutes(1))).toEqual({
      actor: {
        id: userId,
        role: "DOCTOR",
        name: "Doc",
        email: "doc@example.org",
        language: "en",
        requiredAction: null,
      },
    });
  });

  it("ends at sign-out: every copy of the cookie stops working", async () => {
    const s = await open();
    await revokeSession(db(), s.sessionId, minutes(5));
    expect(await request(s, minutes(6))).toEqual({ actor: null, ended: "revoked" });
    // Another session of the same user is not affected.
    const other = await open(minutes(6));
    expect((await request(other, minutes(7))).actor?.id).toBe(userId);
  });

  it("ends after 30 minutes without a request, and each request keeps it alive", async () => {
    const s = await open();
    expect((await request(s, minutes(29))).actor).not.toBeNull();
    expect((await request(s, minutes(58))).actor).not.toBeNull();
    expect(await request(s, minutes(88.5))).toEqual({ actor: null, ended: "idle" });
    // An ended session is not brought back by a later request.
    expect(await request(s, minutes(89)).then((r) => r.ended)).toBe("idle");
  });

  it("writes lastSeenAt at most once a minute", async () => {
    const s = await open();
    const seen = async () => (await db().session.findUniqueOrThrow({ where: { id: s.sessionId } })).lastSeenAt;
    await request(s, new Date(T0.getTime() + TOUCH_EVERY_MS - 1000));
    expect(await seen()).toEqual(T0);
    await request(s, minutes(2));
    expect(await seen()).toEqual(minutes(2));
  });

  it("ends 12 hours after sign-in however active it is", async () => {
    const s = await open();
    for (let m = 20; m < 12 * 60; m += 20) expect((await request(s, minutes(m))).actor, `minute ${m}`).not.toBeNull();
    expect(await request(s, minutes(12 * 60))).toEqual({ actor: null, ended: "expired" });
  });

  it("dies with a deactivation or a password change (the session version)", async () => {
    const s = await open();
    await db().user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    expect(await request(s, minutes(1))).toEqual({ actor: null, ended: "revoked" });
    const t = await open();
    await db().user.update({ where: { id: userId }, data: { active: false } });
    expect(await request({ ...t, sessionVersion: 1 }, minutes(1))).toEqual({ actor: null, ended: "revoked" });
  });

  it("signs nobody in with an unknown session id or another user's session", async () => {
    const s = await open();
    const other = (
      await seedUser(db(), {
        email: "nurse@example.org",
        name: "Nurse",
        role: "NURSE",
        password: "correct-horse-battery",
      })
    ).id;
    expect(await request({ ...s, sessionId: "nope" }, minutes(1))).toEqual({ actor: null });
    expect(await request({ ...s, userId: other }, minutes(1))).toEqual({ actor: null });
  });

  it("removes a user's sessions that ended more than a day ago when they sign in", async () => {
    const old = await open();
    await open(minutes(60 * 12 + 60 * 24 + 1));
    expect(await db().session.findUnique({ where: { id: old.sessionId } })).toBeNull();
  });
});

describe("GET /api/auth/session (next-auth)", () => {
  it("renews a live session's cookie", async () => {
    const s = await open();
    const res = await nextAuthSession(s, minutes(10));
    expect(res.body).toMatchObject({ user: { id: userId, role: "DOCTOR" } });
    expect(res.renewed).toBe(true);
  });

  it("refuses to renew a revoked, idle or expired session, and clears its cookie", async () => {
    const revoked = await open();
    await revokeSession(db(), revoked.sessionId, minutes(1));
    const idle = await open();
    const expired = await open();
    for (const [what, s, at] of [
      ["revoked", revoked, minutes(2)],
      ["idle", idle, minutes(31)],
      ["expired", expired, minutes(12 * 60 + 1)],
    ] as const) {
      const res = await nextAuthSession(s, at);
      expect(res.body, what).toEqual({});
      expect(res.renewed, what).toBe(false);
      expect(res.cleared, what).toBe(true);
    }
  });

  it("does not count as activity: polling it does not keep an idle session alive", async () => {
    const s = await open();
    for (const m of [10, 20, 29]) expect((await nextAuthSession(s, minutes(m))).renewed).toBe(true);
    expect((await request(s, minutes(31))).ended).toBe("idle");
  });

  it("refuses a cookie from before server-side sessions (no session id)", async () => {
    vi.spyOn(clock, "now").mockReturnValue(minutes(1));
    const cookie = await encode({ token: { uid: userId, role: "DOCTOR", sv: 0 }, secret: authSecret() });
    const res = await nextAuthSessionWith(cookie);
    expect(res.body).toEqual({});
    expect(res.renewed).toBe(false);
  });

  it("revokes the session when next-auth signs the user out", async () => {
    const s = await open();
    await authOptions.events!.signOut!({
      token: { uid: userId, role: "DOCTOR", sv: 0, sid: s.sessionId },
      session: undefined as never,
    });
    expect(await request(s, minutes(1))).toEqual({ actor: null, ended: "revoked" });
  });
});
