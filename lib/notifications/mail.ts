import nodemailer from "nodemailer";
import { appointmentEmail, type AppointmentEmailData } from "@/emails/appointment";
import { doctorReportEmail, type DoctorReportData } from "@/emails/doctor-report";
import { inpatientEmail, type InpatientEmailData } from "@/emails/inpatient";
import { invitationEmail, type InvitationData } from "@/emails/invitation";
import type { EmailContext, RenderedEmail } from "@/emails/layout";
import { confirmEmailEmail, type ConfirmEmailData } from "@/emails/confirm-email";
import { passwordResetEmail, type PasswordResetData } from "@/emails/password-reset";
import { registrationAttemptEmail, type RegistrationAttemptData } from "@/emails/registration-attempt";
import { reminderEmail, type ReminderEmailData } from "@/emails/reminder";
import type { Locale } from "@/lib/i18n";
import type { Db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { log } from "@/lib/server/log";
import { revealLink } from "./links";

const TEMPLATES = {
  invitation: invitationEmail,
  passwordReset: passwordResetEmail,
  confirmEmail: confirmEmailEmail,
  registrationAttempt: registrationAttemptEmail,
  appointment: appointmentEmail,
  reminder: reminderEmail,
  doctorReport: doctorReportEmail,
  inpatient: inpatientEmail,
} satisfies Record<string, (data: never, ctx: EmailContext) => RenderedEmail>;

type TemplateData = {
  invitation: InvitationData;
  passwordReset: PasswordResetData;
  confirmEmail: ConfirmEmailData;
  registrationAttempt: RegistrationAttemptData;
  appointment: AppointmentEmailData;
  reminder: ReminderEmailData;
  doctorReport: DoctorReportData;
  inpatient: InpatientEmailData;
};
export type EmailTemplate = keyof typeof TEMPLATES;
/** One email to one recipient, written in the recipient's language (their User.language; "en" when they have no account). */
export type EmailMessage<T extends EmailTemplate = EmailTemplate> = {
  to: string;
  locale: Locale;
  template: T;
  data: TemplateData[T];
  /** The one-time link's token row, when `data.url` is a masked link (lib/notifications/links.ts). */
  linkTokenId?: string;
};

export type MailConfig = { smtpUrl?: string; from: string; hospitalName: string };

/** The mail settings from the environment; tests pass their own to reach a local SMTP server. */
export function mailConfig(): MailConfig {
  const e = env();
  return { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, hospitalName: e.HOSPITAL_NAME };
}

type Writer = Pick<Db, "outboxEmail">;

export function renderEmail<T extends EmailTemplate>(message: EmailMessage<T>, config: Pick<MailConfig, "hospitalName">): RenderedEmail {
  const render = TEMPLATES[message.template] as (data: TemplateData[T], ctx: EmailContext) => RenderedEmail;
  return render(message.data, { hospitalName: config.hospitalName, locale: message.locale, timeZone: env().HOSPITAL_TIMEZONE });
}

/**
 * Records an email as OUTBOX without sending it. Call it inside the transaction of the change that
 * causes the email, so that an email exists exactly when the change does; deliver it after commit.
 */
export async function queueEmail<T extends EmailTemplate>(db: Writer, message: EmailMessage<T>, config: MailConfig = mailConfig()): Promise<string> {
  const { subject, html, text } = renderEmail(message, config);
  const row = await db.outboxEmail.create({ data: { to: message.to, subject, html, text, status: "OUTBOX", linkTokenId: message.linkTokenId }, select: { id: true } });
  return row.id;
}

/**
 * One delivery attempt of a queued email when SMTP is configured; without SMTP it stays in the
 * outbox for an admin to read. Sent: the row is SENT. Not sent: the row goes back to OUTBOX with
 * the error, so the worker's outbox sweep hands it to the `email.send` job, which retries with
 * backoff (lib/jobs); on that job's last attempt (`final`) the row is marked FAILED. Never throws:
 * the change that caused the email has already happened, and the row says what became of it.
 */
export async function deliverEmail(prisma: Db, id: string, config: MailConfig = mailConfig(), opts: { final?: boolean } = {}): Promise<"sent" | "failed" | "skipped"> {
  if (!config.smtpUrl) return "skipped";
  // Claims the row so that two deliveries of the same email cannot both send it. It reads FAILED
  // until the server accepts the message, so a crash mid-send leaves it visibly unsent.
  const claimed = await prisma.outboxEmail.updateManyAndReturn({
    where: { id, status: "OUTBOX" },
    data: { status: "FAILED", error: "Sending…" },
    select: { to: true, subject: true, html: true, text: true, linkTokenId: true },
  });
  if (claimed.length === 0) return "skipped";
  // The working link exists only on its way to SMTP, never in the row.
  const email = revealLink(claimed[0]);
  try {
    const transport = nodemailer.createTransport(config.smtpUrl);
    await transport.sendMail({ from: fromHeader(config), to: email.to, subject: email.subject, html: email.html, text: email.text });
  } catch (err) {
    const error = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
    log("warn", "email not sent", { emailId: id, error, final: Boolean(opts.final) });
    await prisma.outboxEmail.update({ where: { id }, data: { status: opts.final ? "FAILED" : "OUTBOX", error } });
    return "failed";
  }
  await prisma.outboxEmail.update({ where: { id }, data: { status: "SENT", error: null, sentAt: new Date() } });
  return "sent";
}

/** Records an email and sends it at once (when SMTP is configured). Returns the outbox row's id. */
export async function sendEmail<T extends EmailTemplate>(prisma: Db, message: EmailMessage<T>, config: MailConfig = mailConfig()): Promise<string> {
  const id = await queueEmail(prisma, message, config);
  await deliverEmail(prisma, id, config);
  return id;
}

// A bare address is shown under the hospital's name.
function fromHeader(config: MailConfig): string | { name: string; address: string } {
  return config.from.includes("<") ? config.from : { name: config.hospitalName, address: config.from };
}
