import { DateTime } from "luxon";
import { catalog, DEFAULT_LOCALE, INTL_TAG, type Locale, type Messages } from "@/lib/i18n";

// The frame every email shares: the hospital's name as a header, one call-to-action button, and a
// plain-text twin for mail clients that show no HTML. Inline styles only: most clients drop <style>.
// The words come from the catalogue of the recipient's language (lib/i18n/emails.*.ts).

export type RenderedEmail = { subject: string; html: string; text: string };
/** Who sends, in which language (default English) and time zone (default UTC) dates are written. */
export type EmailContext = { hospitalName: string; locale?: Locale; timeZone?: string };

/** The email words of the recipient's language. */
export const words = (ctx: EmailContext): Messages["emails"] => catalog(ctx.locale ?? DEFAULT_LOCALE).emails;

/** An instant in the recipient's language, on the hospital's clock: "Mon, 1 Mar 2027, 09:30" / "lun. 1 mars 2027, 09:30". */
export function emailWhen(instant: Date, ctx: EmailContext): string {
  return DateTime.fromJSDate(instant, { zone: ctx.timeZone ?? "UTC" })
    .setLocale(INTL_TAG[ctx.locale ?? DEFAULT_LOCALE])
    .toLocaleString(DateTime.DATETIME_MED_WITH_WEEKDAY);
}

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

/** An email with a greeting, paragraphs, one button and a closing note; every value is escaped. */
export function actionEmail(
  ctx: EmailContext,
  email: {
    subject: string;
    greeting: string;
    paragraphs: string[];
    action: { label: string; url: string };
    footer: string;
  },
): RenderedEmail {
  const name = escapeHtml(ctx.hospitalName);
  const paragraphs = email.paragraphs
    .map((p) => `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(p)}</p>`)
    .join("");
  const html = `<!doctype html>
<html><body style="margin:0;padding:24px;background:#f1f5f9;font-family:Arial,Helvetica,sans-serif;color:#0f172a">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px">
<tr><td style="padding:20px 24px;border-bottom:3px solid #1d5fbf;font-size:18px;font-weight:bold;color:#1d5fbf">${name}</td></tr>
<tr><td style="padding:24px">
<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(email.greeting)}</p>
${paragraphs}
<p style="margin:24px 0"><a href="${escapeHtml(email.action.url)}" style="display:inline-block;padding:12px 20px;background:#1d5fbf;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold">${escapeHtml(email.action.label)}</a></p>
<p style="margin:0 0 16px;line-height:1.5;font-size:13px;color:#475569">${escapeHtml(email.action.url)}</p>
<p style="margin:0;line-height:1.5;font-size:13px;color:#475569">${escapeHtml(email.footer)}</p>
</td></tr>
</table>
</body></html>`;
  const text = [
    email.greeting,
    "",
    ...email.paragraphs.flatMap((p) => [p, ""]),
    `${email.action.label}: ${email.action.url}`,
    "",
    email.footer,
    "",
    `— ${ctx.hospitalName}`,
  ].join("\n");
  return { subject: email.subject, html, text };
}
