import { beforeEach, describe, expect, it } from "vitest";
import { seedDepartment, seedUser } from "@/prisma/builders";
import { deactivateUser, reactivateUser } from "@/lib/accounts/service";
import { authenticate } from "@/lib/server/authenticate";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/validation";
import { resetDatabase } from "@/tests/reset";
import { ZStaffCreate, ZStaffUpdate } from "./schemas";
import { createStaff, updateStaff } from "./service";
import { hashToken } from "@/lib/accounts/password-tokens";
import { linkToken, MASK } from "@/lib/notifications/links";

const PASSWORD = "initial-password-1";

describe("staff accounts", () => {
  let admin: { id: string };
  let cardiology: { id: string };
  let ctx: { actor: { id: string; role: "ADMIN"; name: string; email: string }; ip: string };
  beforeEach(async () => {
    await resetDatabase();
    admin = await seedUser(db(), { email: "admin@x.org", name: "Admin", role: "ADMIN", password: PASSWORD });
    cardiology = await seedDepartment(db(), "Cardiology");
    ctx = { actor: { id: admin.id, role: "ADMIN", name: "Admin", email: "admin@x.org" }, ip: "10.0.0.1" };
  });
  const doctor = () =>
    parseInput(ZStaffCreate, {
      name: "Dr. Rose Lee",
      email: " Rose@X.org ",
      role: "DOCTOR",
      departmentId: cardiology.id,
      specialty: "Cardiology",
      qualification: "MD",
      yearsOfExperience: 12,
      consultationFee: 5000,
    });

  it("creates a doctor without a password: an invitation with a one-time link waits in the outbox, audited without secrets", async () => {
    const staff = await createStaff(db(), ctx, doctor());
    expect(staff).toMatchObject({
      email: "rose@x.org",
      role: "DOCTOR",
      specialty: "Cardiology",
      yearsOfExperience: 12,
      consultationFee: 5000,
      hasPassword: false,
      department: { name: "Cardiology" },
    });
    expect(staff).not.toHaveProperty("passwordHash");
    const email = await db().outboxEmail.findFirstOrThrow({ where: { to: "rose@x.org" } });
    expect(email.status).toBe("OUTBOX");
    // The outbox (which admins read) holds the link masked; only the sender rebuilds the token.
    expect(email.text).toContain(`/set-password/${MASK}`);
    expect(email.text).not.toMatch(/\/set-password\/[A-Za-z0-9_-]{43}/);
    const token = await db().passwordToken.findFirstOrThrow({ where: { userId: staff.id } });
    expect(token.purpose).toBe("INVITE");
    expect(email.linkTokenId).toBe(token.id);
    // Only the hash is stored, and the link lives 72 hours.
    expect(token.tokenHash).toBe(hashToken(linkToken(token.id)));
    expect(email.text + email.html).not.toContain(linkToken(token.id));
    expect(token.expiresAt.getTime() - token.createdAt.getTime()).toBeCloseTo(72 * 3600_000, -4);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "CREATE", entityId: staff.id } });
    expect(event).toMatchObject({ actorId: admin.id, ip: "10.0.0.1", details: { invited: true } });
    expect((event.details as { fields: string[] }).fields).toEqual(
      expect.arrayContaining(["name", "email", "role", "departmentId", "specialty"]),
    );
    // An invited account cannot sign in before choosing a password.
    await expect(authenticate(db(), { email: "rose@x.org", password: "", ip: null })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });

  it("creates every staff role with an initial password and sends no email", async () => {
    for (const role of ["ADMIN", "NURSE", "PHARMACIST", "RECORDS_OFFICER"] as const) {
      const s = await createStaff(
        db(),
        ctx,
        parseInput(ZStaffCreate, {
          name: `A ${role}`,
          email: `new-${role}@x.org`,
          role,
          password: PASSWORD,
          specialty: "ignored",
        }),
      );
      expect(s).toMatchObject({ role, hasPassword: true, specialty: null });
      await expect(
        authenticate(db(), { email: `new-${role}@x.org`, password: PASSWORD, ip: null }),
      ).resolves.toMatchObject({ role });
    }
    expect(await db().outboxEmail.count()).toBe(0);
    const audited = await db().auditEvent.findMany({ where: { action: "CREATE" }, select: { details: true } });
    expect(JSON.stringify(audited)).not.toContain(PASSWORD);
  });

  it("refuses a duplicate email with 409 DUPLICATE on the email field, and writes nothing", async () => {
    await createStaff(db(), ctx, doctor());
    const before = {
      users: await db().user.count(),
      emails: await db().outboxEmail.count(),
      events: await db().auditEvent.count(),
    };
    const err = await createStaff(db(), ctx, { ...doctor(), email: "rose@x.org" }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({
      code: "DUPLICATE",
      status: 409,
      fields: { email: "An account with this email already exists" },
    });
    expect({
      users: await db().user.count(),
      emails: await db().outboxEmail.count(),
      events: await db().auditEvent.count(),
    }).toEqual(before);
  });

  it("refuses bad input field by field", () => {
    const err = (() => {
      try {
        parseInput(ZStaffCreate, {
          name: "",
          email: "nope",
          role: "PATIENT",
          password: "short",
          yearsOfExperience: -1,
          consultationFee: 12.5,
        });
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(err?.fields).toEqual({
      name: "Enter the full name",
      email: "Enter a valid email address",
      role: "Choose a staff role",
      password: "Use at least 10 characters",
      yearsOfExperience: "Cannot be negative",
      consultationFee: "Use a whole number",
    });
    expect(() => parseInput(ZStaffCreate, { name: "Dr. No", email: "no@x.org", role: "DOCTOR" })).toThrow(
      expect.objectContaining({ fields: { specialty: "Enter the doctor's specialty" } }),
    );
  });

  it("refuses an inactive department", async () => {
    await db().department.update({ where: { id: cardiology.id }, data: { active: false } });
    await expect(createStaff(db(), ctx, doctor())).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { departmentId: "Choose an active department" },
    });
    expect(await db().user.count()).toBe(1);
  });

  it("edits a staff member and records which fields changed, from what to what", async () => {
    const staff = await createStaff(db(), ctx, doctor());
    const updated = await updateStaff(
      db(),
      ctx,
      staff.id,
      parseInput(ZStaffUpdate, { name: "Dr. Rose Lee-Smith", consultationFee: 6000, departmentId: null }),
    );
    expect(updated).toMatchObject({
      name: "Dr. Rose Lee-Smith",
      consultationFee: 6000,
      department: null,
      specialty: "Cardiology",
    });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "UPDATE", entityId: staff.id } });
    expect(event.details).toEqual({
      changes: {
        name: { from: "Dr. Rose Lee", to: "Dr. Rose Lee-Smith" },
        consultationFee: { from: 5000, to: 6000 },
        departmentId: { from: cardiology.id, to: null },
      },
    });
    // Nothing changed: nothing recorded.
    await updateStaff(db(), ctx, staff.id, { name: "Dr. Rose Lee-Smith" });
    expect(await db().auditEvent.count({ where: { action: "UPDATE", entityId: staff.id } })).toBe(1);
  });

  it("clears the doctor fields when a doctor becomes a nurse, and needs a specialty the other way", async () => {
    const staff = await createStaff(db(), ctx, doctor());
    expect(await updateStaff(db(), ctx, staff.id, { role: "NURSE" })).toMatchObject({
      role: "NURSE",
      specialty: null,
      consultationFee: null,
      department: { id: cardiology.id },
    });
    await expect(updateStaff(db(), ctx, staff.id, { role: "DOCTOR" })).rejects.toMatchObject({
      fields: { specialty: "Enter the doctor's specialty" },
    });
  });

  it("refuses to change one's own role, an unknown account or a patient", async () => {
    await expect(updateStaff(db(), ctx, admin.id, { role: "NURSE" })).rejects.toMatchObject({
      fields: { role: "You cannot change your own role" },
    });
    await expect(updateStaff(db(), ctx, "missing", { name: "X" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const patient = await seedUser(db(), { email: "p@x.org", name: "Pat", role: "PATIENT", password: PASSWORD });
    await expect(updateStaff(db(), ctx, patient.id, { name: "X" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("deactivates (sign-in refused) and reactivates (sign-in works again), both audited", async () => {
    const nurse = await createStaff(
      db(),
      ctx,
      parseInput(ZStaffCreate, { name: "Nina", email: "nina@x.org", role: "NURSE", password: PASSWORD }),
    );
    await deactivateUser(db(), ctx, nurse.id, "Left");
    await expect(authenticate(db(), { email: "nina@x.org", password: PASSWORD, ip: null })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await reactivateUser(db(), ctx, nurse.id);
    await expect(authenticate(db(), { email: "nina@x.org", password: PASSWORD, ip: null })).resolves.toMatchObject({
      id: nurse.id,
      sessionVersion: 1,
    });
    const events = await db().auditEvent.findMany({
      where: { entityId: nurse.id, action: "UPDATE" },
      orderBy: { seq: "asc" },
      select: { details: true },
    });
    expect(events.map((e) => e.details)).toEqual([{ active: false, reason: "Left" }, { active: true }]);
    // Reactivating an active account changes and records nothing; an unknown one is not found.
    await reactivateUser(db(), ctx, nurse.id);
    expect(await db().auditEvent.count({ where: { entityId: nurse.id, action: "UPDATE" } })).toBe(2);
    await expect(reactivateUser(db(), ctx, "missing")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
