import { DateTime } from "luxon";
import { catalog, INTL_TAG, localeOf, type Locale } from "@/lib/i18n";
import { deliverEmails, mailConfig, queueEmail, type MailConfig } from "@/lib/notifications/mail";
import { notify } from "@/lib/notifications/service";
import { clock } from "@/lib/server/clock";
import type { Db } from "@/lib/server/db";
import { appUrl, env } from "@/lib/server/env";

const when = (d: Date, locale: Locale) =>
  DateTime.fromJSDate(d, { zone: env().HOSPITAL_TIMEZONE }).toLocaleString(DateTime.DATETIME_MED_WITH_WEEKDAY, {
    locale: INTL_TAG[locale],
  });

/**
 * Reminds every patient whose BOOKED appointment starts within REMINDER_HOURS_BEFORE. One statement
 * claims the appointments (reminderSentAt set where it was null), and the emails and in-app
 * notifications are written in the same transaction: two workers running this at once remind each
 * appointment exactly once (the second UPDATE waits on the row locks, then finds reminderSentAt set).
 */
export async function sendDueReminders(prisma: Db, config: MailConfig = mailConfig()): Promise<{ reminded: string[] }> {
  const now = clock.now();
  const until = new Date(now.getTime() + env().REMINDER_HOURS_BEFORE * 3600_000);
  const { ids, emailIds } = await prisma.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "Appointment" SET "reminderSentAt" = ${now}
      WHERE status = 'BOOKED' AND "reminderSentAt" IS NULL AND "startsAt" > ${now} AND "startsAt" <= ${until}
      RETURNING id`;
    const rows = await tx.appointment.findMany({
      where: { id: { in: claimed.map((c) => c.id) } },
      select: {
        id: true,
        startsAt: true,
        doctor: { select: { name: true } },
        patient: {
          select: { firstName: true, lastName: true, email: true, userId: true, user: { select: { language: true } } },
        },
      },
    });
    const emailIds: string[] = [];
    for (const a of rows) {
      const locale = localeOf(a.patient.user?.language);
      if (a.patient.userId)
        await notify(tx, a.patient.userId, {
          title: catalog(locale).scheduling.notify.tomorrow,
          body: `${a.doctor.name}, ${when(a.startsAt, locale)}`,
          link: `/appointments/${a.id}`,
        });
      if (a.patient.email) {
        const data = {
          patientName: `${a.patient.firstName} ${a.patient.lastName}`,
          doctorName: a.doctor.name,
          startsAt: a.startsAt,
          url: `${appUrl()}/appointments/${a.id}`,
        };
        emailIds.push(await queueEmail(tx, { to: a.patient.email, locale, template: "reminder", data }, config));
      }
    }
    return { ids: rows.map((r) => r.id), emailIds };
  });
  await deliverEmails(prisma, emailIds, config);
  return { reminded: ids };
}
