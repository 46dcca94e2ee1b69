import type { Db } from "./db";
import { env } from "./env";

// Sign-in throttling kept in PostgreSQL so every app instance sees the same counts.
// A key is "account:<email>" or "ip:<address>"; a window slides over the last N minutes.

export type ThrottleKeys = { account: string; ip: string | null };

function keys(k: ThrottleKeys): { key: string; limit: number }[] {
  const e = env();
  const list = [{ key: `account:${k.account}`, limit: e.LOGIN_MAX_FAILURES_PER_ACCOUNT }];
  if (k.ip) list.push({ key: `ip:${k.ip}`, limit: e.LOGIN_MAX_FAILURES_PER_IP });
  return list;
}

/** Seconds until the caller may try again, or 0 when not throttled. */
export async function retryAfterSeconds(prisma: Db, k: ThrottleKeys, now = new Date()): Promise<number> {
  const windowMs = env().LOGIN_FAILURE_WINDOW_MINUTES * 60_000;
  const since = new Date(now.getTime() - windowMs);
  let wait = 0;
  for (const { key, limit } of keys(k)) {
    const recent = await prisma.loginFailure.findMany({
      where: { key, at: { gt: since } },
      orderBy: { at: "desc" },
      take: limit,
      select: { at: true },
    });
    if (recent.length >= limit) {
      // Blocked until the oldest of the last `limit` failures leaves the window.
      const until = recent[limit - 1].at.getTime() + windowMs;
      wait = Math.max(wait, Math.ceil((until - now.getTime()) / 1000));
    }
  }
  return wait;
}

export async function recordFailure(prisma: Db, k: ThrottleKeys): Promise<void> {
  await prisma.loginFailure.createMany({ data: keys(k).map(({ key }) => ({ key })) });
}

/** A successful sign-in clears the account's failures (not the address's). */
export async function clearAccountFailures(prisma: Db, account: string): Promise<void> {
  await prisma.loginFailure.deleteMany({ where: { key: `account:${account}` } });
}
