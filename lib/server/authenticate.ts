import type { Role } from "@/lib/generated/prisma/enums";
import { audit } from "./audit";
import type { Db } from "./db";
import { AppError } from "./errors";
import { dummyHash, verifyPassword } from "./password";
import { isUnsafeText } from "./validation";
import { clearPairFailures, recordFailure, retryAfterSeconds } from "./throttle";
import { en } from "@/lib/i18n/en";
import { E } from "@/lib/i18n/error-keys";

export type AuthenticatedUser = { id: string; email: string; name: string; role: Role; sessionVersion: number };

/** The one refusal for an unknown email, a wrong password and a deactivated account (English: en.login.badCredentials). */
export const BAD_CREDENTIALS = en.login.badCredentials;

/**
 * Checks an email and password for both doors (the sign-in page and POST /api/v1/auth/token).
 * Unknown email, wrong password and deactivated account give the same error, in about the same time.
 */
export async function authenticate(
  prisma: Db,
  input: { email: string; password: string; ip: string | null },
): Promise<AuthenticatedUser> {
  // The one input rule (lib/server/validation.ts), here for the sign-in page too, whose credentials
  // next-auth hands over unparsed: NUL or a lone surrogate is nobody's email or password, and must
  // not reach the database (PostgreSQL refuses NUL: a 500, not a refusal).
  if (isUnsafeText(input.email) || isUnsafeText(input.password))
    throw new AppError("UNAUTHENTICATED", E.login.badCredentials);
  const email = input.email.trim().toLowerCase();
  const throttleKeys = { account: email, ip: input.ip };
  const wait = await retryAfterSeconds(prisma, throttleKeys);
  if (wait > 0) {
    throw new AppError("RATE_LIMITED", E.errors.signInThrottled(Math.ceil(wait / 60)), { retryAfter: wait });
  }
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true, sessionVersion: true },
  });
  // Without a password hash, a dummy one is verified all the same, so the answer takes as long.
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyPassword(await dummyHash(), input.password).then(() => false);
  if (!user || !ok || !user.active) {
    await recordFailure(prisma, throttleKeys);
    throw new AppError("UNAUTHENTICATED", E.login.badCredentials);
  }
  await clearPairFailures(prisma, throttleKeys);
  await audit(
    prisma,
    { actor: { id: user.id, role: user.role }, ip: input.ip },
    { action: "LOGIN", entity: "User", entityId: user.id },
  );
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}
