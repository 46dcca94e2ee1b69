import { DateTime } from "luxon";
import { localeOf } from "@/lib/i18n";
import { deliverEmails, mailConfig, queueEmail, type MailConfig } from "@/lib/notifications/mail";
import { clock } from "@/lib/server/clock";
import type { Db } from "@/lib/server/db";
import { appUrl, env } from "@/lib/server/env";

/** The month before `now` in the hospital's time zone, as "YYYY-MM". */
export function previousMonth(now = clock.now()): string {
  return DateTime.fromJSDate(now, { zone: env().HOSPITAL_TIMEZONE })
    .startOf("month")
    .minus({ months: 1 })
    .toFormat("yyyy-MM");
}

/**
 * Emails each active doctor their activity for one month (default: the previous one). The
 * DoctorReport row (unique per doctor and month) is inserted in the transaction that writes the
 * email, so a doctor gets one report per month whichever worker runs first. Revenue is what was
 * billed in the doctor's name (their invoice lines) on invoices issued that month and not void.
 */
export async function sendMonthlyReports(
  prisma: Db,
  month = previousMonth(),
  config: MailConfig = mailConfig(),
): Promise<{ sent: number }> {
  const start = DateTime.fromFormat(month, "yyyy-MM", { zone: env().HOSPITAL_TIMEZONE });
  const from = start.toJSDate();
  const to = start.plus({ months: 1 }).toJSDate();
  const doctors = await prisma.user.findMany({
    where: { role: "DOCTOR", active: true },
    select: { id: true, name: true, email: true, language: true },
    orderBy: { name: "asc" },
  });
  const emailIds: string[] = [];
  for (const doctor of doctors) {
    const emailId = await prisma.$transaction(async (tx) => {
      const inserted = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "DoctorReport" (id, "doctorId", month, "sentAt") VALUES (gen_random_uuid()::text, ${doctor.id}, ${month}, ${clock.now()})
        ON CONFLICT ("doctorId", month) DO NOTHING RETURNING id`;
      if (inserted.length === 0) return null;
      const [byStatus, seen, signed, admissions, revenue] = await Promise.all([
        tx.appointment.groupBy({
          by: ["status"],
          where: { doctorId: doctor.id, startsAt: { gte: from, lt: to } },
          _count: { _all: true },
          orderBy: { status: "asc" },
        }),
        tx.$queryRaw<{ n: bigint }[]>`
          SELECT count(DISTINCT "patientId") AS n FROM (
            SELECT "patientId" FROM "Appointment" WHERE "doctorId" = ${doctor.id} AND status = 'COMPLETED' AND "startsAt" >= ${from} AND "startsAt" < ${to}
            UNION SELECT "patientId" FROM "Consultation" WHERE "doctorId" = ${doctor.id} AND "createdAt" >= ${from} AND "createdAt" < ${to}) s`,
        tx.consultation.count({ where: { doctorId: doctor.id, signedAt: { gte: from, lt: to } } }),
        tx.admission.count({
          where: {
            attendingDoctorId: doctor.id,
            admittedAt: { lt: to },
            OR: [{ dischargedAt: null }, { dischargedAt: { gte: from } }],
          },
        }),
        tx.$queryRaw<{ total: bigint | null }[]>`
          SELECT sum(l.amount) AS total FROM "InvoiceLine" l JOIN "Invoice" i ON i.id = l."invoiceId"
          WHERE l."doctorId" = ${doctor.id} AND i.status <> 'VOID' AND i."issuedAt" >= ${from} AND i."issuedAt" < ${to}`,
      ]);
      const data = {
        doctorName: doctor.name,
        month,
        appointments: byStatus.map((s) => ({ status: s.status, count: s._count._all })),
        patientsSeen: Number(seen[0]?.n ?? 0),
        consultationsSigned: signed,
        admissionsAttended: admissions,
        revenue: { minor: Number(revenue[0]?.total ?? 0), currency: env().HOSPITAL_CURRENCY },
        url: `${appUrl()}/appointments`,
      };
      const id = await queueEmail(
        tx,
        { to: doctor.email, locale: localeOf(doctor.language), template: "doctorReport", data },
        config,
      );
      await tx.doctorReport.update({ where: { id: inserted[0].id }, data: { emailId: id } });
      return id;
    });
    if (emailId) emailIds.push(emailId);
  }
  // Sent together at the end; should this run die first, the outbox sweep sends them.
  await deliverEmails(prisma, emailIds, config);
  return { sent: emailIds.length };
}
