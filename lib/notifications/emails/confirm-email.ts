import { actionEmail, words, type EmailContext, type RenderedEmail } from "./layout";

export type ConfirmEmailData = { name: string; url: string; expiresInHours: number };

/** To a self-registered patient: the link that confirms the address (the account waits until then). */
export function confirmEmailEmail(data: ConfirmEmailData, ctx: EmailContext): RenderedEmail {
  const t = words(ctx);
  return actionEmail(ctx, {
    subject: t.confirmEmail.subject(ctx.hospitalName),
    greeting: t.greeting(data.name),
    paragraphs: [t.confirmEmail.body(ctx.hospitalName), t.confirmEmail.expires(data.expiresInHours)],
    action: { label: t.confirmEmail.action, url: data.url },
    footer: t.confirmEmail.footer,
  });
}
