import { randomUUID } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import { appointmentEmail, type AppointmentEmailData } from "@/lib/notifications/emails/appointment";
import { doctorReportEmail, type DoctorReportData } from "@/lib/notifications/emails/doctor-report";
import { inpatientEmail, type InpatientEmailData } from "@/lib/notifications/emails/inpatient";
import { invitationEmail, type InvitationData } from "@/lib/notifications/emails/invitation";
import type { EmailContext, RenderedEmail } from "@/lib/notifications/emails/layout";
import { confirmEmailEmail, type ConfirmEmailData } from "@/lib/notifications/emails/confirm-email";
import { passwordResetEmail, type PasswordResetData } from "@/lib/notifications/emails/password-reset";
import {
  registrationAttemptEmail,
  type RegistrationAttemptData,
} from "@/lib/notifications/emails/registration-attempt";
import { reminderEmail, type ReminderEmailData } from "@/lib/notifications/emails/reminder";
import type { Locale } from "@/lib/i18n";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import { DB_NOW, dbNowPlus } from "@/lib/server/db-time";
import { env } from "@/lib/server/env";
import { log } from "@/lib/server/log";
import { revealLink } from "./links";
import { clock } from "@/lib/server/clock";
import type { Columns } from "@/lib/server/rows";

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

export type MailConfig = {
  smtpUrl?: string;
  from: string;
  hospitalName: string;
  /** Emails sent at once over pooled SMTP connections (default EMAIL_CONCURRENCY). */
  concurrency?: number;
  /** Seconds a sender's claim on an email lasts (default EMAIL_LEASE_SECONDS). */
  leaseSeconds?: number;
};

/** The mail settings from the environment; tests pass their own to reach a local SMTP server. */
export function mailConfig(): MailConfig {
  const e = env();
  return {
    smtpUrl: e.SMTP_URL,
    from: e.MAIL_FROM,
    hospitalName: e.HOSPITAL_NAME,
    concurrency: e.EMAIL_CONCURRENCY,
    leaseSeconds: e.EMAIL_LEASE_SECONDS,
  };
}

type Writer = Pick<Db, "outboxEmail">;

export function renderEmail<T extends EmailTemplate>(
  message: EmailMessage<T>,
  config: Pick<MailConfig, "hospitalName">,
): RenderedEmail {
  const render = TEMPLATES[message.template] as (data: TemplateData[T], ctx: EmailContext) => RenderedEmail;
  return render(message.data, {
    hospitalName: config.hospitalName,
    locale: message.locale,
    timeZone: env().HOSPITAL_TIMEZONE,
  });
}

/**
 * Records an email as OUTBOX without sending it. Call it inside the transaction of the change that
 * causes the email, so that an email exists exactly when the change does; deliver it after commit.
 */
export async function queueEmail<T extends EmailTemplate>(
  db: Writer,
  message: EmailMessage<T>,
  config: MailConfig = mailConfig(),
): Promise<string> {
  const row = await db.outboxEmail.create({ data: outboxRow(message, config), select: { id: true } });
  return row.id;
}

/**
 * An outbox row's values, the email rendered: what queueEmail() writes, and what a hand-written
 * statement inserts (lib/server/rows.ts). The Message-ID is chosen here, once for every attempt.
 */
export function outboxRow<T extends EmailTemplate>(
  message: EmailMessage<T>,
  config: Pick<MailConfig, "hospitalName" | "from">,
) {
  const { subject, html, text } = renderEmail(message, config);
  return {
    to: message.to,
    subject,
    html,
    text,
    status: "OUTBOX" as const,
    linkTokenId: message.linkTokenId ?? null,
    messageId: `<${randomUUID()}@${senderDomain(config)}>`,
  };
}
export type OutboxRow = ReturnType<typeof outboxRow>;
/** The columns of outboxRow's row, and the id a statement chooses itself (Prisma makes one for queueEmail()). */
export const OUTBOX_COLUMNS: Columns<OutboxRow & { id: string }> = {
  id: "text",
  to: "text",
  subject: "text",
  html: "text",
  text: "text",
  status: '"EmailStatus"',
  linkTokenId: "text",
  messageId: "text",
};

// ---------------------------------------------------------------------------------------------
// Delivery: at least once, duplicates recognisable.
//
// A sender first claims the row in one statement (attempts + 1, claimedUntil = now + its lease,
// Message-ID fixed if the row has none), then talks to SMTP, then confirms SENT. A sender that dies
// in between leaves an OUTBOX row whose claim expires; the outbox sweep (deliverDueEmails) then sends
// it again with the same Message-ID, so the rare duplicate (the server had accepted the first copy)
// is recognisable as one. SMTP timeouts are a quarter of the lease, so a live sender gives up before
// anyone may take its claim over. Lease and backoff arithmetic uses the database's clock, the one
// clock every web process and worker shares.

/** Attempts before an email is marked FAILED (the first and five retries, as the email.send job). */
export const EMAIL_MAX_ATTEMPTS = 6;
const BACKOFF_BASE_SECONDS = 30;
const BACKOFF_MAX_SECONDS = 3600;

