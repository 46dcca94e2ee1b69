import { clock } from "./clock";
import type { Db } from "./db";
import { metrics } from "./metrics";
import { env } from "./env";

// Sign-in throttling kept in PostgreSQL so that every app instance sees the same counts. Two kinds of
// key, each failure recorded under both:
//  - "pair:<address> <email>": failures on one account from one address. After
//    LOGIN_DELAY_AFTER_FAILURES of them that address waits before its next try on that account, the
//    wait doubling with each further failure (progressive delay, OWASP's advice over a hard lock).
//    Another address is never slowed down by them: whoever types a doctor's email with wrong
//    passwords elsewhere cannot lock the doctor out.
//  - "ip:<address>": failures from one address over every account, a sliding window with a hard
//    limit (one address guessing many accounts, or one account through many emails).
// The address is the one scripts/client-address.mjs established (forwarded headers only from
// TRUSTED_PROXIES), so rotating X-Forwarded-For does not give an attacker fresh keys.

export type ThrottleKeys = { account: string; ip: string | null };

const pairKey = (k: ThrottleKeys) => `pair:${k.ip ?? "unknown"} ${k.account}`;
const ipKey = (k: ThrottleKeys) => (k.ip ? `ip:${k.ip}` : null);

/** Seconds until this address may try this account again, or 0 when not throttled. */
export async function retryAfterSeconds(prisma: Db, k: ThrottleKeys, now = clock.now()): Promise<number> {
  const e = env();
  const windowMs = e.LOGIN_FAILURE_WINDOW_MINUTES * 60_000;
  const since = new Date(now.getTime() - windowMs);
  const pair = pairKey(k);
  const ip = ipKey(k);
  // One statement: the pair's count and latest failure, and the address's N-th latest failure
  // (the address is blocked until that one leaves the window).
  const [row] = await prisma.$queryRaw<{ pairFailures: number; pairLast: Date | null; ipNth: Date | null }[]>`
    SELECT count(*) FILTER (WHERE key = ${pair})::int AS "pairFailures",
           max(at) FILTER (WHERE key = ${pair}) AS "pairLast",
           (array_agg(at ORDER BY at DESC) FILTER (WHERE key = ${ip}))[${e.LOGIN_MAX_FAILURES_PER_IP}::int] AS "ipNth"
    FROM "LoginFailure" WHERE key IN (${pair}, ${ip}) AND at > ${since}::timestamp`;
  let until = 0;
  if (row.pairLast && row.pairFailures >= e.LOGIN_DELAY_AFTER_FAILURES) {
    const delay = Math.min(
      e.LOGIN_FIRST_DELAY_SECONDS * 1000 * 2 ** (row.pairFailures - e.LOGIN_DELAY_AFTER_FAILURES),
      windowMs,
    );
    until = row.pairLast.getTime() + delay;
  }
  if (row.ipNth) until = Math.max(until, row.ipNth.getTime() + windowMs);
  return Math.max(0, Math.ceil((until - now.getTime()) / 1000));
}

/** Counts a failed sign-in for the pair and the address, and drops their failures that left the window. */
export async function recordFailure(prisma: Db, k: ThrottleKeys, now = clock.now()): Promise<void> {
  metrics().signInFailures.inc();
  const keys = [pairKey(k), ipKey(k)].filter((x): x is string => x !== null);
  const since = new Date(now.getTime() - env().LOGIN_FAILURE_WINDOW_MINUTES * 60_000);
  await prisma.loginFailure.createMany({ data: keys.map((key) => ({ key, at: now })) });
  await prisma.loginFailure.deleteMany({ where: { key: { in: keys }, at: { lte: since } } });
}

/** A successful sign-in clears the account's failures from that address (not the address's own count). */
export async function clearPairFailures(prisma: Db, k: ThrottleKeys): Promise<void> {
  await prisma.loginFailure.deleteMany({ where: { key: pairKey(k) } });
}
