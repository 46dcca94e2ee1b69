import { assertAcceptablePassword } from "@/lib/accounts/password-policy";
import { issueLink, TOKEN_TTL_MINUTES } from "@/lib/accounts/password-tokens";
import { localeOf } from "@/lib/i18n";
import { deliverEmail, queueEmail } from "@/lib/notifications/mail";
import { audit } from "@/lib/server/audit";
import { changedFields } from "@/lib/server/changes";
import type { Db } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";
import { isUniqueViolation } from "@/lib/server/errors-map";
import { hashPassword } from "@/lib/server/password";
import type { Ctx } from "@/lib/server/session";
import { getStaff, type StaffDetail } from "./queries";
import type { StaffCreateInput, StaffUpdateInput } from "./schemas";
import { E } from "@/lib/i18n/error-keys";

const m = E.staff.staff;

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Doctor-only fields are cleared for every other role, so a former doctor is not found as one. */
function profileFields(
  input: Pick<
    StaffCreateInput,
    | "role"
    | "departmentId"
    | "specialty"
    | "qualification"
    | "registrationNumber"
    | "yearsOfExperience"
    | "consultationFee"
  >,
) {
  const doctor = input.role === "DOCTOR";
  return {
    departmentId: input.departmentId ?? null,
    specialty: doctor ? (input.specialty ?? null) : null,
    qualification: doctor ? (input.qualification ?? null) : null,
    registrationNumber: doctor ? (input.registrationNumber ?? null) : null,
    yearsOfExperience: doctor ? (input.yearsOfExperience ?? null) : null,
    consultationFee: doctor ? (input.consultationFee ?? null) : null,
  };
}

// Checked inside the transaction that writes the link: a department deactivated meanwhile cannot be picked.
async function assertActiveDepartment(tx: Tx, departmentId: string | null | undefined) {
  if (!departmentId) return;
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "Department" WHERE id = ${departmentId} AND active FOR SHARE`;
  if (rows.length === 0)
    throw new AppError("VALIDATION_FAILED", m.inactiveDepartment, { fields: { departmentId: m.inactiveDepartment } });
}

function duplicateEmail(err: unknown): never {
  if (isUniqueViolation(err))
    throw new AppError("DUPLICATE", m.duplicateEmail, { fields: { email: m.duplicateEmail } });
  throw err;
}

/**
 * Creates a staff account. With a password the person can sign in at once but must first replace
 * it with one only they know (the admin knows this one); without one, an invitation email carries a
 * one-time link to choose it. The unique email index decides duplicates.
 */
export async function createStaff(prisma: Db, ctx: Ctx, input: StaffCreateInput): Promise<StaffDetail> {
  if (input.password) assertAcceptablePassword(input.password, "password", [input.email, input.name]);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const profile = profileFields(input);
  const { userId, emailId } = await prisma
    .$transaction(async (tx) => {
      await assertActiveDepartment(tx, profile.departmentId);
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          role: input.role,
          passwordHash,
          requiredAction: passwordHash ? "UPDATE_PASSWORD" : null,
          staffProfile: { create: profile },
        },
        select: { id: true, language: true },
      });
      const fields = Object.entries({ name: input.name, email: input.email, role: input.role, ...profile })
        .filter(([, v]) => v !== null)
        .map(([k]) => k);
      await audit(tx, ctx, {
        action: "CREATE",
        entity: "User",
        entityId: user.id,
        details: { fields, invited: !passwordHash },
      });
      if (passwordHash) return { userId: user.id, emailId: null };
      const link = await issueLink(tx, user.id, "INVITE");
      const emailId = await queueEmail(tx, {
        to: input.email,
        locale: localeOf(user.language),
        template: "invitation",
        data: { name: input.name, role: input.role, url: link.url, expiresInHours: TOKEN_TTL_MINUTES.INVITE / 60 },
        linkTokenId: link.tokenId,
      });
      return { userId: user.id, emailId };
    })
    .catch(duplicateEmail);
  if (emailId) await deliverEmail(prisma, emailId);
  return (await getStaff(prisma, userId))!;
}

/** Edits a staff account (PATCH semantics) and records which fields changed, from what to what. */
export async function updateStaff(prisma: Db, ctx: Ctx, userId: string, input: StaffUpdateInput): Promise<StaffDetail> {
  if (userId === ctx.actor.id && input.role !== undefined && input.role !== ctx.actor.role) {
    // An admin demoting themselves could leave the hospital without one.
    throw new AppError("VALIDATION_FAILED", m.ownRole, { fields: { role: m.ownRole } });
  }
  await prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM "User" WHERE id = ${userId} AND role <> 'PATIENT' FOR UPDATE`;
    if (rows.length === 0) throw notFound("staff member");
    const current = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: {
        name: true,
        role: true,
        staffProfile: {
          select: {
            departmentId: true,
            specialty: true,
            qualification: true,
            registrationNumber: true,
            yearsOfExperience: true,
            consultationFee: true,
          },
        },
      },
    });
    const before = {
      name: current.name,
      role: current.role,
      departmentId: null,
      specialty: null,
      qualification: null,
      registrationNumber: null,
      yearsOfExperience: null,
      consultationFee: null,
      ...current.staffProfile,
    };
    const role = input.role ?? current.role;
    if (role === "DOCTOR" && !(input.specialty === undefined ? before.specialty : input.specialty)) {
      throw new AppError("VALIDATION_FAILED", m.enterSpecialty, { fields: { specialty: m.enterSpecialty } });
    }
    const merged = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)), role };
    const profile = profileFields(merged as StaffCreateInput);
    if (input.departmentId !== undefined && input.departmentId !== before.departmentId)
      await assertActiveDepartment(tx, profile.departmentId);
    const changes = changedFields(before, { name: merged.name, role, ...profile });
    if (Object.keys(changes).length === 0) return;
    await tx.user.update({
      where: { id: userId },
      data: { name: merged.name, role, staffProfile: { upsert: { create: profile, update: profile } } },
    });
    await audit(tx, ctx, { action: "UPDATE", entity: "User", entityId: userId, details: { changes } });
  });
  return (await getStaff(prisma, userId))!;
}
