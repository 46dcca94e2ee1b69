import { audit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";
import { hashPassword, verifyPassword } from "@/lib/server/password";
import type { Ctx } from "@/lib/server/session";
import { forgetFirstAdminPassword } from "@/lib/staff/first-admin-file";
import { assertAcceptablePassword } from "./password-policy";
import type { ChangePasswordInput } from "./schemas";
import { E } from "@/lib/i18n/error-keys";

/**
 * Changes the actor's own password; every session and token issued before stops working. This is
 * also the step an account whose password an admin set must take first (UPDATE_PASSWORD): done now.
 */
export async function changePassword(prisma: Db, ctx: Ctx, input: ChangePasswordInput): Promise<void> {
  const user = await prisma.user.findUnique({
    where: { id: ctx.actor.id },
    select: { passwordHash: true, email: true, name: true, requiredAction: true },
  });
  if (!user) throw notFound("account");
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("VALIDATION_FAILED", E.password.wrongCurrent, {
      fields: { currentPassword: E.password.wrongCurrent },
    });
  }
  assertAcceptablePassword(input.newPassword, "newPassword", [user.email, user.name]);
  const passwordHash = await hashPassword(input.newPassword);
  const requiredAction = user.requiredAction === "UPDATE_PASSWORD" ? null : user.requiredAction;
  await prisma.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: ctx.actor.id },
      data: { passwordHash, requiredAction, sessionVersion: { increment: 1 } },
    });
    await audit(tx, ctx, { action: "UPDATE", entity: "User", entityId: ctx.actor.id, details: { field: "password" } });
  });
  // The first admin's generated password, kept on disk until now, is no longer of use.
  await forgetFirstAdminPassword(user.email).catch(() => undefined);
}

/** Deactivates an account: the person can no longer sign in and every live session and token dies. */
export async function deactivateUser(prisma: Db, ctx: Ctx, userId: string, reason: string): Promise<void> {
  if (userId === ctx.actor.id) throw new AppError("VALIDATION_FAILED", E.staff.staff.ownDeactivate);
  await prisma.$transaction(async (tx) => {
    const result = await tx.user.updateMany({
      where: { id: userId, active: true },
      data: { active: false, sessionVersion: { increment: 1 } },
    });
    if (result.count === 0 && !(await tx.user.findUnique({ where: { id: userId }, select: { id: true } })))
      throw notFound("account");
    await audit(tx, ctx, { action: "UPDATE", entity: "User", entityId: userId, details: { active: false, reason } });
  });
}

/** Lets a deactivated account sign in again with its password; sessions from before stay dead. */
export async function reactivateUser(prisma: Db, ctx: Ctx, userId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const result = await tx.user.updateMany({ where: { id: userId, active: false }, data: { active: true } });
    if (result.count === 0) {
      if (!(await tx.user.findUnique({ where: { id: userId }, select: { id: true } }))) throw notFound("account");
      return; // Already active: nothing changed, nothing to record.
    }
    await audit(tx, ctx, { action: "UPDATE", entity: "User", entityId: userId, details: { active: true } });
  });
}
