import { actionEmail, type EmailContext, type RenderedEmail } from "./layout";

// English strings live here, beside the template, so that a translation can follow file by file.
// What a doctor needs to find their patient, and no more: name, MRN, ward and bed, the reason.
export type InpatientEmailData = {
  kind: "assigned" | "discharged";
  doctorName: string;
  patientName: string;
  mrn: string;
  place: string;
  reason: string;
  url: string;
};

const SUBJECT = { assigned: "A patient has been admitted under your care", discharged: "Your patient has been discharged" };

export function inpatientEmail(data: InpatientEmailData, ctx: EmailContext): RenderedEmail {
  const who = `${data.patientName} (MRN ${data.mrn})`;
  const lines = {
    assigned: [`${who} has been admitted under your care.`, `Bed: ${data.place}.`, `Reason for admission: ${data.reason}`],
    discharged: [`${who} has been discharged from ${data.place}.`, `Reason for admission: ${data.reason}`],
  }[data.kind];
  return actionEmail(ctx, {
    subject: `${SUBJECT[data.kind]} — ${ctx.hospitalName}`,
    greeting: `Hello ${data.doctorName},`,
    paragraphs: lines,
    action: { label: "Open the admission", url: data.url },
    footer: "The clinical details are in the patient's chart; sign in to read them.",
  });
}
