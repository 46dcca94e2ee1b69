import { actionEmail, type EmailContext, type RenderedEmail } from "./layout";

// English strings live here, beside the template, so that a translation can follow file by file.
export type InvitationData = { name: string; roleLabel: string; url: string; expiresInHours: number };

export function invitationEmail(data: InvitationData, ctx: EmailContext): RenderedEmail {
  return actionEmail(ctx, {
    subject: `Your ${ctx.hospitalName} account`,
    greeting: `Hello ${data.name},`,
    paragraphs: [
      `An account was created for you at ${ctx.hospitalName} as ${data.roleLabel}.`,
      `Choose your password with the link below. It works once and expires in ${data.expiresInHours} hours.`,
    ],
    action: { label: "Set my password", url: data.url },
    footer: "If you did not expect this email, you can ignore it; nobody can use the account without this link.",
  });
}