type Claimed = {
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  attempts: number;
  linkTokenId: string | null;
};
type Outcome = "sent" | "failed" | "skipped";

const leaseOf = (config: MailConfig) => config.leaseSeconds ?? env().EMAIL_LEASE_SECONDS;
const concurrencyOf = (config: MailConfig) => config.concurrency ?? env().EMAIL_CONCURRENCY;
/** The domain of MAIL_FROM: a Message-ID's right-hand side names the sender's domain (RFC 5322 §3.6.4). */
const senderDomain = (config: Pick<MailConfig, "from">) =>
  /@([^\s>]+)>?\s*$/.exec(config.from)?.[1] ?? "hospital.local";
const newMessageId = (config: MailConfig) =>
  Prisma.sql`'<' || gen_random_uuid()::text || '@' || ${senderDomain(config)} || '>'`;
const returning = Prisma.sql`RETURNING o.id, o."to", o.subject, o.html, o.text, o."messageId", o.attempts, o."linkTokenId"`;

/** Claims one email by id, whatever its backoff (an explicit attempt), unless another sender holds it. */
async function claimEmail(prisma: Db, id: string, config: MailConfig): Promise<Claimed | null> {
  const rows = await prisma.$queryRaw<Claimed[]>`
    UPDATE "OutboxEmail" o SET attempts = o.attempts + 1, "claimedUntil" = ${dbNowPlus(leaseOf(config))},
      "messageId" = COALESCE(o."messageId", ${newMessageId(config)})
    WHERE o.id = ${id} AND o.status = 'OUTBOX' AND (o."claimedUntil" IS NULL OR o."claimedUntil" < ${DB_NOW})
    ${returning}`;
  return rows[0] ?? null;
}

/** Claims up to `limit` emails that are due: unclaimed (or their sender's claim expired) and past their backoff, oldest first. */
async function claimDueEmails(prisma: Db, limit: number, config: MailConfig): Promise<Claimed[]> {
  return prisma.$queryRaw<Claimed[]>`
    UPDATE "OutboxEmail" o SET attempts = o.attempts + 1, "claimedUntil" = ${dbNowPlus(leaseOf(config))},
      "messageId" = COALESCE(o."messageId", ${newMessageId(config)})
    FROM (SELECT id FROM "OutboxEmail"
          WHERE status = 'OUTBOX' AND ("claimedUntil" IS NULL OR "claimedUntil" < ${DB_NOW}) AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${DB_NOW})
          ORDER BY "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED) due
    WHERE o.id = due.id
    ${returning}`;
}

/** Sends a claimed email and records the outcome. Never throws. */
async function sendClaimed(prisma: Db, email: Claimed, config: MailConfig, final: boolean): Promise<"sent" | "failed"> {
  try {
    // The working link exists only on its way to SMTP, never in the row (lib/notifications/links.ts).
    const out = revealLink(email);
    await withTransport(config, (transport) =>
      transport.sendMail({
        from: fromHeader(config),
        to: out.to,
        subject: out.subject,
        html: out.html,
        text: out.text,
        messageId: out.messageId,
      }),
    );
  } catch (err) {
    const error = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
    const giveUp = final || email.attempts >= EMAIL_MAX_ATTEMPTS;
    log("warn", "email not sent", { emailId: email.id, error, attempt: email.attempts, final: giveUp });
    const delay = Math.min(BACKOFF_MAX_SECONDS, BACKOFF_BASE_SECONDS * 2 ** (email.attempts - 1));
    // Only while this attempt still holds the row: a sender whose claim was taken over says nothing.
    await prisma.$executeRaw`
      UPDATE "OutboxEmail" SET status = ${giveUp ? "FAILED" : "OUTBOX"}::"EmailStatus", error = ${error}, "claimedUntil" = NULL,
        "nextAttemptAt" = CASE WHEN ${giveUp} THEN NULL ELSE ${dbNowPlus(delay)} END
      WHERE id = ${email.id} AND attempts = ${email.attempts} AND status = 'OUTBOX'`.catch((e: unknown) =>
      log("error", "email outcome not recorded", { emailId: email.id, error: String(e) }),
    );
    return "failed";
  }
  // Delivered, whoever holds the claim now: SENT is the truth, and stops any later attempt.
  await prisma.outboxEmail
    .updateMany({
      where: { id: email.id, status: { not: "SENT" } },
      data: { status: "SENT", error: null, sentAt: clock.now(), claimedUntil: null, nextAttemptAt: null },
    })
    .catch((e: unknown) => log("error", "email outcome not recorded", { emailId: email.id, error: String(e) }));
  return "sent";
}

/**
 * One delivery attempt of a queued email when SMTP is configured; without SMTP it stays in the
 * outbox for an admin to read. Sent: the row is SENT. Not sent: the row stays OUTBOX with the error
 * and a backoff, and the worker's outbox sweep tries again (also after a crash mid-send, once the
 * claim expires); after EMAIL_MAX_ATTEMPTS, or on the email.send job's last attempt (`final`), it is
 * FAILED. "skipped": already sent, or another sender holds it. Never throws: the change that caused
 * the email has already happened, and the row says what became of it.
 */
