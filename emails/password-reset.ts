import { actionEmail, type EmailContext, type RenderedEmail } from "./layout";

// English strings live here, beside the template, so that a translation can follow file by file.
export type PasswordResetData = { name: string; url: string; expiresInMinutes: number };

export function passwordResetEmail(data: PasswordResetData, ctx: EmailContext): RenderedEmail {
  return actionEmail(ctx, {
    subject: `Reset your ${ctx.hospitalName} password`,
    greeting: `Hello ${data.name},`,
    paragraphs: [
      "Someone asked to reset the password of your account. If it was you, choose a new password with the link below.",
      `The link works once and expires in ${data.expiresInMinutes} minutes.`,
    ],
    action: { label: "Choose a new password", url: data.url },
    footer: "If you did not ask for this, ignore this email: your password stays as it is.",
  });
}
