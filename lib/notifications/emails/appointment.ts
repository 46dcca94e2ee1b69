import { actionEmail, emailWhen, words, type EmailContext, type RenderedEmail } from "./layout";

export type AppointmentEmailData = {
  kind: "booked" | "rescheduled" | "cancelled";
  patientName: string;
  doctorName: string;
  startsAt: Date;
  reason?: string;
  url: string;
};

export function appointmentEmail(data: AppointmentEmailData, ctx: EmailContext): RenderedEmail {
  const t = words(ctx);
  const w = t.appointment;
  const when = emailWhen(data.startsAt, ctx);
  const lines = {
    booked: [w.booked(data.doctorName, when)],
    rescheduled: [w.rescheduled(data.doctorName, when)],
    cancelled: [w.cancelled(data.doctorName, when), ...(data.reason ? [w.reason(data.reason)] : [])],
  }[data.kind];
  return actionEmail(ctx, {
    subject: `${w.subjects[data.kind]} — ${ctx.hospitalName}`,
    greeting: t.greeting(data.patientName),
    paragraphs: lines,
    action: { label: w.action, url: data.url },
    footer: w.footer,
  });
}
