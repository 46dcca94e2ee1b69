import { actionEmail, words, type EmailContext, type RenderedEmail } from "./layout";

export type PasswordResetData = { name: string; url: string; expiresInMinutes: number };

export function passwordResetEmail(data: PasswordResetData, ctx: EmailContext): RenderedEmail {
  const t = words(ctx);
  return actionEmail(ctx, {
    subject: t.passwordReset.subject(ctx.hospitalName),
    greeting: t.greeting(data.name),
    paragraphs: [t.passwordReset.asked, t.passwordReset.expires(data.expiresInMinutes)],
    action: { label: t.passwordReset.action, url: data.url },
    footer: t.passwordReset.footer,
  });
}
