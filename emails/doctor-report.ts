import { escapeHtml, type EmailContext, type RenderedEmail } from "./layout";

// The monthly activity report a doctor receives on the 1st.
export type DoctorReportData = {
  doctorName: string;
  month: string; // "October 2026"
  appointments: { status: string; count: number }[];
  patientsSeen: number;
  consultationsSigned: number;
  admissionsAttended: number;
  // Billed in the doctor's name that month, formatted in the hospital's currency.
  revenue: string;
  url: string;
};

export function doctorReportEmail(data: DoctorReportData, ctx: EmailContext): RenderedEmail {
  const total = data.appointments.reduce((n, a) => n + a.count, 0);
  const rows: [string, string][] = [
    ...data.appointments.map((a) => [`Appointments ${a.status.toLowerCase()}`, String(a.count)] as [string, string]),
    ["Appointments in all", String(total)],
    ["Patients seen", String(data.patientsSeen)],
    ["Consultations signed", String(data.consultationsSigned)],
    ["Admissions attended", String(data.admissionsAttended)],
    ["Revenue billed", data.revenue],
  ];
  const subject = `Your activity in ${data.month} — ${ctx.hospitalName}`;
  const td = 'style="padding:8px 12px;border-bottom:1px solid #e2e8f0"';
  const table = rows.map(([k, v]) => `<tr><td ${td}>${escapeHtml(k)}</td><td ${td} align="right"><strong>${escapeHtml(v)}</strong></td></tr>`).join("");
  const html = `<!doctype html>
<html><body style="margin:0;padding:24px;background:#f1f5f9;font-family:Arial,Helvetica,sans-serif;color:#0f172a">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px">
<tr><td style="padding:20px 24px;border-bottom:3px solid #1d5fbf;font-size:18px;font-weight:bold;color:#1d5fbf">${escapeHtml(ctx.hospitalName)}</td></tr>
<tr><td style="padding:24px">
<p style="margin:0 0 16px;line-height:1.5">Hello ${escapeHtml(data.doctorName)},</p>
<p style="margin:0 0 16px;line-height:1.5">Here is your activity for ${escapeHtml(data.month)}.</p>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border:1px solid #e2e8f0;border-radius:6px;font-size:14px">${table}</table>
<p style="margin:24px 0 0;line-height:1.5;font-size:13px;color:#475569">${escapeHtml(data.url)}</p>
</td></tr>
</table>
</body></html>`;
  const text = [`Hello ${data.doctorName},`, "", `Here is your activity for ${data.month}.`, "", ...rows.map(([k, v]) => `${k}: ${v}`), "", data.url, "", `— ${ctx.hospitalName}`].join("\n");
  return { subject, html, text };
}
