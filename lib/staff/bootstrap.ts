import { randomBytes } from "node:crypto";
import { passwordProblem } from "@/lib/accounts/password-policy";
import { renderMessage } from "@/lib/i18n/message";
import { accountsEn } from "@/lib/i18n/accounts.en";
import type { Db } from "@/lib/server/db";
import { hashPassword } from "@/lib/server/password";

/**
 * Creates the first admin on an empty user table. Returns the generated password when one had to be
 * made up (the caller prints it once), or null when an admin was created from the given password or
 * users already exist. Either way the admin must choose their own password at first sign-in: the
 * generated one was printed to a log, and ADMIN_PASSWORD stays readable in the deployment's
 * configuration. A given ADMIN_PASSWORD must pass the password policy (start refuses otherwise).
 */
export async function ensureFirstAdmin(
  prisma: Db,
  opts: { email?: string; password?: string; name?: string },
): Promise<{ created: boolean; email: string; generatedPassword: string | null }> {
  const email = (opts.email ?? "admin@hospital.local").trim().toLowerCase();
  if (opts.password && (await prisma.user.count()) === 0) {
    const refused = passwordProblem(opts.password, [email]);
    const problem = refused
      ? renderMessage(refused, "en")
      : opts.password.length < 10
        ? "shorter than 10 characters"
        : null;
    if (problem) throw new Error(accountsEn.policy.adminPassword(problem));
  }
  const generatedPassword = opts.password ? null : randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(opts.password ?? generatedPassword!);
  // Two instances starting at once on an empty database: the lock lets only one create the admin.
  const created = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('hospital.first-admin'))`;
    if ((await tx.user.count()) > 0) return false;
    await tx.user.create({
      data: {
        email,
        name: opts.name ?? "Administrator",
        role: "ADMIN",
        passwordHash,
        requiredAction: "UPDATE_PASSWORD",
        staffProfile: { create: {} },
      },
    });
    return true;
  });
  return created ? { created, email, generatedPassword } : { created, email, generatedPassword: null };
}
