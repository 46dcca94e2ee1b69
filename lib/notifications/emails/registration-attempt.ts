import { actionEmail, words, type EmailContext, type RenderedEmail } from "./layout";

export type RegistrationAttemptData = { name: string; signInUrl: string; resetUrl: string };

/**
 * To the owner of an address someone tried to register again: the registration page answered as it
 * does for any address (who is a patient here is not to be learnt from it), so the owner hears it here.
 */
export function registrationAttemptEmail(data: RegistrationAttemptData, ctx: EmailContext): RenderedEmail {
  const t = words(ctx);
  return actionEmail(ctx, {
    subject: t.registrationAttempt.subject(ctx.hospitalName),
    greeting: t.greeting(data.name),
    paragraphs: [t.registrationAttempt.body(ctx.hospitalName), t.registrationAttempt.forgot(data.resetUrl)],
    action: { label: t.registrationAttempt.action, url: data.signInUrl },
    footer: t.registrationAttempt.footer,
  });
}