export async function deliverEmail(
  prisma: Db,
  id: string,
  config: MailConfig = mailConfig(),
  opts: { final?: boolean } = {},
): Promise<Outcome> {
  if (!config.smtpUrl) return "skipped";
  const email = await claimEmail(prisma, id, config);
  if (!email) return "skipped";
  return sendClaimed(prisma, email, config, Boolean(opts.final));
}

/** deliverEmail for several emails, EMAIL_CONCURRENCY at a time (a job's reminders or reports). */
export async function deliverEmails(prisma: Db, ids: string[], config: MailConfig = mailConfig()): Promise<void> {
  const queue = [...ids];
  const lane = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) await deliverEmail(prisma, id, config);
  };
  await Promise.all(Array.from({ length: Math.min(concurrencyOf(config), queue.length) }, lane));
}

/**
 * The outbox sweep: sends every due email (never sent yet, failed and past its backoff, or claimed by
 * a sender that died) EMAIL_CONCURRENCY at a time, until none is due or `budgetMs` has passed. Emails
 * are claimed in batches of EMAIL_CONCURRENCY, the next batch while the current one is being sent, so
 * a claimed email waits for at most one send before its own. Workers running it side by side share the
 * outbox (SKIP LOCKED).
 */
export async function deliverDueEmails(
  prisma: Db,
  config: MailConfig = mailConfig(),
  opts: { budgetMs?: number } = {},
): Promise<{ sent: number; failed: number }> {
  const done = { sent: 0, failed: 0 };
  if (!config.smtpUrl) return done;
  const until = performance.now() + (opts.budgetMs ?? 50_000);
  const lanes = concurrencyOf(config);
  const claimed: Claimed[] = [];
  let exhausted = false;
  let claiming: Promise<void> | null = null;
  let failure: unknown;
  const refill = () =>
    (claiming ??= claimDueEmails(prisma, lanes, config)
      .then((batch) => {
        claimed.push(...batch);
        exhausted = batch.length === 0;
      })
      .catch((err: unknown) => {
        failure = err;
        exhausted = true;
      })
      .finally(() => (claiming = null)));
  const more = () => !exhausted && performance.now() < until;
  /** The next claimed email; claims the next batch when this one runs low. Claimed emails are always sent. */
  const next = async (): Promise<Claimed | undefined> => {
    while (claimed.length === 0 && more()) await refill();
    if (claimed.length <= lanes / 2 && more()) void refill();
    return claimed.shift();
  };
  const lane = async () => {
    for (let email = await next(); email; email = await next()) done[await sendClaimed(prisma, email, config, false)]++;
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  await claiming; // a batch claimed as the last lane finished is sent too
  if (claimed.length > 0)
    await Promise.all(claimed.splice(0).map(async (email) => done[await sendClaimed(prisma, email, config, false)]++));
  if (failure) throw failure;
  return done;
}

// One pooled SMTP transport per server and settings, kept while it is in use and closed a second
// after its last message, so a burst reuses connections and an idle process holds none.
type Pool = { transport: Transporter; inFlight: number; idle?: NodeJS.Timeout };
const pools = new Map<string, Pool>();

async function withTransport<T>(config: MailConfig, send: (transport: Transporter) => Promise<T>): Promise<T> {
  const url = pooledUrl(config);
  let pool = pools.get(url);
  if (!pool) {
    pool = { transport: nodemailer.createTransport(url), inFlight: 0 };
    pools.set(url, pool);
  }
  const p = pool;
  clearTimeout(p.idle);
  p.inFlight++;
  try {
    return await send(p.transport);
  } finally {
    p.inFlight--;
    if (p.inFlight === 0) {
      p.idle = setTimeout(() => {
        if (p.inFlight > 0 || pools.get(url) !== p) return;
        pools.delete(url);
        p.transport.close();
      }, 1000);
      p.idle.unref();
    }
  }
}

/** SMTP_URL with the pool's settings added (unless the URL sets them itself). */
function pooledUrl(config: MailConfig): string {
  const url = new URL(config.smtpUrl!);
  const timeoutMs = String(Math.max(1000, (leaseOf(config) * 1000) / 4));
  const settings = {
    pool: "true",
    maxConnections: String(concurrencyOf(config)),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  };
  for (const [k, v] of Object.entries(settings)) if (!url.searchParams.has(k)) url.searchParams.set(k, v);
  return url.toString();
}

/** Records an email and sends it at once (when SMTP is configured). Returns the outbox row's id. */
export async function sendEmail<T extends EmailTemplate>(
  prisma: Db,
  message: EmailMessage<T>,
  config: MailConfig = mailConfig(),
): Promise<string> {
  const id = await queueEmail(prisma, message, config);
  await deliverEmail(prisma, id, config);
  return id;
}

// A bare address is shown under the hospital's name.
function fromHeader(config: MailConfig): string | { name: string; address: string } {
  return config.from.includes("<") ? config.from : { name: config.hospitalName, address: config.from };
}
