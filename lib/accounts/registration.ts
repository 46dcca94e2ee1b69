import type { Locale } from "@/lib/i18n";
import { localeOf } from "@/lib/i18n";
import { deliverEmail, mailConfig, queueEmail, type MailConfig } from "@/lib/notifications/mail";
import { holdForLink } from "@/lib/patients/link-requests";
import { findMatches } from "@/lib/patients/matching";
import type { SelfRegisterInput } from "@/lib/patients/schemas";
import { audit, type AuditCtx } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { appUrl } from "@/lib/server/env";
import { isUniqueViolation } from "@/lib/server/errors-map";
import { hashPassword } from "@/lib/server/password";
import { takeRate } from "@/lib/server/rate-limit";
import { issueLink, requestPasswordReset, TOKEN_TTL_MINUTES } from "./password-tokens";
import { assertAcceptablePassword } from "./password-policy";
import type { PasswordResetJob, RegistrationJob } from "./registration-schemas";

// Self-registration and forgot-password answer the same way in the same time whether or not the
// address has an account (who is a patient here is itself medical information). OWASP's
// authentication and forgot-password cheat sheets: a uniform answer, and uniform timing by doing
// the work asynchronously rather than exiting early on an unknown address. So the request does only
// what is the same for every address — validate, count the client address, check and hash the
// password — and queues a job; the worker decides: a new account with a confirmation link, or an
// email to the address's owner. A fixed delay alone would not hide a slow branch under load.

/** The request half of a self-registration: checks, hashes, and returns the job to queue. */
export async function prepareRegistration(
  prisma: Db,
  input: SelfRegisterInput,
  ip: string | null,
  locale: Locale,
): Promise<RegistrationJob> {
  await takeRate(prisma, "register", ip);
  assertAcceptablePassword(input.password, "password", [input.email, input.firstName, input.lastName]);
  const passwordHash = await hashPassword(input.password);
  const { password: _password, ...rest } = input;
  return { ...rest, passwordHash, locale, ip };
}

/** The request half of forgot-password: counts the client address and returns the job to queue. */
export async function preparePasswordReset(
  prisma: Db,
  input: { email: string },
  ip: string | null,
): Promise<PasswordResetJob> {
  await takeRate(prisma, "passwordReset", ip);
  return { email: input.email.trim().toLowerCase(), ip };
}

const day = (s: string) => new Date(`${s}T00:00:00Z`);

/**
 * The worker half of a self-registration. A new address: a PATIENT account that must confirm its
 * email (User.requiredAction VERIFY_EMAIL) and its own new record, with the confirmation email, in
 * one transaction — unless the matcher finds the person may already have a record (POSSIBLE or
 * CERTAIN): then no record, and a pending link request for a records officer
 * (lib/patients/link-requests.ts). A known address: its owner is told by email, and nothing else changes. Safe to
 * run twice (the queue delivers at least once): the same job finds its own account and stops.
 */
export async function completeRegistration(
  prisma: Db,
  job: RegistrationJob,
  mail: MailConfig = mailConfig(),
): Promise<"created" | "notified" | "done"> {
  const existing = await prisma.user.findUnique({
    where: { email: job.email },
    select: { id: true, name: true, email: true, language: true, passwordHash: true },
  });
  if (existing) {
    // The salted hash is unique to this registration request: finding it means this job already ran.
    if (existing.passwordHash === job.passwordHash) return "done";
    const emailId = await prisma.$transaction(async (tx) => {
      await audit(
        tx,
        { actor: null, ip: job.ip },
        { action: "UPDATE", entity: "User", entityId: existing.id, details: { registrationAttempt: true } },
      );
      return queueEmail(tx, {
        to: existing.email,
        locale: localeOf(existing.language),
        template: "registrationAttempt",
        data: { name: existing.name, signInUrl: `${appUrl()}/login`, resetUrl: `${appUrl()}/forgot-password` },
      });
    });
    await deliverEmail(prisma, emailId, mail);
    return "notified";
  }
  let emailId: string;
  try {
    emailId = await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: job.email,
          name: `${job.firstName} ${job.lastName}`,
          role: "PATIENT",
          passwordHash: job.passwordHash,
          language: job.locale,
          requiredAction: "VERIFY_EMAIL",
        },
        select: { id: true, name: true },
      });
      const ctx: AuditCtx = { actor: { id: user.id, role: "PATIENT" }, ip: job.ip };
      // Maybe already a patient here: no second record; held for a records officer to link.
      const matches = await findMatches(tx as unknown as Db, job, { limit: 5 });
      if (matches.length) {
        await holdForLink(tx as unknown as Db, ctx, user, job, matches);
      } else {
        const patient = await tx.patient.create({
          data: {
            firstName: job.firstName,
            lastName: job.lastName,
            dateOfBirth: day(job.dateOfBirth),
            sex: job.sex,
            phone: job.phone,
            email: job.email,
            userId: user.id,
            createdById: user.id,
          },
          select: { id: true },
        });
        await audit(tx, ctx, {
          action: "CREATE",
          entity: "Patient",
          entityId: patient.id,
          patientId: patient.id,
          details: { selfRegistered: true },
        });
      }
      const link = await issueLink(tx, user.id, "CONFIRM_EMAIL");
      return queueEmail(tx, {
        to: job.email,
        locale: job.locale,
        template: "confirmEmail",
        data: { name: user.name, url: link.url, expiresInHours: TOKEN_TTL_MINUTES.CONFIRM_EMAIL / 60 },
        linkTokenId: link.tokenId,
      });
    });
  } catch (err) {
    // Registered meanwhile by another request: the unique email index decided; tell the owner.
    if (isUniqueViolation(err)) return completeRegistration(prisma, job, mail);
    throw err;
  }
  await deliverEmail(prisma, emailId, mail);
  return "created";
}

/** The worker half of forgot-password: a reset link for an active account, nothing otherwise. */
export async function completePasswordReset(
  prisma: Db,
  job: PasswordResetJob,
  mail: MailConfig = mailConfig(),
): Promise<"sent" | "none"> {
  const emailId = await requestPasswordReset(prisma, { email: job.email }, job.ip);
  if (!emailId) return "none";
  await deliverEmail(prisma, emailId, mail);
  return "sent";
}
