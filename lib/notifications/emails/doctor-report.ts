import { DateTime } from "luxon";
import { formatMoney } from "@/lib/billing/money";
import type { AppointmentStatus } from "@/lib/generated/prisma/enums";
import { DEFAULT_LOCALE, INTL_TAG } from "@/lib/i18n";
import { escapeHtml, words, type EmailContext, type RenderedEmail } from "./layout";

// The monthly activity report a doctor receives on the 1st.
export type DoctorReportData = {
  doctorName: string;
  month: string; // "2026-10"
  appointments: { status: AppointmentStatus; count: number }[];
  patientsSeen: number;
  consultationsSigned: number;
  admissionsAttended: number;
  // Billed in the doctor's name that month, in minor units of the hospital's currency.
  revenue: { minor: number; currency: string };
  url: string;
};

export function doctorReportEmail(data: DoctorReportData, ctx: EmailContext): RenderedEmail {
  const t = words(ctx);
  const w = t.doctorReport;
  const tag = INTL_TAG[ctx.locale ?? DEFAULT_LOCALE];
  const month = DateTime.fromFormat(data.month, "yyyy-MM").setLocale(tag).toFormat("LLLL yyyy");
  const count = (n: number) => n.toLocaleString(tag);
  const total = data.appointments.reduce((n, a) => n + a.count, 0);
  const rows: [string, string][] = [
    ...data.appointments.map((a) => [w.statuses[a.status], count(a.count)] as [string, string]),
    [w.total, count(total)],
    [w.patientsSeen, count(data.patientsSeen)],
    [w.consultationsSigned, count(data.consultationsSigned)],
    [w.admissionsAttended, count(data.admissionsAttended)],
    [w.revenue, formatMoney(data.revenue.minor, data.revenue.currency, ctx.locale ?? DEFAULT_LOCALE)],
  ];
  const subject = w.subject(month, ctx.hospitalName);
  const td = 'style="padding:8px 12px;border-bottom:1px solid #e2e8f0"';
  const table = rows
    .map(
      ([k, v]) =>
        `<tr><td ${td}>${escapeHtml(k)}</td><td ${td} align="right"><strong>${escapeHtml(v)}</strong></td></tr>`,
    )
    .join("");
  const html = `<!doctype html>
<html><body style="margin:0;padding:24px;background:#f1f5f9;font-family:Arial,Helvetica,sans-serif;color:#0f172a">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px">
<tr><td style="padding:20px 24px;border-bottom:3px solid #1d5fbf;font-size:18px;font-weight:bold;color:#1d5fbf">${escapeHtml(ctx.hospitalName)}</td></tr>
<tr><td style="padding:24px">
<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(t.greeting(data.doctorName))}</p>
<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(w.intro(month))}</p>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border:1px solid #e2e8f0;border-radius:6px;font-size:14px">${table}</table>
<p style="margin:24px 0 0;line-height:1.5;font-size:13px;color:#475569">${escapeHtml(data.url)}</p>
</td></tr>
</table>
</body></html>`;
  const text = [
    t.greeting(data.doctorName),
    "",
    w.intro(month),
    "",
    ...rows.map(([k, v]) => `${k}: ${v}`),
    "",
    data.url,
    "",
    `— ${ctx.hospitalName}`,
  ].join("\n");
  return { subject, html, text };
}
