import { actionEmail, type EmailContext, type RenderedEmail } from "./layout";

// English strings live here, beside the template, so that a translation can follow file by file.
export type AppointmentEmailData = {
  kind: "booked" | "rescheduled" | "cancelled";
  patientName: string;
  doctorName: string;
  when: string;
  reason?: string;
  url: string;
};

const SUBJECT = { booked: "Your appointment is booked", rescheduled: "Your appointment has moved", cancelled: "Your appointment is cancelled" };

export function appointmentEmail(data: AppointmentEmailData, ctx: EmailContext): RenderedEmail {
  const lines = {
    booked: [`Your appointment with ${data.doctorName} is booked for ${data.when}.`],
    rescheduled: [`Your appointment with ${data.doctorName} now takes place on ${data.when}.`],
    cancelled: [`Your appointment with ${data.doctorName} on ${data.when} is cancelled.`, ...(data.reason ? [`Reason: ${data.reason}`] : [])],
  }[data.kind];
  return actionEmail(ctx, {
    subject: `${SUBJECT[data.kind]} — ${ctx.hospitalName}`,
    greeting: `Hello ${data.patientName},`,
    paragraphs: lines,
    action: { label: "See my appointments", url: data.url },
    footer: "Please arrive ten minutes early and bring your medical record number.",
  });
}
