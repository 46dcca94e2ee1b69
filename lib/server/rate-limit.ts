import { clock } from "./clock";
import type { Db } from "./db";
import { env } from "./env";
import { AppError } from "./errors";
import { E } from "@/lib/i18n/error-keys";

// Per-address (and per-account) limits on what anonymous visitors can make the app do for free:
// self-registration, password-reset emails, confirmation emails. Kept in PostgreSQL (RateCounter)
// so every instance shares the counts. Separate from the sign-in throttle (throttle.ts), which
// judges failed passwords; this counts requests, failed or not.
//
// One counter per bucket and fixed window, bumped by a single INSERT … ON CONFLICT DO UPDATE: the
// database serialises concurrent requests on the row, so the limit holds across instances with no
// check-then-insert race. (A fixed window lets a burst of 2 × limit straddle a boundary: fine for
// limits that only stop floods.)

export type Limit = { limit: number; windowSeconds: number };

/** The limits, per bucket kind. */
export const LIMITS = {
  register: (): Limit => ({ limit: env().REGISTRATIONS_PER_ADDRESS_PER_HOUR, windowSeconds: 3600 }),
  passwordReset: (): Limit => ({ limit: env().PASSWORD_RESETS_PER_ADDRESS_PER_HOUR, windowSeconds: 3600 }),
  // A signed-in, unconfirmed patient asking for the confirmation email again.
  confirmationResend: (): Limit => ({ limit: 3, windowSeconds: 3600 }),
} as const;
export type LimitKind = keyof typeof LIMITS;

/**
 * Counts one request of `kind` from `who` (an address, or "account:<id>"); over the limit it throws
 * RATE_LIMITED with the seconds until the window ends. A request without a known address counts
 * under "unknown", so that a missing address is not a way around the limit.
 */
export async function takeRate(prisma: Db, kind: LimitKind, who: string | null, now = clock.now()): Promise<void> {
  const { limit, windowSeconds } = LIMITS[kind]();
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const bucket = `${kind}:${who ?? "unknown"}`;
  const [row] = await prisma.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateCounter" (bucket, "windowStart", count) VALUES (${bucket}, ${windowStart}, 1)
    ON CONFLICT (bucket, "windowStart") DO UPDATE SET count = "RateCounter".count + 1
    RETURNING count`;
  // Now and then, forget windows that ended long ago (any instance may do it; it is idempotent).
  if (Math.random() < 0.01)
    await prisma.$executeRaw`DELETE FROM "RateCounter" WHERE "windowStart" < ${new Date(now.getTime() - 86_400_000)}`;
  if (row.count > limit) {
    const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
    throw new AppError("RATE_LIMITED", E.accounts.phrases.tryAgainIn(Math.ceil(retryAfter / 60)), { retryAfter });
  }
}
