import { actionEmail, emailWhen, words, type EmailContext, type RenderedEmail } from "./layout";

export type ReminderEmailData = { patientName: string; doctorName: string; startsAt: Date; url: string };

export function reminderEmail(data: ReminderEmailData, ctx: EmailContext): RenderedEmail {
  const t = words(ctx);
  return actionEmail(ctx, {
    subject: t.reminder.subject(ctx.hospitalName),
    greeting: t.greeting(data.patientName),
    paragraphs: [t.reminder.body(data.doctorName, emailWhen(data.startsAt, ctx)), t.reminder.cannotCome],
    action: { label: t.appointment.action, url: data.url },
    footer: t.appointment.footer,
  });
}
