import { beforeEach, describe, expect, it } from "vitest";
import { seedUser } from "@/prisma/builders";
import { authenticate } from "@/lib/server/authenticate";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { resetDatabase } from "@/tests/reset";
import { changePassword, deactivateUser } from "./service";

const PASSWORD = "first-password-123";

describe("accounts", () => {
  let admin: { id: string };
  let nurse: { id: string };
  beforeEach(async () => {
    await resetDatabase();
    admin = await seedUser(db(), { email: "admin@x.org", name: "Admin", role: "ADMIN", password: PASSWORD });
    nurse = await seedUser(db(), { email: "nurse@x.org", name: "Nurse", role: "NURSE", password: PASSWORD });
  });
  const ctxOf = (u: { id: string }, role: "ADMIN" | "NURSE") => ({
    actor: { id: u.id, role, name: "x", email: "x" },
    ip: null,
  });

  it("changes a password, bumps the session version and audits without storing the password", async () => {
    await changePassword(db(), ctxOf(nurse, "NURSE"), {
      currentPassword: PASSWORD,
      newPassword: "second-password-456",
      confirmPassword: "second-password-456",
    });
    const user = await db().user.findUniqueOrThrow({ where: { id: nurse.id } });
    expect(user.sessionVersion).toBe(1);
    await expect(
      authenticate(db(), { email: "nurse@x.org", password: "second-password-456", ip: null }),
    ).resolves.toMatchObject({ sessionVersion: 1 });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "UPDATE", entityId: nurse.id } });
    expect(JSON.stringify(event.details)).not.toContain("second-password");
  });

  it("refuses a wrong current password, field by field, and changes nothing", async () => {
    const err = await changePassword(db(), ctxOf(nurse, "NURSE"), {
      currentPassword: "wrong",
      newPassword: "second-password-456",
      confirmPassword: "second-password-456",
    }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.fields).toEqual({ currentPassword: "The current password is incorrect" });
    expect((await db().user.findUniqueOrThrow({ where: { id: nurse.id } })).sessionVersion).toBe(0);
  });

  it("deactivates an account: sessions die (version bumped) and sign-in is refused", async () => {
    await deactivateUser(db(), ctxOf(admin, "ADMIN"), nurse.id, "Left the hospital");
    const user = await db().user.findUniqueOrThrow({ where: { id: nurse.id } });
    expect(user).toMatchObject({ active: false, sessionVersion: 1 });
    await expect(authenticate(db(), { email: "nurse@x.org", password: PASSWORD, ip: null })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    expect(await db().auditEvent.findFirst({ where: { entityId: nurse.id, action: "UPDATE" } })).toMatchObject({
      actorId: admin.id,
      details: { active: false, reason: "Left the hospital" },
    });
  });

  it("refuses to deactivate oneself or an unknown account", async () => {
    await expect(deactivateUser(db(), ctxOf(admin, "ADMIN"), admin.id, "oops")).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    await expect(deactivateUser(db(), ctxOf(admin, "ADMIN"), "missing", "why")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
