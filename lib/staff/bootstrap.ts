import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/server/db";
import { hashPassword } from "@/lib/server/password";

/**
 * Creates the first admin on an empty user table. Returns the generated password when one had to be
 * made up (the caller prints it once), or null when an admin was created from the given password or
 * users already exist.
 */
export async function ensureFirstAdmin(
  prisma: Db,
  opts: { email?: string; password?: string; name?: string },
): Promise<{ created: boolean; email: string; generatedPassword: string | null }> {
  const email = (opts.email ?? "admin@hospital.local").trim().toLowerCase();
  const generatedPassword = opts.password ? null : randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(opts.password ?? generatedPassword!);
  // Two instances starting at once on an empty database: the lock lets only one create the admin.
  const created = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('hospital.first-admin'))`;
    if ((await tx.user.count()) > 0) return false;
    await tx.user.create({
      data: { email, name: opts.name ?? "Administrator", role: "ADMIN", passwordHash, staffProfile: { create: {} } },
    });
    return true;
  });
  return created ? { created, email, generatedPassword } : { created, email, generatedPassword: null };
}
