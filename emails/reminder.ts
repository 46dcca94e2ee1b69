import { actionEmail, type EmailContext, type RenderedEmail } from "./layout";

// English strings live here, beside the template, so that a translation can follow file by file.
export type ReminderEmailData = { patientName: string; doctorName: string; when: string; url: string };

export function reminderEmail(data: ReminderEmailData, ctx: EmailContext): RenderedEmail {
  return actionEmail(ctx, {
    subject: `Reminder: your appointment tomorrow — ${ctx.hospitalName}`,
    greeting: `Hello ${data.patientName},`,
    paragraphs: [`This is a reminder of your appointment with ${data.doctorName} on ${data.when}.`, "If you cannot come, please cancel or move it so that someone else can have the slot."],
    action: { label: "See my appointments", url: data.url },
    footer: "Please arrive ten minutes early and bring your medical record number.",
  });
}
