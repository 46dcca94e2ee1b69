import { actionEmail, words, type EmailContext, type RenderedEmail } from "./layout";

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

export function inpatientEmail(data: InpatientEmailData, ctx: EmailContext): RenderedEmail {
  const t = words(ctx);
  const w = t.inpatient;
  const who = w.who(data.patientName, data.mrn);
  const lines = {
    assigned: [w.assigned(who), w.bed(data.place), w.reason(data.reason)],
    discharged: [w.discharged(who, data.place), w.reason(data.reason)],
  }[data.kind];
  return actionEmail(ctx, {
    subject: `${w.subjects[data.kind]} — ${ctx.hospitalName}`,
    greeting: t.greeting(data.doctorName),
    paragraphs: lines,
    action: { label: w.action, url: data.url },
    footer: w.footer,
  });
}
